"""Access tokens: verification with python-jose, the `Principal`, and FastAPI guards.

One pinned asymmetric algorithm; the key is chosen by `kid` from identity's JWKS (cached, and
fetched again at most once a minute when an unknown `kid` arrives); `exp`, `iat`, `aud`, `iss`,
`sub` and `jti` are required and header `typ` must be `at+jwt`. Header `jku`, `jwk` and `x5u`
are never read, so a token cannot point the verifier at an attacker's key. A token verified
once is remembered until its `exp` (never beyond), so a repeat costs a dictionary lookup.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request
from jose import jwk, jws, jwt
from jose.exceptions import JOSEError

from shared.errors import Forbidden, ServiceUnavailable, Unauthorized

ACCESS_TOKEN_TYP = "at+jwt"
NATIONAL = "national"
LEEWAY_S = 10
JWKS_REFETCH_INTERVAL_S = 60.0

OFFICER_ROLES = frozenset(
    {"admin", "pengantar_kerja", "mediator", "pengawas", "penguji_k3", "auditor", "walidata"}
)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling, as the access token says."""

    subject: str
    token_id: str
    expires_at: int
    account_type: str | None = None
    roles: frozenset[str] = frozenset()
    region: str | None = None
    org: str | None = None
    org_type: str | None = None
    org_verified: bool = False
    scopes: frozenset[str] = frozenset()
    client_id: str | None = None
    session_id: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_partner(self) -> bool:
        return self.client_id is not None

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def covers(self, region_code: str | None) -> bool:
        """Whether this principal's region scope includes `region_code`."""
        return region_covers(self.region, region_code)

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Principal:
        org = claims.get("org") or {}
        return cls(
            subject=str(claims["sub"]),
            token_id=str(claims["jti"]),
            expires_at=int(claims["exp"]),
            account_type=claims.get("account_type"),
            roles=frozenset(claims.get("roles") or ()),
            region=claims.get("region"),
            org=org.get("id") if isinstance(org, dict) else None,
            org_type=org.get("type") if isinstance(org, dict) else None,
            org_verified=bool(org.get("verified")) if isinstance(org, dict) else False,
            scopes=frozenset((claims.get("scope") or "").split()),
            client_id=claims.get("client_id"),
            session_id=claims.get("sid"),
            claims=claims,
        )


def region_covers(scope: str | None, region_code: str | None) -> bool:
    """national ⊃ province (`32`) ⊃ kab/kota (`32.01`) ⊃ kecamatan ⊃ desa."""
    if not scope or not region_code:
        return False
    if scope == NATIONAL:
        return True
    return region_code == scope or region_code.startswith(scope + ".")


JwksSource = Callable[[], Awaitable[dict[str, Any]]]


def http_jwks_source(url: str, timeout_s: float = 3.0) -> JwksSource:
    """Fetch the JWKS document from identity over HTTP."""

    async def fetch() -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=timeout_s) as client:
            response = await client.get(url)
            response.raise_for_status()
            return response.json()

    return fetch


class TokenVerifier:
    """Verifies access tokens against identity's published keys."""

    def __init__(
        self,
        jwks_source: JwksSource,
        *,
        issuer: str,
        audience: str,
        algorithm: str = "RS256",
        cache_size: int = 100_000,
        is_revoked: Callable[[Principal], bool] | None = None,
    ) -> None:
        if algorithm not in ("RS256", "ES256"):
            raise ValueError("only RS256 or ES256 may be pinned")
        self._source = jwks_source
        self.issuer = issuer
        self.audience = audience
        self.algorithm = algorithm
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._fetch_lock = asyncio.Lock()
        self._seen: OrderedDict[str, Principal] = OrderedDict()
        self._cache_size = cache_size
        self._is_revoked = is_revoked

    async def verify(self, token: str) -> Principal:
        """The principal of a valid token; `Unauthorized` otherwise."""
        principal = self._seen.get(token)
        if principal is not None:
            if principal.expires_at > time.time() - LEEWAY_S:
                return self._check_revoked(principal)
            self._seen.pop(token, None)
        principal = await self._verify_fresh(token)
        self._seen[token] = principal
        if len(self._seen) > self._cache_size:
            self._seen.popitem(last=False)
        return self._check_revoked(principal)

    def _check_revoked(self, principal: Principal) -> Principal:
        if self._is_revoked is not None and self._is_revoked(principal):
            raise Unauthorized(("Sesi telah dicabut.", "The session was revoked."), code="token_revoked")
        return principal

    async def _verify_fresh(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except JOSEError:
            raise Unauthorized(code="token_malformed") from None
        if header.get("alg") != self.algorithm or header.get("typ") != ACCESS_TOKEN_TYP:
            raise Unauthorized(code="token_rejected")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise Unauthorized(code="token_rejected")
        key = await self._key(kid)
        try:
            # python-jose checks the signature and that the alg is the pinned one; the claims are
            # checked below in one pass (jose's own pass re-parses the token twice more).
            claims = json.loads(jws.verify(token, key, algorithms=[self.algorithm]))
        except (JOSEError, ValueError):
            raise Unauthorized(code="token_invalid") from None
        if not isinstance(claims, dict) or not self._claims_valid(claims, time.time()):
            raise Unauthorized(code="token_invalid")
        return Principal.from_claims(claims)

    def _claims_valid(self, claims: dict[str, Any], now: float) -> bool:
        """`exp`, `iat`, `aud`, `iss`, `sub` and `jti` present and right; `nbf` respected if given."""
        exp, iat, nbf, aud = claims.get("exp"), claims.get("iat"), claims.get("nbf", 0), claims.get("aud")
        return (
            all(isinstance(v, int) and not isinstance(v, bool) for v in (exp, iat, nbf))
            and exp > now - LEEWAY_S
            and iat <= now + LEEWAY_S
            and nbf <= now + LEEWAY_S
            and (aud == self.audience or (isinstance(aud, list) and self.audience in aud))
            and claims.get("iss") == self.issuer
            and isinstance(claims.get("sub"), str)
            and bool(claims["sub"])
            and isinstance(claims.get("jti"), str)
        )

    async def _key(self, kid: str) -> Any:
        key = self._keys.get(kid)
        if key is not None:
            return key
        async with self._fetch_lock:
            key = self._keys.get(kid)
            if key is None and time.monotonic() - self._fetched_at >= JWKS_REFETCH_INTERVAL_S:
                await self.refresh()
                key = self._keys.get(kid)
        if key is None:
            raise Unauthorized(code="token_unknown_key")
        return key

    async def refresh(self) -> None:
        """Load identity's current JWKS. Keys already known stay usable if identity is down."""
        self._fetched_at = time.monotonic()
        try:
            document = await self._source()
        except Exception:
            if not self._keys:
                raise ServiceUnavailable(
                    ("Layanan identitas tidak dapat dihubungi.", "The identity service cannot be reached."),
                    code="identity_unavailable",
                ) from None
            return
        keys = {}
        for entry in document.get("keys", []):
            if entry.get("alg") == self.algorithm and entry.get("use", "sig") == "sig" and entry.get("kid"):
                public = {k: v for k, v in entry.items() if k not in ("d", "p", "q", "dp", "dq", "qi")}
                keys[entry["kid"]] = jwk.construct(public, self.algorithm)
        self._keys.update(keys)

    def forget(self, predicate: Callable[[Principal], bool]) -> None:
        """Drop remembered tokens matching `predicate` (e.g. of a revoked session)."""
        for token in [t for t, p in self._seen.items() if predicate(p)]:
            self._seen.pop(token, None)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(code="token_malformed")
    return token.strip()


async def _optional_principal(request: Request) -> Principal | None:
    token = bearer_token(request)
    if token is None:
        return None
    principal = await request.app.state.verifier.verify(token)
    request.state.principal = principal
    return principal


async def _principal(principal: Annotated[Principal | None, Depends(_optional_principal)]) -> Principal:
    if principal is None:
        raise Unauthorized()
    return principal


CurrentPrincipal = Annotated[Principal, Depends(_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(_optional_principal)]


def require_roles(*roles: str) -> Any:
    """A dependency admitting officers holding any of `roles`."""

    async def guard(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden(code="role_required")
        return principal

    return Depends(guard)


def require_scopes(*scopes: str) -> Any:
    """A dependency admitting partner clients granted all of `scopes`."""

    async def guard(principal: CurrentPrincipal) -> Principal:
        if not set(scopes) <= principal.scopes:
            raise Forbidden(code="scope_required")
        return principal

    return Depends(guard)


def ensure_region(principal: Principal, region_code: str | None) -> None:
    """Refuse an officer acting outside their region scope."""
    if not principal.covers(region_code):
        raise Forbidden(
            ("Wilayah di luar kewenangan Anda.", "The region is outside your scope."),
            code="region_out_of_scope",
        )


def verified_organization(principal: Principal, types: tuple[str, ...]) -> uuid.UUID:
    """The caller's organisation, if it is of one of `types` and an officer has verified it."""
    if principal.is_partner or principal.org is None or principal.org_type not in types:
        raise Forbidden(code="organization_required")
    if not principal.org_verified:
        raise Forbidden(
            ("Organisasi belum diverifikasi.", "The organisation is not verified yet."),
            code="organization_unverified",
        )
    return uuid.UUID(principal.org)


def account_id(principal: Principal) -> uuid.UUID:
    """The caller's account, for what only a person does; a partner client is refused."""
    if principal.is_partner:
        raise Forbidden(("Hanya untuk akun orang.", "Only for a person's account."), code="person_required")
    return uuid.UUID(principal.subject)
