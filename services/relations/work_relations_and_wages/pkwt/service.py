"""PKWT rules: a verified employer registers each fixed-term contract; the registration is checked
against the 3-working-day deadline, the mandatory content, the 5-year limit and the applicable
minimum wage, and flagged (a flagged contract risks becoming a permanent one, PKWTT). The worker
finds their contracts by their NIK; wages are personal data."""

from __future__ import annotations

import json
import uuid
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.events import PkwtRegistered, WageBelowMinimumFlagged
from services.relations.work_relations_and_wages.minimum_wages import service as minimum_wages
from services.relations.work_relations_and_wages.pkwt import rules
from services.relations.work_relations_and_wages.pkwt.models import Pkwt
from shared import audit, calendar
from shared.auth import Principal, account_id, ensure_region, verified_organization
from shared.db import within
from shared.errors import Forbidden, NotFound
from shared.events import outbox
from shared.personal_data import FieldCipher, mask_name, mask_nik

EMPLOYER_ORG_TYPES = ("pemberi_kerja", "pelaksana_penempatan")
OFFICERS = ("pengawas", "mediator", "admin")


def employer(principal: Principal) -> uuid.UUID:
    return verified_organization(principal, EMPLOYER_ORG_TYPES)


def _flags(body, due_ok: bool) -> list[str]:
    flags = [] if due_ok else ["late"]
    missing = [
        name
        for name, present in (
            ("worker_address", body.worker.address),
            ("rights_and_duties", body.rights_and_duties),
            ("signature_employer", body.signed_by_employer),
            ("signature_worker", body.signed_by_worker),
        )
        if not present
    ]
    flags += [f"incomplete:{name}" for name in missing]
    if body.language == "en":
        flags.append("incomplete:indonesian_text")
    if body.duration_months > rules.MAX_MONTHS:
        flags.append("exceeds_5_years")
    return flags


async def register(session: AsyncSession, cipher: FieldCipher, principal: Principal, body) -> Pkwt:
    organization_id = employer(principal)
    today = calendar.today()
    due = rules.registration_due(body.signed_on)
    flags = _flags(body, today <= due)
    minimum = await minimum_wages.applicable(session, body.region_code, body.kbli_code, body.starts_on)
    wage_total = body.wage.basic + body.wage.fixed_allowances
    if minimum is not None and wage_total < minimum.amount:
        flags.append("below_minimum_wage")
    worker = body.worker
    contract = Pkwt(
        organization_id=organization_id,
        registered_by=account_id(principal),
        company_name=body.company_name,
        company_address=body.company_address,
        kbli_code=body.kbli_code,
        worker_nik_index=cipher.blind_index(worker.nik, field="nik"),
        worker_nik_sealed=cipher.encrypt(worker.nik, field="nik"),
        worker_name_sealed=cipher.encrypt(worker.full_name, field="full_name"),
        worker_birth_date_sealed=cipher.encrypt(worker.birth_date.isoformat(), field="birth_date"),
        worker_address_sealed=cipher.encrypt(worker.address, field="address") if worker.address else None,
        worker_sex=worker.sex,
        position_title=body.position_title,
        occupation_code=body.occupation_code,
        region_code=body.region_code,
        workplace_address=body.workplace_address,
        wage_sealed=cipher.encrypt(
            json.dumps({"basic": body.wage.basic, "fixed_allowances": body.wage.fixed_allowances}),
            field="wage",
        ),
        wage_payment=body.wage.payment,
        rights_and_duties=body.rights_and_duties,
        starts_on=body.starts_on,
        duration_months=body.duration_months,
        ends_on=body.starts_on + relativedelta(months=body.duration_months, days=-1),
        signed_place=body.signed_place,
        signed_on=body.signed_on,
        signed_by_employer=body.signed_by_employer,
        signed_by_worker=body.signed_by_worker,
        language=body.language,
        registered_on=today,
        due_on=due,
        on_time=today <= due,
        flags=flags,
    )
    session.add(contract)
    await session.flush()
    await outbox.add(
        session,
        PkwtRegistered(
            pkwt_id=contract.id,
            region_code=contract.region_code,
            kbli_code=contract.kbli_code,
            duration_band=rules.duration_band(contract.duration_months),
            on_time=contract.on_time,
            flags=flags,
        ),
        subject=contract.id,
    )
    if "below_minimum_wage" in flags:
        await outbox.add(
            session,
            WageBelowMinimumFlagged(
                source="pkwt",
                source_id=contract.id,
                region_code=contract.region_code,
                kbli_code=contract.kbli_code,
                minimum_kind=minimum.kind,
            ),
            subject=contract.id,
        )
    return contract


async def get(session: AsyncSession, pkwt_id: uuid.UUID) -> Pkwt:
    contract = await session.get(Pkwt, pkwt_id)
    if contract is None:
        raise NotFound()
    return contract


def wage(contract: Pkwt, cipher: FieldCipher) -> dict[str, int]:
    return json.loads(cipher.decrypt(contract.wage_sealed, field="wage"))


def view(contract: Pkwt, cipher: FieldCipher, *, party: bool, with_wage: bool) -> dict:
    """A contract: in full for its parties; NIK and name masked for an officer, wage only when
    the officer opens this one contract (audited)."""
    nik = cipher.decrypt(contract.worker_nik_sealed, field="nik")
    name = cipher.decrypt(contract.worker_name_sealed, field="full_name")
    amounts = wage(contract, cipher) if with_wage else {}
    return {
        **{c: getattr(contract, c) for c in VIEW_FIELDS},
        "worker_nik": nik if party else mask_nik(nik),
        "worker_name": name if party else mask_name(name),
        "wage_basic": amounts.get("basic"),
        "wage_fixed_allowances": amounts.get("fixed_allowances"),
    }


VIEW_FIELDS = (
    "id",
    "organization_id",
    "company_name",
    "kbli_code",
    "worker_sex",
    "position_title",
    "occupation_code",
    "region_code",
    "starts_on",
    "duration_months",
    "ends_on",
    "signed_on",
    "registered_on",
    "due_on",
    "on_time",
    "flags",
)


async def open_(session: AsyncSession, principal: Principal, nik_index: str | None, contract: Pkwt) -> bool:
    """Whether the caller is a party (its employer, or the worker by NIK); an officer of the region
    may read it, audited; anyone else is refused."""
    if principal.org == str(contract.organization_id) or nik_index == contract.worker_nik_index:
        return True
    if principal.has_role(*OFFICERS) and principal.covers(contract.region_code):
        await audit.record(
            session,
            action="pkwt.read",
            subject=f"pkwt:{contract.id}",
            outcome="read",
            principal=principal,
            region=contract.region_code,
        )
        return False
    raise Forbidden(code="not_a_party")


def listing(principal: Principal, *, region: str | None, nik_index: str | None, flagged: bool) -> Select:
    stmt = select(Pkwt)
    if region is not None:
        if not principal.has_role(*OFFICERS):
            raise Forbidden(code="role_required")
        ensure_region(principal, region)
        stmt = stmt.where(within(Pkwt.region_code, region))
    elif nik_index is not None:
        stmt = stmt.where(Pkwt.worker_nik_index == nik_index)
    else:
        stmt = stmt.where(Pkwt.organization_id == employer(principal))
    if flagged:
        stmt = stmt.where(Pkwt.flags != [])
    return stmt


def compensation(contract: Pkwt, cipher: FieldCipher, ended_on: date | None) -> dict:
    ended_on = ended_on or contract.ends_on
    amounts = wage(contract, cipher)
    monthly = amounts["basic"] + amounts["fixed_allowances"]
    months = rules.months_worked(contract.starts_on, ended_on)
    return {
        "pkwt_id": contract.id,
        "ended_on": ended_on,
        "months_worked": months,
        "monthly_wage": monthly,
        "amount": rules.compensation(monthly, months),
    }
