"""The append-only, hash-chained audit log (Pasal 11: periodic audit).

Each service keeps its own `audit` table. Every row carries the hash of the row before it, so an
edited row breaks its own hash and a deleted row breaks the chain; a trigger refuses UPDATE,
DELETE and TRUNCATE. Rows hold ids, roles and codes — never personal data in clear — so erasing
a person's data never touches the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, Index, MetaData, String, Table, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import Principal
from shared.db import utcnow
from shared.observability import request_id_var

GENESIS = "0" * 64

audit_table = Table(
    "audit",
    MetaData(),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("role", String(200), nullable=False),
    Column("action", String(200), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("region", String(20), nullable=False),
    Column("request_id", String(128), nullable=False),
    Column("outcome", String(40), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_subject", "subject"),
    Index("ix_audit_actor", "actor"),
)

FIELDS = ("seq", "at", "actor", "role", "action", "subject", "region", "request_id", "outcome", "prev_hash")


def append_only_ddl(schema: str) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION {schema}.audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$""",
        f"""CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {schema}.audit
FOR EACH ROW EXECUTE FUNCTION {schema}.audit_refuse_change()""",
        f"""CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {schema}.audit
FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_refuse_change()""",
    ]


def row_hash(row: dict) -> str:
    canonical = {k: (row[k].isoformat() if isinstance(row[k], datetime) else row[k]) for k in FIELDS}
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


async def record(
    session: AsyncSession,
    *,
    action: str,
    subject: str,
    outcome: str,
    principal: Principal | None = None,
    actor: str | None = None,
    region: str | None = None,
) -> int:
    """Append one entry in the caller's transaction; returns its sequence number."""
    # One writer at a time per service: the chain needs the previous hash.
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit'))"))
    last = (
        await session.execute(
            select(audit_table.c.seq, audit_table.c.hash).order_by(audit_table.c.seq.desc()).limit(1)
        )
    ).first()
    row = {
        "seq": (last.seq + 1) if last else 1,
        "at": utcnow(),
        "actor": actor or (principal.client_id or principal.subject if principal else "anonymous"),
        "role": ",".join(sorted(principal.roles)) or (principal.account_type or "") if principal else "",
        "action": action,
        "subject": subject,
        "region": region or (principal.region if principal and principal.region else ""),
        "request_id": request_id_var.get() or "",
        "outcome": outcome,
        "prev_hash": last.hash if last else GENESIS,
    }
    row["hash"] = row_hash(row)
    await session.execute(insert(audit_table).values(**row))
    return row["seq"]


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    first_broken_seq: int | None = None
    reason: str | None = None


async def verify_chain(session: AsyncSession, batch: int = 5_000) -> ChainReport:
    """Walk the whole chain; name the first row that was edited, removed or re-linked."""
    expected_seq, prev, count = 1, GENESIS, 0
    while True:
        rows = (
            (
                await session.execute(
                    select(audit_table)
                    .where(audit_table.c.seq >= expected_seq)
                    .order_by(audit_table.c.seq)
                    .limit(batch)
                )
            )
            .mappings()
            .all()
        )
        if not rows:
            return ChainReport(ok=True, rows=count)
        for row in rows:
            if row["seq"] != expected_seq:
                return ChainReport(False, count, expected_seq, "missing")
            if row["prev_hash"] != prev:
                return ChainReport(False, count, row["seq"], "relinked")
            if row_hash(dict(row)) != row["hash"]:
                return ChainReport(False, count, row["seq"], "edited")
            prev, expected_seq, count = row["hash"], expected_seq + 1, count + 1


async def history(session: AsyncSession, subject: str, limit: int = 500) -> list[dict]:
    """Entries about `subject`, newest first (for a person's data export)."""
    rows = (
        (
            await session.execute(
                select(audit_table)
                .where(audit_table.c.subject == subject)
                .order_by(audit_table.c.seq.desc())
                .limit(limit)
            )
        )
        .mappings()
        .all()
    )
    return [dict(r) for r in rows]
