"""Inspection's process: wiring only."""

import asyncio

from fastapi import FastAPI

from services.inspection import SERVICE, consumers, events  # noqa: F401 - registers the event models
from services.inspection.config import InspectionSettings
from services.inspection.inspectors.routes import router as inspectors_router
from services.inspection.k3_institutions.routes import router as k3_institutions_router
from services.inspection.k3_testing import service as k3_testing
from services.inspection.k3_testing.routes import router as k3_testing_router
from services.inspection.labour_inspection_system.routes import router as wlkp_router
from services.inspection.labour_norm_inspection.routes import router as inspections_router
from services.inspection.workplace_accidents.routes import router as accidents_router
from shared import calendar
from shared.service import Subscription, create_service_app


async def announce_lapsed_certificates(app: FastAPI) -> None:
    """Announce equipment certificates that lapsed, then sleep until the next sweep."""
    while True:
        async with app.state.db.transaction() as session:
            announced = await k3_testing.announce_lapses(session, calendar.today())
        if announced == 0:
            await asyncio.sleep(app.state.settings.lapse_sweep_interval_s)


def create_app(settings: InspectionSettings | None = None) -> FastAPI:
    settings = settings or InspectionSettings.from_env()
    return create_service_app(
        service=SERVICE,
        title="SIAPkerja — Pengawasan Ketenagakerjaan dan K3",
        settings=settings,
        routers=[
            wlkp_router,
            k3_institutions_router,
            inspections_router,
            k3_testing_router,
            accidents_router,
            inspectors_router,
        ],
        subscription=Subscription(consumers.HANDLERS, topics=consumers.TOPICS),
        background=[("announce_lapsed_certificates", announce_lapsed_certificates)],
    )
