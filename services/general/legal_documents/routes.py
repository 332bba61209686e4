"""JDIH endpoints: public search and reading; curators add and amend."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.general.legal_documents import service as documents
from services.general.legal_documents.models import LegalDocument
from services.general.legal_documents.schemas import (
    DocumentType,
    LegalDocumentCreate,
    LegalDocumentRead,
    LegalDocumentUpdate,
    Status,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate

router = APIRouter(prefix="/api/v1/general/legal-documents", tags=["general: JDIH"])


@router.get("", response_model=Page[LegalDocumentRead])
async def search_legal_documents(
    session: Session,
    page: Pagination,
    q: Annotated[str | None, Query(max_length=200)] = None,
    type: DocumentType | None = None,
    year: Annotated[int | None, Query(ge=1945, le=2100)] = None,
    status: Status | None = None,
) -> Any:
    """Search legal documents (public), newest first."""
    stmt = documents.search(q, type, year, status)
    items, cursor = await paginate(session, stmt, page, order_by=[LegalDocument.created_at, LegalDocument.id])
    return {"items": items, "next_cursor": cursor}


@router.get("/{document_id}", response_model=LegalDocumentRead)
async def read_legal_document(document_id: uuid.UUID, session: Session) -> Any:
    """A legal document (public)."""
    return await documents.get(session, document_id)


@router.post("", status_code=201, response_model=LegalDocumentRead)
async def add_legal_document(body: LegalDocumentCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Add a legal document (administrator or data steward)."""
    values = body.model_dump() | {"relations": body.model_dump(mode="json")["relations"]}
    return await documents.create(session, principal, values)


@router.patch("/{document_id}", response_model=LegalDocumentRead)
async def amend_legal_document(
    document_id: uuid.UUID, body: LegalDocumentUpdate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Change a document's status, relations, file or abstract (administrator or data steward)."""
    document = await documents.get(session, document_id)
    changes = body.model_dump(mode="json", exclude_unset=True)
    return await documents.amend(session, principal, document, changes)
