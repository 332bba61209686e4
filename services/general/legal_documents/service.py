"""JDIH rules: documentation officers (administrators and the data steward, walidata) keep the
documents; a relation must point at a document that exists, and a document that revokes or amends
another changes that one's status."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.general.legal_documents.models import LegalDocument
from shared.auth import Principal, account_id
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated

CURATORS = ("admin", "walidata")
CONSEQUENCE = {"amends": "amended", "revokes": "revoked"}


def _curator(principal: Principal) -> None:
    if not principal.has_role(*CURATORS):
        raise Forbidden(code="role_required")


async def get(session: AsyncSession, document_id: uuid.UUID) -> LegalDocument:
    document = await session.get(LegalDocument, document_id)
    if document is None:
        raise NotFound()
    return document


async def _apply_relations(session: AsyncSession, relations: list[dict[str, Any]]) -> None:
    for relation in relations:
        target = await session.get(LegalDocument, uuid.UUID(str(relation["document_id"])))
        if target is None:
            raise RuleViolated(
                ("Dokumen rujukan tidak ada.", "A related document does not exist."), code="unknown_relation"
            )
        if relation["relation"] in CONSEQUENCE:
            target.status = CONSEQUENCE[relation["relation"]]


async def create(session: AsyncSession, principal: Principal | None, values: dict[str, Any]) -> LegalDocument:
    if principal is not None:
        _curator(principal)
    await _apply_relations(session, values["relations"])
    document = LegalDocument(**values, created_by=account_id(principal) if principal else None)
    try:
        async with session.begin_nested():
            session.add(document)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Dokumen sudah ada.", "The document already exists."), code="document_exists"
        ) from None
    return document


async def amend(
    session: AsyncSession, principal: Principal, document: LegalDocument, changes: dict[str, Any]
) -> LegalDocument:
    _curator(principal)
    if "relations" in changes:
        await _apply_relations(session, changes["relations"])
    for name, value in changes.items():
        setattr(document, name, value)
    await session.flush()
    return document


def search(q: str | None, type_: str | None, year: int | None, status: str | None) -> Select:
    stmt = select(LegalDocument)
    if q:
        query = func.websearch_to_tsquery(literal_column("'indonesian'::regconfig"), q)
        stmt = stmt.where(LegalDocument.search.op("@@")(query))
    if type_:
        stmt = stmt.where(LegalDocument.type == type_)
    if year:
        stmt = stmt.where(LegalDocument.year == year)
    if status:
        stmt = stmt.where(LegalDocument.status == status)
    return stmt
