"""Training's process: wiring only."""

from fastapi import FastAPI

from services.training import SERVICE, events  # noqa: F401 - registers the event models
from services.training.certification.routes import router as certification_router
from services.training.competency_standards.routes import router as standards_router
from services.training.config import TrainingSettings
from services.training.instructors.routes import router as instructors_router
from services.training.productivity.routes import router as productivity_router
from services.training.training_delivery.apprenticeships.routes import router as apprenticeships_router
from services.training.training_delivery.runs.routes import router as runs_router
from services.training.training_institutions.routes import router as institutions_router
from shared.service import create_service_app


def create_app(settings: TrainingSettings | None = None) -> FastAPI:
    settings = settings or TrainingSettings.from_env()
    return create_service_app(
        service=SERVICE,
        title="SIAPkerja — Pelatihan Vokasi dan Produktivitas",
        settings=settings,
        routers=[
            standards_router,
            institutions_router,
            runs_router,
            apprenticeships_router,
            productivity_router,
            instructors_router,
            certification_router,
        ],
    )
