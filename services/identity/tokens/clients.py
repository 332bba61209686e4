"""Partner clients (Pasal 8): registered by an administrator with scopes; secrets stored hashed."""

import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.tokens.models import PartnerClient
from services.identity.tokens.service import Context
from shared.errors import NotFound


async def register(
    session: AsyncSession, ctx: Context, *, name: str, scopes: list[str]
) -> tuple[PartnerClient, str]:
    secret = secrets.token_urlsafe(32)
    client = PartnerClient(
        client_id="pc_" + secrets.token_hex(12),
        name=name,
        secret_hash=await ctx.passwords.hash(secret),
        scopes=sorted(set(scopes)),
    )
    session.add(client)
    await session.flush()
    return client, secret


async def rotate_secret(session: AsyncSession, ctx: Context, client_id: str) -> tuple[PartnerClient, str]:
    client = (
        await session.scalars(select(PartnerClient).where(PartnerClient.client_id == client_id))
    ).first()
    if client is None:
        raise NotFound()
    secret = secrets.token_urlsafe(32)
    client.secret_hash = await ctx.passwords.hash(secret)
    await session.flush()
    return client, secret
