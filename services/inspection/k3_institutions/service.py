"""K3-institution rules: an inspector of the region records Ahli K3 appointments and PJK3
licences; a company forms its P2K3 with a secretary who is one of its Ahli K3 with a valid
appointment."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.access import company, inspector
from services.inspection.k3_institutions.models import AhliK3, P2k3, Pjk3
from services.inspection.labour_inspection_system.service import P2K3_REQUIRED_AT
from shared import calendar
from shared.auth import Principal
from shared.db import add_unique
from shared.errors import RuleViolated

RECORDED = ("Sudah tercatat.", "Already recorded.")


async def appoint_ahli_k3(session: AsyncSession, principal: Principal, values: dict) -> AhliK3:
    inspector(principal, values["region_code"])
    if values["expires_on"] <= values["appointed_on"]:
        raise RuleViolated(
            ("Masa berlaku tidak sah.", "The validity period is invalid."), code="invalid_period"
        )
    return await add_unique(session, AhliK3(**values), RECORDED, "already_recorded")


def ahli_view(row: AhliK3) -> dict:
    return {
        **{c: getattr(row, c) for c in ("id", "organization_id", "full_name", "certificate_number", "field")},
        "appointed_on": row.appointed_on,
        "expires_on": row.expires_on,
        "valid": row.expires_on >= calendar.today(),
    }


async def form_p2k3(session: AsyncSession, principal: Principal, values: dict) -> P2k3:
    organization_id = company(principal)
    secretary = await session.get(AhliK3, values["secretary_id"])
    if (
        secretary is None
        or secretary.organization_id != organization_id
        or secretary.expires_on < calendar.today()
    ):
        raise RuleViolated(
            (
                "Sekretaris P2K3 harus Ahli K3 perusahaan ini yang masih berlaku.",
                "The P2K3 secretary must be a valid Ahli K3 of this company.",
            ),
            code="secretary_not_ahli_k3",
        )
    values["members"] = [m.model_dump() for m in values["members"]]
    return await add_unique(
        session,
        P2k3(organization_id=organization_id, **values),
        ("Sudah tercatat.", "Already recorded."),
        "already_recorded",
    )


def p2k3_view(row: P2k3) -> dict:
    return {
        **{c: getattr(row, c) for c in ("id", "organization_id", "region_code", "workers", "high_risk")},
        "secretary_id": row.secretary_id,
        "members": row.members,
        "formed_on": row.formed_on,
        "required": row.workers >= P2K3_REQUIRED_AT or row.high_risk,
    }


async def license_pjk3(session: AsyncSession, principal: Principal, values: dict) -> Pjk3:
    inspector(principal, values["region_code"])
    return await add_unique(session, Pjk3(**values), RECORDED, "already_recorded")


def pjk3_view(row: Pjk3) -> dict:
    return {
        **{c: getattr(row, c) for c in ("id", "organization_id", "name", "licence_number", "services")},
        "region_code": row.region_code,
        "licence_expires_on": row.licence_expires_on,
        "licensed": row.licence_expires_on >= calendar.today(),
    }
