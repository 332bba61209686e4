"""Alembic per service: its version table lives in its own schema.

A service's `migrations/env.py` is two lines: import its metadata and call `run(metadata)`.
`upgrade(service, url)` runs a service's migrations from code (the launcher, the tests, the
Kubernetes migration Job).
"""

from __future__ import annotations

import asyncio
import sys
from importlib import import_module, resources
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from shared.config import secret
from shared.db import asyncpg_url

# Every process that owns a schema, and its package.
PACKAGES = {
    "identity": "services.identity",
    "training": "services.training",
    "placement": "services.placement",
    "general": "services.general",
    "relations": "services.relations",
    "inspection": "services.inspection",
    "gateway": "gateway",
}


def alembic_config(service: str, url: str) -> Config:
    folder = Path(str(resources.files(PACKAGES[service]))) / "migrations"
    cfg = Config()
    cfg.set_main_option("script_location", str(folder))
    cfg.set_main_option("sqlalchemy.url", asyncpg_url(url).replace("%", "%%"))
    cfg.attributes["service"] = service
    return cfg


def upgrade(service: str, url: str, revision: str = "head") -> None:
    """Migrate `service`'s schema to `revision`."""
    command.upgrade(alembic_config(service, url), revision)


def upgrade_all(url: str) -> None:
    for service, package in PACKAGES.items():
        import_module(f"{package}.models")
        upgrade(service, url)


def run(metadata: MetaData) -> None:
    """Body of a service's `migrations/env.py`."""
    schema = metadata.schema
    url = context.config.get_main_option("sqlalchemy.url")

    def do_run(connection: Connection) -> None:
        # Replicas starting together (Kubernetes init containers) migrate one at a time.
        connection.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": f"migrate:{schema}"}
        )
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=True,
            include_name=lambda name, type_, _parent: type_ != "schema" or name == schema,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run_async() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool)
        async with engine.begin() as connection:
            await connection.run_sync(do_run)
        await engine.dispose()

    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, version_table_schema=schema, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    else:
        asyncio.run(run_async())


def main() -> None:
    """`python -m shared.migrations <service>`: migrate one schema (the Kubernetes init container)."""
    service = sys.argv[1]
    url = secret(f"SIAPKERJA_{service.upper()}_DATABASE_URL") or secret("DATABASE_URL")
    if not url:
        raise SystemExit(f"no database address for {service}: set SIAPKERJA_{service.upper()}_DATABASE_URL")
    import_module(f"{PACKAGES[service]}.models")
    upgrade(service, url)


if __name__ == "__main__":
    main()
