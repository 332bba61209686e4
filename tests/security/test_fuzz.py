"""Schemathesis against the gateway's merged OpenAPI, once per kind of caller: every operation
the gateway publishes — whatever service it belongs to — is fed valid and invalid data, and
every answer must be no 5xx, a documented status and content type, a body matching its schema,
invalid data refused, missing credentials refused, and undeclared methods answered 405.

The fuzzer writes freely, so it runs after every other test (tests/conftest.py). Bounded here
(SIAPKERJA_FUZZ_EXAMPLES per operation in the fuzzing phase, 3 by default); `make fuzz` runs it
longer."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import pytest

from tests.actors import employer, officer, partner, register

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "ignored_auth",
    "unsupported_method",
)
CALLERS = ("anonymous", "pencari_kerja", "pemberi_kerja", "partner", "admin")
EXAMPLES = int(os.environ.get("SIAPKERJA_FUZZ_EXAMPLES", "3"))


async def caller_auth(name: str, identity, admin_token: str) -> dict[str, str] | None:
    if name == "anonymous":
        return None
    if name == "pencari_kerja":
        return (await register(identity)).auth
    if name == "pemberi_kerja":
        return (await employer(identity, admin_token, region="32.01")).auth
    if name == "partner":
        return await partner(identity, admin_token, "Mitra uji fuzz", ["bpjs:participation", "stats:read"])
    return (await officer(identity, admin_token, name, "32.01")).auth


@pytest.mark.fuzz
@pytest.mark.parametrize("caller", CALLERS)
async def test_fuzz_the_published_api(caller, platform, identity, admin_token, tmp_path):
    plat, _ = platform
    auth = await caller_auth(caller, identity, admin_token)
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"http://127.0.0.1:{plat.gateway_port}/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "17",
        "--workers",
        "1",  # hypothesis' lambda sources are not thread-safe (a runtime error at 2 workers)
        "--generation-database",
        "none",
        "--request-timeout",
        "10",
        "--no-shrink",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    for name, value in (auth or {}).items():
        command += ["--header", f"{name}: {value}"]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, cwd=tmp_path
    )
    out = (await asyncio.wait_for(process.communicate(), timeout=900))[0].decode()
    summary = out[out.find("= SUMMARY =") :] if "= SUMMARY =" in out else out[-4000:]
    failures = out[out.find("= FAILURES =") : out.find("= WARNINGS =")] if "= FAILURES =" in out else ""
    assert process.returncode == 0, (failures or out[-6000:])[:20000]
    cases = re.search(r"(\d+) generated", summary)
    assert cases is not None and int(cases.group(1)) > 0, summary
    print(f"fuzz as {caller}: {cases.group(1)} cases, 0 failures")
