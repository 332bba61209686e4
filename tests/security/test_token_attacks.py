"""Forged and misused tokens, against the gateway and against a service directly: every one is
refused with 401 problem+json — never a 500, never a fetch of an attacker's key URL."""

import asyncio
import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk

from deploy.local.stack import free_port
from tests.actors import register
from tests.placement.conftest import seeker
from tests.security.conftest import claims_of, fresh, resign

PROTECTED = "/api/v1/placement/jobseekers/me"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unsigned(header: dict, claims: dict) -> str:
    return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}."


def _hs256(claims: dict, secret: bytes, kid: str) -> str:
    """The key-confusion attack, by hand: python-jose itself refuses to HMAC with a public key."""
    signing_input = _unsigned({"alg": "HS256", "typ": "at+jwt", "kid": kid}, claims)[:-1]
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(mac)}"


class _KeyServer(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"keys": []}')

    def log_message(self, *args):
        pass


@pytest.fixture
def attacker_jku():
    port = free_port()
    server = HTTPServer(("127.0.0.1", port), _KeyServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/jwks.json"
    server.shutdown()


def _attacker_key():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = jwk.construct(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
        "RS256",
    ).to_dict()
    return pem, public


async def test_every_forged_or_misused_token_is_refused(identity, gw, platform, signing_key, attacker_jku):
    plat, _ = platform
    me = await seeker(identity, gw)
    real = me.tokens["access_token"]
    assert (await gw.get(PROTECTED, headers=me.auth)).status_code == 200
    claims = claims_of(real)
    kid, pem, public = signing_key
    public_pem = jwk.construct(public, "RS256").to_pem()
    public_der = serialization.load_pem_public_key(public_pem).public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    attacker_pem, attacker_public = _attacker_key()
    header, _, signature = real.split(".")
    tampered_claims = {**claims, "roles": ["admin"], "region": "national"}

    attacks = {
        "alg none": _unsigned({"alg": "none", "typ": "at+jwt", "kid": kid}, fresh(claims)),
        "HS256 with the public key (PEM)": _hs256(fresh(claims), public_pem, kid),
        "HS256 with the public key (DER)": _hs256(fresh(claims), public_der, kid),
        "tampered claims": f"{header}.{_b64(json.dumps(tampered_claims).encode())}.{signature}",
        "expired": resign(fresh(claims, exp=claims["iat"] - 60, iat=claims["iat"] - 1000), pem, kid),
        "no exp": resign(fresh(claims, exp=None), pem, kid),
        "not yet valid": resign(fresh(claims, nbf=claims["iat"] + 3600), pem, kid),
        "wrong audience": resign(fresh(claims, aud="another-system"), pem, kid),
        "no audience": resign(fresh(claims, aud=None), pem, kid),
        "wrong issuer": resign(fresh(claims, iss="https://attacker.example"), pem, kid),
        "no issuer": resign(fresh(claims, iss=None), pem, kid),
        "not an access token (typ)": resign(fresh(claims), pem, kid, typ="JWT"),
        "refresh token as access token": me.tokens["refresh_token"],
        "attacker's embedded jwk": resign(fresh(claims), attacker_pem, "attacker", jwk=attacker_public),
        "attacker's jku": resign(fresh(claims), attacker_pem, "attacker-2", jku=attacker_jku),
        "unknown kid": resign(fresh(claims), attacker_pem, "no-such-kid"),
        "garbage": "not.a.token",
    }
    placement = httpx.AsyncClient(base_url=f"http://127.0.0.1:{plat.service_ports['placement']}", timeout=10)
    async with placement:
        for name, token in attacks.items():
            for target, client in (("gateway", gw), ("placement", placement)):
                response = await client.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})
                assert response.status_code == 401, (
                    f"{name} via {target}: {response.status_code} {response.text}"
                )
                assert response.headers["content-type"].startswith("application/problem+json"), name
    assert _KeyServer.hits == 0  # no key was ever fetched from an attacker's address

    # Identity headers a client sends are not identities.
    forged_headers = {
        "X-User-Id": me.account_id,
        "X-Principal": json.dumps(claims),
        "X-Account-Type": "pencari_kerja",
    }
    assert (await gw.get(PROTECTED, headers=forged_headers)).status_code == 401


async def test_tokens_of_a_revoked_session_are_refused_everywhere(identity, gw, platform):
    plat, _ = platform
    me = await register(identity)
    url = "/api/v1/identity/me"
    assert (await gw.get(url, headers=me.auth)).status_code == 200
    out = await identity.post(
        "/api/v1/identity/logout", headers=me.auth, data={"refresh_token": me.tokens["refresh_token"]}
    )
    assert out.status_code in (200, 204), out.text

    for _ in range(100):  # the revocation event reaches the gateway and the services
        if (await gw.get(url, headers=me.auth)).status_code == 401:
            break
        await asyncio.sleep(0.1)
    assert (await gw.get(url, headers=me.auth)).status_code == 401
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{plat.service_ports['placement']}") as placement:
        for _ in range(100):
            if (await placement.get(PROTECTED, headers=me.auth)).status_code == 401:
                break
            await asyncio.sleep(0.1)
        assert (await placement.get(PROTECTED, headers=me.auth)).status_code == 401
