"""Instructor endpoints: an institution keeps its own."""

from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from services.training.instructors.models import Instructor
from services.training.instructors.schemas import InstructorCreate, InstructorRead
from services.training.training_institutions import service as institutions
from shared.auth import CurrentPrincipal
from shared.db import Session

router = APIRouter(prefix="/api/v1/training/instructors", tags=["training: instructors"])


@router.post("", status_code=201, response_model=InstructorRead)
async def register_instructor(body: InstructorCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register an instructor of my institution."""
    institution = await institutions.mine(session, principal)
    instructor = Instructor(institution_id=institution.id, **body.model_dump(mode="json"))
    session.add(instructor)
    await session.flush()
    return instructor


@router.get("", response_model=list[InstructorRead])
async def my_instructors(principal: CurrentPrincipal, session: Session) -> Any:
    """My institution's instructors."""
    institution = await institutions.mine(session, principal)
    return list(
        (await session.scalars(select(Instructor).where(Instructor.institution_id == institution.id))).all()
    )
