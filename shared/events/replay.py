"""Re-publish a service's events since a time: `python -m shared.events.replay identity --since 2026-12-01`.

For an embedded broker that restarted empty, or a partner who missed events. It marks the
outbox rows unsent; the service's running relay publishes them again, and consumers' inboxes
make the second delivery change nothing.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime

from shared.config import ServiceSettings
from shared.db import Database
from shared.events.relay import replay


def _time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def run(service: str, since: datetime, until: datetime | None) -> int:
    settings = ServiceSettings.load(f"SIAPKERJA_{service.upper()}_")
    db = Database(settings.database_url.get_secret_value(), service, pool_size=1)
    try:
        return await replay(db, since, until)
    finally:
        await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("service", help="the service whose outbox to replay, e.g. identity")
    parser.add_argument("--since", type=_time, required=True, help="ISO 8601 time (UTC if no offset)")
    parser.add_argument("--until", type=_time, default=None, help="ISO 8601 time, exclusive")
    args = parser.parse_args()
    count = asyncio.run(run(args.service, args.since, args.until))
    print(f"{count} events of {args.service} marked for re-publication")


if __name__ == "__main__":
    main()
