"""Access-token verification refuses everything but a well-formed token of a published key."""

import base64
import hashlib
import hmac
import json
import time
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt

from shared.auth import Principal, TokenVerifier, region_covers
from shared.errors import Unauthorized

ISS, AUD = "https://siapkerja.test", "siapkerja"


class Issuer:
    """Signs tokens as identity would, for tests of the verifier."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = uuid.uuid4().hex
        self.pem = self.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self.public_pem = (
            self.key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        self.fetches = 0

    def jwks(self):
        public = jwk.construct(self.public_pem, "RS256").to_dict()
        return {"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def token(self, headers=None, **claims):
        now = int(time.time())
        body = {
            "iss": ISS,
            "aud": AUD,
            "sub": "acct-1",
            "iat": now,
            "exp": now + 900,
            "jti": uuid.uuid4().hex,
        }
        body.update(claims)
        body = {k: v for k, v in body.items() if v is not None}
        return jwt.encode(
            body, self.pem, algorithm="RS256", headers={"kid": self.kid, "typ": "at+jwt", **(headers or {})}
        )

    def verifier(self):
        async def source():
            self.fetches += 1
            return self.jwks()

        return TokenVerifier(source, issuer=ISS, audience=AUD)


def issuer():
    return Issuer()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def forge(header: dict, claims: dict, signature: bytes = b"") -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}.{b64(signature)}"


async def test_valid_token_gives_principal():
    iss = issuer()
    principal = await iss.verifier().verify(
        iss.token(
            account_type="pemberi_kerja",
            roles=["pengawas"],
            region="32.01",
            scope="a b",
            org={"id": "o1", "type": "pemberi_kerja", "verified": True},
        )
    )
    assert principal.subject == "acct-1" and principal.roles == {"pengawas"}
    assert principal.org == "o1" and principal.org_verified and principal.scopes == {"a", "b"}


def claims_now(**over):
    now = int(time.time())
    return {"iss": ISS, "aud": AUD, "sub": "x", "iat": now, "exp": now + 600, "jti": "j", **over}


@pytest.mark.parametrize(
    "case",
    [
        "alg_none",
        "hs256_with_public_key",
        "tampered",
        "expired",
        "no_exp",
        "future_nbf",
        "future_iat",
        "wrong_aud",
        "no_aud",
        "wrong_iss",
        "refresh_typ",
        "no_typ",
        "unknown_kid",
        "jwk_header",
        "garbage",
    ],
)
async def test_attacks_are_refused(case):
    iss = issuer()
    verifier = iss.verifier()
    now = int(time.time())
    if case == "alg_none":
        token = forge({"alg": "none", "typ": "at+jwt", "kid": iss.kid}, claims_now())
    elif case == "hs256_with_public_key":
        header = {"alg": "HS256", "typ": "at+jwt", "kid": iss.kid}
        signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims_now()).encode())}"
        sig = hmac.new(iss.public_pem.encode(), signing_input.encode(), hashlib.sha256).digest()
        token = f"{signing_input}.{b64(sig)}"
    elif case == "tampered":
        good = iss.token(roles=[])
        head, _, sig = good.split(".")
        token = f"{head}.{b64(json.dumps(claims_now(roles=['admin'])).encode())}.{sig}"
    elif case == "expired":
        token = iss.token(exp=now - 3600, iat=now - 4000)
    elif case == "no_exp":
        token = iss.token(exp=None)
    elif case == "future_nbf":
        token = iss.token(nbf=now + 3600)
    elif case == "future_iat":
        token = iss.token(iat=now + 3600)
    elif case == "wrong_aud":
        token = iss.token(aud="other")
    elif case == "no_aud":
        token = iss.token(aud=None)
    elif case == "wrong_iss":
        token = iss.token(iss="https://evil")
    elif case == "refresh_typ":
        token = iss.token(headers={"typ": "refresh"})
    elif case == "no_typ":
        token = iss.token(headers={"typ": None})
    elif case == "unknown_kid":
        other = issuer()
        token = other.token(headers={"kid": "nope"})
    elif case == "jwk_header":
        attacker = issuer()
        token = attacker.token(
            headers={"kid": iss.kid, "jwk": attacker.jwks()["keys"][0], "jku": "http://127.0.0.1:9/evil.json"}
        )
    else:
        token = "not.a.token"
    with pytest.raises(Unauthorized):
        await verifier.verify(token)


async def test_unknown_kid_refetches_at_most_once_a_minute():
    iss = issuer()
    verifier = iss.verifier()
    await verifier.verify(iss.token())
    assert iss.fetches == 1
    for _ in range(5):
        with pytest.raises(Unauthorized):
            await verifier.verify(iss.token(headers={"kid": "rotated-unknown"}))
    assert iss.fetches == 1


async def test_rotated_key_is_found_after_the_interval():
    iss = issuer()
    verifier = iss.verifier()
    await verifier.verify(iss.token())
    iss.kid = "next-key"
    verifier._fetched_at -= 61
    assert (await verifier.verify(iss.token())).subject == "acct-1"


async def test_seen_token_is_remembered_only_until_exp():
    iss = issuer()
    verifier = iss.verifier()
    now = int(time.time())
    token = iss.token(exp=now + 2)
    await verifier.verify(token)
    assert token in verifier._seen
    stale = Principal(subject="stale", token_id="j", expires_at=now - 60)
    verifier._seen[token] = stale
    # an entry past its exp is never served: the token is checked afresh
    assert (await verifier.verify(token)).subject == "acct-1"
    cached = Principal(subject="cached", token_id="j", expires_at=now + 60)
    verifier._seen[token] = cached
    assert await verifier.verify(token) is cached


def test_region_scope():
    assert region_covers("national", "32.01.01")
    assert region_covers("32", "32.01") and region_covers("32.01", "32.01.05")
    assert not region_covers("32.01", "32.02") and not region_covers("32", "33.01")
    assert not region_covers("3", "32.01") and not region_covers(None, "32")
