"""Relations' process: wiring only."""

from fastapi import FastAPI

from services.relations import SERVICE, consumers, events  # noqa: F401 - registers the event models
from services.relations.config import RelationsSettings
from services.relations.dispute_resolution.routes import router as disputes_router
from services.relations.institutions.routes import router as institutions_router
from services.relations.mediators.routes import router as mediators_router
from services.relations.social_security.routes import router as social_security_router
from services.relations.work_relations_and_wages.company_regulations.routes import (
    router as regulations_router,
)
from services.relations.work_relations_and_wages.minimum_wages.routes import router as minimum_wages_router
from services.relations.work_relations_and_wages.pkwt.routes import router as pkwt_router
from shared.service import Subscription, create_service_app


def create_app(settings: RelationsSettings | None = None) -> FastAPI:
    settings = settings or RelationsSettings.from_env()
    return create_service_app(
        service=SERVICE,
        title="SIAPkerja — Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
        settings=settings,
        routers=[
            pkwt_router,
            minimum_wages_router,
            regulations_router,
            social_security_router,
            institutions_router,
            disputes_router,
            mediators_router,
        ],
        subscription=Subscription(consumers.HANDLERS, topics=consumers.TOPICS),
    )
