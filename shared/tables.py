"""The tables every service keeps in its own schema for the shared mechanisms.

Each mechanism defines its table once, unqualified, and runs its statements against the
connection's `search_path` (the service schema). `install_platform_tables` copies them into a
service's MetaData so that its Alembic migrations create them.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from shared import audit, idempotency
from shared.events import inbox, outbox


def install_platform_tables(metadata: MetaData) -> None:
    """Add the outbox, inbox, idempotency and audit tables to a service's metadata."""
    for table in (outbox.outbox_table, inbox.inbox_table, idempotency.idempotency_table, audit.audit_table):
        if f"{metadata.schema}.{table.name}" not in metadata.tables:
            table.to_metadata(metadata, schema=metadata.schema)


def platform_ddl(schema: str) -> list[str]:
    """Triggers and functions the tables need, for the service's first migration."""
    return [*outbox.notify_ddl(schema), *audit.append_only_ddl(schema)]
