"""Run endpoints: scheduling (institution), public search, enrolment, attendance, results."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from services.training.training_delivery.runs import service as runs
from services.training.training_delivery.runs.models import Enrolment, Run
from services.training.training_delivery.runs.schemas import (
    Attendance,
    EnrolmentCreate,
    EnrolmentRead,
    Results,
    RunCreate,
    RunRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.people import registered_person
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/training", tags=["training: runs and enrolment"])


async def _views(session, items: list[Run]) -> list[dict]:
    counted = await runs.counts(session, [r.id for r in items])
    fields = [f for f in RunRead.model_fields if f not in ("enrolled", "waitlisted")]
    return [
        {
            **{f: getattr(r, f) for f in fields},
            "enrolled": counted.get((r.id, "enrolled"), 0) + counted.get((r.id, "completed"), 0),
            "waitlisted": counted.get((r.id, "waitlisted"), 0),
        }
        for r in items
    ]


def _enrolment(e: Enrolment) -> dict:
    return {
        "id": e.id,
        "run_id": e.run_id,
        "status": e.status,
        "attended": list(e.attended),
        "result": e.result,
    }


@router.post("/runs", status_code=201, response_model=RunRead)
async def schedule_run(body: RunCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Schedule a run of a programme at my (accredited) institution."""
    return (await _views(session, [await runs.schedule(session, principal, body.model_dump())]))[0]


@router.get("/runs", response_model=Page[RunRead])
async def search_runs(
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
    programme_id: uuid.UUID | None = None,
    upcoming: bool = True,
) -> Any:
    """Training runs (public), by default those still to start."""
    stmt = runs.search(region, programme_id, upcoming)
    items, cursor = await paginate(session, stmt, page, order_by=[Run.created_at, Run.id])
    return {"items": await _views(session, items), "next_cursor": cursor}


@router.post("/runs/{run_id}/enrolments", status_code=201, response_model=EnrolmentRead)
async def enrol(
    run_id: uuid.UUID, body: EnrolmentCreate, principal: CurrentPrincipal, session: Session, request: Request
) -> Any:
    """Enrol in a run (on the waitlist when it is full)."""
    person = await registered_person(request)
    return _enrolment(await runs.enrol(session, principal, run_id, person, body.education_level))


@router.post("/runs/{run_id}/withdrawal", response_model=EnrolmentRead)
async def withdraw(run_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """Withdraw my enrolment; the first on the waitlist takes the place."""
    return _enrolment(await runs.withdraw(session, principal, run_id))


@router.get("/runs/{run_id}/enrolments", response_model=list[EnrolmentRead])
async def run_participants(run_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """The enrolments of my institution's run."""
    return [_enrolment(e) for e in await runs.participants(session, principal, run_id)]


@router.post("/runs/{run_id}/attendance", status_code=204)
async def record_attendance(
    run_id: uuid.UUID, body: Attendance, principal: CurrentPrincipal, session: Session
) -> Response:
    """Record who attended on a day of my institution's run."""
    await runs.record_attendance(session, principal, run_id, body.on, body.present)
    return Response(status_code=204)


@router.post("/runs/{run_id}/results", status_code=204)
async def record_results(
    run_id: uuid.UUID, body: Results, principal: CurrentPrincipal, session: Session
) -> Response:
    """Record participants' results (competent / not yet), completing their enrolment."""
    await runs.record_results(session, principal, run_id, body.results)
    return Response(status_code=204)


@router.get("/enrolments/mine", response_model=Page[EnrolmentRead])
async def my_enrolments(principal: CurrentPrincipal, session: Session, page: Pagination) -> Any:
    """My enrolments."""
    items, cursor = await paginate(
        session, runs.mine(principal), page, order_by=[Enrolment.created_at, Enrolment.id]
    )
    return {"items": [_enrolment(e) for e in items], "next_cursor": cursor}
