"""Matching endpoints: recommendations for me, candidates for my organisation's vacancy."""

import uuid
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from services.placement.access import employer, seeker
from services.placement.domestic_placement.jobseekers import service as jobseekers
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.domestic_placement.matching import service as matching
from services.placement.domestic_placement.matching.schemas import Candidate, Recommendation
from services.placement.domestic_placement.vacancies import service as vacancies
from services.placement.domestic_placement.vacancies.models import Vacancy
from shared import calendar
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.errors import Forbidden
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/placement", tags=["placement: matching"])


@router.get("/jobseekers/me/recommendations", response_model=list[Recommendation])
async def my_recommendations(principal: CurrentPrincipal, session: Session) -> Any:
    """Open vacancies ranked for me, each with why."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    scored = await matching.recommendations(session, jobseeker)
    found = {
        v.id: v for v in await session.scalars(select(Vacancy).where(Vacancy.id.in_([s[0] for s in scored])))
    }
    bodies = {b["id"]: b for b in await vacancies.view_all(session, list(found.values()))}
    return [
        {"vacancy": bodies[vid], "score": score, "parts": parts, "explanation": matching.explain(parts)}
        for vid, score, parts in scored
    ]


@router.get("/vacancies/{vacancy_id}/candidates", response_model=list[Candidate])
async def vacancy_candidates(
    vacancy_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Job seekers who opted in to be found, ranked for my organisation's vacancy."""
    vacancy = await vacancies.get(session, vacancy_id)
    if vacancy.organization_id != employer(principal):
        raise Forbidden(code="not_vacancy_owner")
    scored = await matching.candidates(session, vacancy)
    found = {
        j.id: j
        for j in await session.scalars(select(Jobseeker).where(Jobseeker.id.in_([s[0] for s in scored])))
    }
    today = calendar.today()
    return [
        {
            "candidate": jobseekers.curriculum_vitae(found[jid], cipher, today),
            "score": score,
            "parts": parts,
            "explanation": matching.explain(parts),
        }
        for jid, score, parts in scored
    ]
