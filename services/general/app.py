"""General's process: wiring only."""

from fastapi import FastAPI

from services.general import SERVICE, consumers, events  # noqa: F401 - registers the event models
from services.general.complaints.routes import router as complaints_router
from services.general.config import GeneralSettings
from services.general.evaluation.routes import router as evaluation_router
from services.general.helpdesk.routes import router as helpdesk_router
from services.general.legal_documents.routes import router as legal_documents_router
from services.general.legal_documents.seed import seed_regulations
from services.general.news.routes import router as news_router
from services.general.references.routes import router as references_router
from services.general.satu_data.routes import router as satu_data_router
from shared.service import Subscription, create_service_app


async def startup(app: FastAPI) -> None:
    async with app.state.db.transaction() as session:
        await seed_regulations(session)


def create_app(settings: GeneralSettings | None = None) -> FastAPI:
    settings = settings or GeneralSettings.from_env()
    return create_service_app(
        service=SERVICE,
        title="SIAPkerja — Layanan Umum",
        settings=settings,
        routers=[
            satu_data_router,
            references_router,
            legal_documents_router,
            complaints_router,
            news_router,
            helpdesk_router,
            evaluation_router,
        ],
        subscription=Subscription(
            consumers.HANDLERS, pattern=consumers.PATTERN, after_batch=consumers.AFTER_BATCH
        ),
        on_startup=startup,
    )
