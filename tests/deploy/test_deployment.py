"""The production deployment, checked without a cluster: the manifests are what the generator
writes from the platform's registries; every overlay builds with kubectl kustomize and its core
objects validate against the Kubernetes schemas; every workload is hardened; every topic has its
KafkaTopic; the image is built as it should be."""

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from deploy.k8s import generate
from deploy.local.processes import SERVICES
from shared.events.envelope import registry

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
OVERLAYS = ("dev", "production")
KUBERNETES_VERSION = "1.31"
# Operators' kinds: their schemas come with the operators, not with Kubernetes.
CUSTOM = {
    "Kafka",
    "KafkaNodePool",
    "KafkaTopic",
    "KafkaUser",
    "Cluster",
    "ScheduledBackup",
    "PodMonitor",
    "PrometheusRule",
}


def build(overlay: str) -> list[dict]:
    kubectl = shutil.which("kubectl")
    assert kubectl, "kubectl is needed (make test installs Debian's package)"
    out = subprocess.run(
        [kubectl, "kustomize", str(K8S / "overlays" / overlay)], capture_output=True, text=True, check=True
    )
    return [doc for doc in yaml.safe_load_all(out.stdout) if doc]


@pytest.fixture(scope="module", params=OVERLAYS)
def objects(request) -> list[dict]:
    return build(request.param)


def test_committed_manifests_are_what_the_registries_generate(tmp_path):
    generate.write(tmp_path)
    for written in sorted(tmp_path.iterdir()):
        committed = K8S / "base" / written.name
        assert committed.exists(), f"{written.name} is not committed: run `make manifests`"
        assert committed.read_text() == written.read_text(), f"{written.name} drifted: run `make manifests`"
    assert {p.name for p in (K8S / "base").iterdir()} == {p.name for p in tmp_path.iterdir()}


def test_core_objects_validate_against_the_kubernetes_schemas(objects):
    checked = 0
    for obj in objects:
        if obj["kind"] in CUSTOM:
            continue
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
        checked += 1
    assert checked >= 30


def _containers(obj: dict) -> list[dict]:
    spec = obj["spec"]["template"]["spec"]
    return [*spec.get("initContainers", []), *spec["containers"]]


def test_every_workload_is_hardened(objects):
    deployments = [o for o in objects if o["kind"] == "Deployment"]
    assert {d["metadata"]["name"] for d in deployments} == {"gateway", *SERVICES}
    for deployment in deployments:
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["automountServiceAccountToken"] is False
        assert pod["topologySpreadConstraints"][0]["topologyKey"] == "topology.kubernetes.io/zone"
        for container in _containers(deployment):
            name = f"{deployment['metadata']['name']}/{container['name']}"
            security = container["securityContext"]
            assert security["runAsNonRoot"] and security["runAsUser"] != 0, name
            assert security["allowPrivilegeEscalation"] is False, name
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["capabilities"]["drop"] == ["ALL"], name
            assert container["resources"]["requests"] and container["resources"]["limits"], name
            image = container["image"]
            assert re.search(r":[0-9][\w.-]*$|@sha256:", image) and not image.endswith(":latest"), name
            # Secrets are mounted files (shared.config.secret), never environment variables.
            for variable in container.get("env", []):
                assert "secretKeyRef" not in variable.get("valueFrom", {}), f"{name}: {variable['name']}"
                secret_like = re.search(r"(URL|KEY|PASSWORD|SECRET)$", variable["name"])
                assert not (secret_like and "UPSTREAMS" not in variable["name"]), (
                    f"{name}: {variable['name']}"
                )
            mounts = {m["name"]: m for m in container["volumeMounts"]}
            assert mounts["secrets"]["readOnly"] is True, name
            assert {"name": "SIAPKERJA_SECRETS_DIR", "value": mounts["secrets"]["mountPath"]} in container[
                "env"
            ]
        volumes = {v["name"]: v for v in pod["volumes"]}
        files = {
            item["path"]
            for source in volumes["secrets"]["projected"]["sources"]
            for item in source["secret"]["items"]
        }
        process = deployment["metadata"]["name"].upper()
        assert {f"SIAPKERJA_{process}_DATABASE_URL", "KAFKA_SASL_PASSWORD"} <= files, files
        main = pod["containers"][0]
        assert main["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert main["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert pod["initContainers"][0]["command"][-2:] == [
            "shared.migrations",
            deployment["metadata"]["name"],
        ]
    kinds = {o["kind"] for o in objects}
    assert "Secret" not in kinds  # referenced, never inlined
    for kind in ("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"):
        assert {o["metadata"]["name"] for o in objects if o["kind"] == kind} == {"gateway", *SERVICES}


def test_network_is_denied_by_default_and_only_the_gateway_is_exposed(objects):
    policies = {o["metadata"]["name"]: o for o in objects if o["kind"] == "NetworkPolicy"}
    deny = policies["default-deny"]["spec"]
    assert deny["podSelector"] == {} and set(deny["policyTypes"]) == {"Ingress", "Egress"}
    ingresses = [o for o in objects if o["kind"] == "Ingress"]
    backends = {
        p["backend"]["service"]["name"]
        for i in ingresses
        for r in i["spec"]["rules"]
        for p in r["http"]["paths"]
    }
    assert backends == {"gateway"} and all(i["spec"]["tls"] for i in ingresses)


def test_every_published_topic_has_a_kafka_topic_and_each_service_a_user(objects):
    for name in SERVICES:
        __import__(f"services.{name}.events")
    declared = {o["spec"]["topicName"]: o["spec"] for o in objects if o["kind"] == "KafkaTopic"}
    for topic in {cls.topic() for cls in registry.values() if cls.service in SERVICES}:
        assert topic in declared, f"{topic} has no KafkaTopic"
        assert declared[topic]["replicas"] == 3 and declared[topic]["config"]["min.insync.replicas"] == 2
    users = {o["metadata"]["name"]: o for o in objects if o["kind"] == "KafkaUser"}
    assert {"gateway", *SERVICES} <= set(users)
    for name in SERVICES:
        writes = [
            a["resource"]["name"]
            for a in users[name]["spec"]["authorization"]["acls"]
            if "Write" in a["operations"] and a["resource"]["type"] == "topic"
        ]
        assert all(w.startswith((f"siapkerja.{name}.", f"siapkerja.dlq.siapkerja.{name}")) for w in writes), (
            name
        )


def test_the_image_is_built_to_run_unprivileged():
    dockerfile = (ROOT / "deploy" / "docker" / "Dockerfile").read_text()
    stages = re.split(r"^FROM ", dockerfile, flags=re.M)[1:]
    assert len(stages) >= 2
    for stage in stages:
        base = stage.split()[0]
        assert re.search(r":\d[\w.-]*$|@sha256:", base) and not base.endswith(":latest"), base
    final = stages[-1]
    assert re.search(r"^USER 10001", final, re.M) and "HEALTHCHECK" in final
    assert "build-essential" not in final and "apt-get install" not in final
    assert "pip install -c requirements.lock ." in dockerfile  # the versions make test ran with
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", ".data", "tests"} <= set(ignored)


def test_the_package_the_image_installs_holds_every_file_the_processes_read(tmp_path):
    """The image runs what `pip install .` installs, not the source tree: templates, reference
    data, migrations and the policy must be in the package, not only in the repository."""
    git = shutil.which("git")
    source = tmp_path / "src"
    source.mkdir()
    archive = subprocess.run([git, "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run([shutil.which("tar"), "-x", "-C", str(source)], input=archive, check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    packaged = set(zipfile.ZipFile(wheel).namelist())
    dockerfile = (ROOT / "deploy" / "docker" / "Dockerfile").read_text()
    copied = [p for line in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, re.M) for p in line.split()]
    sources = [path for path in copied if not path.endswith((".toml", ".md", ".lock"))]
    listed = subprocess.run([git, "ls-files", *sources], cwd=ROOT, capture_output=True, text=True, check=True)
    tracked = listed.stdout.split()
    assert len(tracked) > 100
    assert [f for f in tracked if f not in packaged] == []


def _checkov(*args: str) -> dict:
    checkov = ROOT / ".venv" / "checkov" / "bin" / "checkov"
    assert checkov.exists(), "checkov is needed (make test installs it in .venv/checkov)"
    result = subprocess.run([str(checkov), *args, "-o", "json"], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    failed = [(c["check_id"], c["resource"]) for c in report["results"]["failed_checks"]]
    assert result.returncode == 0 and not failed, failed
    return report["summary"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_checkov_passes_on_every_overlay_with_only_the_named_waivers(overlay, tmp_path):
    built = tmp_path / f"{overlay}.yaml"
    built.write_text(yaml.safe_dump_all(build(overlay)))
    summary = _checkov("--config-file", str(K8S / "checkov.yaml"), "-f", str(built))
    assert summary["passed"] > 100, summary  # it really scanned every workload


def test_checkov_passes_on_the_dockerfile_with_no_waivers():
    # No Docker engine builds the image here; its Dockerfile is still scanned (user, health
    # check, no `latest`, no `ADD` of remote files, no disabled certificate checks…).
    summary = _checkov("--framework", "dockerfile", "-f", str(ROOT / "deploy" / "docker" / "Dockerfile"))
    assert summary["passed"] > 50 and summary["skipped"] == 0, summary
