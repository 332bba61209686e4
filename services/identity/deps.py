"""Dependencies identity's routes share: the token context, the caller's own account."""

from typing import Annotated

from fastapi import Depends, Request

from services.identity.accounts import service as accounts
from services.identity.accounts.models import Account
from services.identity.tokens import service as tokens
from services.identity.tokens.service import Context
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.errors import Forbidden, Unauthorized


def _context(request: Request) -> Context:
    return request.app.state.token_context


async def _me(session: Session, principal: CurrentPrincipal) -> Account:
    if principal.is_partner:
        raise Forbidden(code="person_required")
    if principal.session_id and await tokens.session_revoked(session, principal.session_id):
        raise Unauthorized(("Sesi telah dicabut.", "The session was revoked."), code="token_revoked")
    account = await accounts.get_active(session, principal.subject)
    if account.status != "active":
        raise Unauthorized(code="account_disabled")
    return account


TokenContext = Annotated[Context, Depends(_context)]
Me = Annotated[Account, Depends(_me)]
