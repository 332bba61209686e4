"""Identity's process: wiring only."""

from fastapi import FastAPI

from services.identity import SERVICE, events  # noqa: F401 - registers the event models
from services.identity.accounts.passwords import Passwords
from services.identity.accounts.routes import router as accounts_router
from services.identity.config import IdentitySettings
from services.identity.officers.routes import router as officers_router
from services.identity.organizations.routes import router as organizations_router
from services.identity.tokens import keys
from services.identity.tokens.routes import router as tokens_router
from services.identity.tokens.service import Context
from shared.auth import TokenVerifier
from shared.service import create_service_app


def create_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings.from_env()

    async def startup(app: FastAPI) -> None:
        app.state.token_context = Context(
            settings=settings,
            cipher=app.state.cipher,
            passwords=Passwords(
                settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_parallelism
            ),
        )
        async with app.state.db.transaction() as session:
            await keys.ensure_keys(session, app.state.cipher)

    def verifier(app: FastAPI) -> TokenVerifier:
        # Identity verifies against its own key table rather than calling itself over HTTP.
        async def own_keys() -> dict:
            async with app.state.db.transaction() as session:
                return await keys.jwks(session)

        return TokenVerifier(
            own_keys,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            is_revoked=app.state.revocations.is_revoked,
        )

    return create_service_app(
        service=SERVICE,
        title="SIAPkerja — Identitas",
        settings=settings,
        routers=[accounts_router, tokens_router, organizations_router, officers_router],
        on_startup=startup,
        verifier=verifier,
    )
