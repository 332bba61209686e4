"""Job-seeker profile endpoints: my profile, and a profile as my counsellor reads it."""

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response

from services.placement.access import seeker
from services.placement.domestic_placement.jobseekers import service as jobseekers
from services.placement.domestic_placement.jobseekers.schemas import JobseekerProfile, JobseekerRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.people import registered_person
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/placement/jobseekers", tags=["placement: job seekers"])


@router.get("/me", response_model=JobseekerRead)
async def read_my_profile(principal: CurrentPrincipal, session: Session, cipher: Cipher) -> Any:
    """My job-seeker profile."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    return jobseekers.view(jobseeker, cipher, owner=True)


@router.put(
    "/me", response_model=JobseekerRead, responses={201: {"model": JobseekerRead, "description": "Created"}}
)
async def save_my_profile(
    body: JobseekerProfile,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    request: Request,
    response: Response,
) -> Any:
    """Create or replace my profile (201 the first time); my NIK, name and birth date come from
    my account."""
    jobseeker, created = await jobseekers.save_profile(
        session, cipher, seeker(principal), body, lambda: registered_person(request)
    )
    response.status_code = 201 if created else 200
    return jobseekers.view(jobseeker, cipher, owner=True)


@router.get("/{jobseeker_id}", response_model=JobseekerRead)
async def read_profile(
    jobseeker_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """A job seeker of my region (job counsellor), NIK masked; the read is audited."""
    jobseeker = await jobseekers.get(session, jobseeker_id)
    await jobseekers.read_as_counsellor(session, principal, jobseeker)
    return jobseekers.view(jobseeker, cipher, owner=False)
