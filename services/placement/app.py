"""Placement's process: wiring only."""

import asyncio

from fastapi import FastAPI

from services.placement import SERVICE, consumers, events  # noqa: F401 - registers the event models
from services.placement.config import PlacementSettings
from services.placement.domestic_placement.ak1.routes import router as ak1_router
from services.placement.domestic_placement.applications.routes import router as applications_router
from services.placement.domestic_placement.jobseekers.routes import router as jobseekers_router
from services.placement.domestic_placement.matching.routes import router as matching_router
from services.placement.domestic_placement.vacancies import service as vacancies
from services.placement.domestic_placement.vacancies.routes import router as vacancies_router
from services.placement.foreign_workers.routes import router as foreign_workers_router
from services.placement.job_counsellors.routes import router as counsellors_router
from services.placement.opportunity_expansion.routes import router as programmes_router
from shared import calendar
from shared.service import Subscription, create_service_app


async def expire_vacancies(app: FastAPI) -> None:
    """Close published vacancies whose closing date has passed, then sleep until the next sweep."""
    while True:
        async with app.state.db.transaction() as session:
            expired = await vacancies.expire_due(session, calendar.today())
        if expired < vacancies.EXPIRY_BATCH:
            await asyncio.sleep(app.state.settings.expiry_sweep_interval_s)


def create_app(settings: PlacementSettings | None = None) -> FastAPI:
    settings = settings or PlacementSettings.from_env()
    return create_service_app(
        service=SERVICE,
        title="SIAPkerja — Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja",
        settings=settings,
        routers=[
            matching_router,
            jobseekers_router,
            ak1_router,
            vacancies_router,
            applications_router,
            counsellors_router,
            foreign_workers_router,
            programmes_router,
        ],
        subscription=Subscription(consumers.HANDLERS, topics=consumers.TOPICS),
        background=[("expire_vacancies", expire_vacancies)],
    )
