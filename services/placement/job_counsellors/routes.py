"""Job-counsellor endpoints (`pengantar_kerja`, region-scoped)."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.placement.domestic_placement.jobseekers import service as jobseekers
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.domestic_placement.vacancies import service as vacancies
from services.placement.job_counsellors import service as counselling
from services.placement.job_counsellors.models import CounsellingSession, Referral
from services.placement.job_counsellors.schemas import (
    Caseload,
    ReferralCreate,
    ReferralRead,
    SeekerSummary,
    SessionCreate,
    SessionRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/placement/counselling", tags=["placement: job counsellors"])
Region = Annotated[RegionCode, Query(description="A province or kab/kota I serve")]


@router.get("/jobseekers", response_model=Page[SeekerSummary])
async def region_jobseekers(
    region: Region, principal: CurrentPrincipal, session: Session, cipher: Cipher, page: Pagination
) -> Any:
    """The job seekers of my region, NIK masked; the read is audited."""
    stmt = await counselling.seekers_of_region(session, principal, region)
    rows, cursor = await paginate(
        session, stmt, page, order_by=[Jobseeker.updated_at, Jobseeker.id], rows=True
    )
    return {"items": [counselling.summary(j, status, cipher) for j, status in rows], "next_cursor": cursor}


@router.post("/sessions", status_code=201, response_model=SessionRead)
async def record_session(
    body: SessionCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Record a counselling session with a job seeker of my region."""
    jobseeker = await jobseekers.get(session, body.jobseeker_id)
    values = body.model_dump(exclude={"jobseeker_id"})
    entry = await counselling.record_session(session, cipher, principal, jobseeker, **values)
    return counselling.session_view(entry, cipher)


@router.get("/sessions", response_model=Page[SessionRead])
async def list_sessions(
    jobseeker_id: Annotated[uuid.UUID, Query()],
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    page: Pagination,
) -> Any:
    """The counselling sessions of a job seeker of my region."""
    stmt = await counselling.sessions_of(session, principal, await jobseekers.get(session, jobseeker_id))
    items, cursor = await paginate(
        session, stmt, page, order_by=[CounsellingSession.created_at, CounsellingSession.id]
    )
    return {"items": [counselling.session_view(e, cipher) for e in items], "next_cursor": cursor}


@router.post("/referrals", status_code=201, response_model=ReferralRead)
async def refer(body: ReferralCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Refer a job seeker of my region to an open vacancy."""
    referral = await counselling.refer(
        session,
        principal,
        await jobseekers.get(session, body.jobseeker_id),
        await vacancies.get(session, body.vacancy_id),
        body.note,
    )
    return {**{c: getattr(referral, c) for c in ReferralRead.model_fields if c != "application_status"}}


@router.get("/referrals", response_model=Page[ReferralRead])
async def list_referrals(
    region: Region, principal: CurrentPrincipal, session: Session, page: Pagination
) -> Any:
    """Referrals made in my region, with where each led."""
    stmt = counselling.referrals_of_region(principal, region)
    rows, cursor = await paginate(session, stmt, page, order_by=[Referral.created_at, Referral.id], rows=True)
    fields = [c for c in ReferralRead.model_fields if c != "application_status"]
    items = [{**{c: getattr(r, c) for c in fields}, "application_status": status} for r, status in rows]
    return {"items": items, "next_cursor": cursor}


@router.get("/caseload", response_model=Caseload)
async def my_caseload(region: Region, principal: CurrentPrincipal, session: Session) -> Any:
    """My caseload in a region I serve."""
    return await counselling.caseload(session, principal, region)
