"""The token endpoint (RFC 6749, form-encoded), JWKS and discovery, partner clients, key rotation."""

import base64
import binascii
import uuid
from datetime import timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request, Response

from services.identity.deps import Me, TokenContext
from services.identity.tokens import clients, keys
from services.identity.tokens import service as tokens
from services.identity.tokens.schemas import ClientCreate, ClientCredentials, KeyRotation, TokenRead
from shared.auth import require_roles
from shared.db import Session
from shared.errors import InvalidInput
from shared.observability import client_address
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/identity", tags=["identity: tokens"])
Admin = Annotated[Any, require_roles("admin")]


def _basic_client(request: Request) -> tuple[str | None, str | None]:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None, None
    try:
        client_id, _, secret = base64.b64decode(value).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None, None
    return client_id, secret


def _required(**fields: str | None) -> None:
    missing = [name for name, value in fields.items() if not value]
    if missing:
        raise InvalidInput(
            code="invalid_request", errors=[{"field": f, "message": "required"} for f in missing]
        )


@router.post("/token", response_model=TokenRead, response_model_exclude_none=True)
async def token(
    request: Request,
    session: Session,
    ctx: TokenContext,
    grant_type: Annotated[Literal["password", "refresh_token", "client_credentials"], Form()],
    username: Annotated[str | None, Form(max_length=64)] = None,
    password: Annotated[str | None, Form(max_length=256)] = None,
    totp: Annotated[str | None, Form(max_length=10)] = None,
    organization_id: Annotated[uuid.UUID | None, Form()] = None,
    refresh_token: Annotated[str | None, Form(max_length=200)] = None,
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[str | None, Form(max_length=1000)] = None,
) -> Any:
    """Issue tokens: password, refresh_token or client_credentials grant."""
    if grant_type == "password":
        _required(username=username, password=password)
        result = await tokens.password_grant(
            session,
            ctx,
            username=username,
            password=password,
            totp=totp,
            organization_id=organization_id,
            address=client_address(request.scope, frozenset(ctx.settings.trusted_proxies)),
        )
    elif grant_type == "refresh_token":
        _required(refresh_token=refresh_token)
        result = await tokens.refresh_grant(session, ctx, refresh_token=refresh_token)
    else:
        basic_id, basic_secret = _basic_client(request)
        client_id, client_secret = client_id or basic_id, client_secret or basic_secret
        _required(client_id=client_id, client_secret=client_secret)
        result = await tokens.client_credentials_grant(
            session, ctx, client_id=client_id, client_secret=client_secret, scope=scope
        )
    return TokenRead(**result.__dict__)


@router.post("/logout", status_code=204)
async def logout(me: Me, session: Session, refresh_token: Annotated[str, Form(max_length=200)]) -> Response:
    """End the session of this refresh token."""
    await tokens.logout(session, refresh_token=refresh_token, account_id=me.id)
    return Response(status_code=204)


@router.get("/.well-known/jwks.json")
async def jwks(session: Session, response: Response) -> dict:
    """The public keys that verify access tokens."""
    response.headers["Cache-Control"] = "public, max-age=300"
    return await keys.jwks(session)


@router.get("/.well-known/openid-configuration")
async def discovery(request: Request, ctx: TokenContext) -> dict:
    """OpenID-style discovery document."""
    base = str(request.base_url).rstrip("/") + "/api/v1/identity"
    return {
        "issuer": ctx.settings.jwt_issuer,
        "token_endpoint": f"{base}/token",
        "jwks_uri": f"{base}/.well-known/jwks.json",
        "grant_types_supported": ["password", "refresh_token", "client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        "id_token_signing_alg_values_supported": [keys.ALGORITHM],
        "access_token_signing_alg_values_supported": [keys.ALGORITHM],
    }


@router.post("/clients", status_code=201, response_model=ClientCredentials)
async def register_client(body: ClientCreate, session: Session, ctx: TokenContext, _: Admin) -> Any:
    """Register a partner system (Pasal 8); its secret is shown once."""
    client, secret = await clients.register(session, ctx, name=body.name, scopes=body.scopes)
    return ClientCredentials(client_id=client.client_id, client_secret=secret, scopes=client.scopes)


@router.post("/clients/{client_id}/secret", response_model=ClientCredentials)
async def rotate_client_secret(client_id: str, session: Session, ctx: TokenContext, _: Admin) -> Any:
    """Issue a partner system a new secret; the old one stops working."""
    client, secret = await clients.rotate_secret(session, ctx, client_id)
    return ClientCredentials(client_id=client.client_id, client_secret=secret, scopes=client.scopes)


@router.post("/keys/rotation", response_model=KeyRotation)
async def rotate_keys(session: Session, ctx: TokenContext, cipher: Cipher, _: Admin) -> Any:
    """Rotate the token signing key without downtime."""
    kid = await keys.rotate(session, cipher, token_ttl=timedelta(seconds=ctx.settings.access_token_ttl_s))
    return KeyRotation(active_kid=kid)
