"""What inspection does with other services' events: a complaint about labour norms opens a case
for the inspectors of its region; identity's new employers start their WLKP clock; placement's
approved RPTKA plans set how many foreign workers a company may report."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.access import COMPANY_TYPES
from services.inspection.labour_inspection_system import service as wlkp
from services.inspection.labour_norm_inspection import service as inspections
from shared import calendar


async def complaint_filed(session: AsyncSession, event: dict[str, Any]) -> None:
    data = event["data"]
    if data["labour_norms"]:
        await inspections.open_case(
            session,
            None,
            region_code=data["region_code"],
            origin="complaint",
            company_name=data.get("company_name"),
            source_ref=data["complaint_id"],
        )


async def organization_registered(session: AsyncSession, event: dict[str, Any]) -> None:
    if event["data"]["type"] in COMPANY_TYPES:
        registered_on = calendar.local_date(datetime.fromisoformat(event["time"]))
        await wlkp.remember_company(session, event["data"], registered_on)


async def rptka_decided(session: AsyncSession, event: dict[str, Any]) -> None:
    data = event["data"]
    if data["decision"] == "approved":
        await wlkp.add_approved_foreign_workers(session, uuid.UUID(data["organization_id"]), data["workers"])


HANDLERS = {
    "siapkerja.general.complaint.filed.v1": complaint_filed,
    "siapkerja.identity.organization.registered.v1": organization_registered,
    "siapkerja.placement.rptka.decided.v1": rptka_decided,
}
TOPICS = ["siapkerja.general.complaint", "siapkerja.identity.organization", "siapkerja.placement.rptka"]
