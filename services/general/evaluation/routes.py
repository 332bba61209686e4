"""The evaluation report endpoint: HTML for reading and printing, JSON with the same figures."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from services.general.evaluation import report, service
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.errors import Forbidden

router = APIRouter(prefix="/api/v1/general/reports", tags=["general: monitoring and evaluation"])
READERS = ("admin", "auditor", "walidata")


@router.get("/evaluation", responses={200: {"content": {"text/html": {}}}})
async def evaluation_report(
    principal: CurrentPrincipal,
    session: Session,
    request: Request,
    period: Annotated[str, Query(max_length=7, description="2026 (yearly) or 2026-H2 (six-monthly)")],
    format: Literal["html", "json"] | None = None,
) -> Any:
    """The six-monthly evaluation or the yearly report (administrator, auditor, data steward)."""
    if not principal.has_role(*READERS):
        raise Forbidden(code="role_required")
    figures = await service.evaluation(session, period, request.app.state.settings.gateway_metrics_url)
    wants_json = format == "json" or (
        format is None and "application/json" in request.headers.get("accept", "")
    )
    return figures if wants_json else HTMLResponse(report.render(figures))
