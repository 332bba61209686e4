"""The CloudEvents 1.0 envelope and the registry of event models.

Type `siapkerja.<service>.<aggregate>.<verb>.v1`, source `/siapkerja/<service>`, topic
`siapkerja.<service>.<aggregate>`, key = subject (the aggregate id). Events carry ids and
codes, never personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from shared.db import new_id, utcnow

SPEC_VERSION = "1.0"


class Event(BaseModel):
    """The `data` of one domain event. Subclasses are registered with `@event`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    service: ClassVar[str]
    aggregate: ClassVar[str]
    verb: ClassVar[str]
    version: ClassVar[int]

    @classmethod
    def type_name(cls) -> str:
        return f"siapkerja.{cls.service}.{cls.aggregate}.{cls.verb}.v{cls.version}"

    @classmethod
    def topic(cls) -> str:
        return f"siapkerja.{cls.service}.{cls.aggregate}"


registry: dict[str, type[Event]] = {}


def event(service: str, aggregate: str, verb: str, version: int = 1) -> Callable[[type[Event]], type[Event]]:
    """Register an event model under its CloudEvents type."""

    def register(cls: type[Event]) -> type[Event]:
        cls.service, cls.aggregate, cls.verb, cls.version = service, aggregate, verb, version
        existing = registry.get(cls.type_name())
        if existing is not None and existing.__qualname__ != cls.__qualname__:
            raise ValueError(f"event type {cls.type_name()} registered twice")
        registry[cls.type_name()] = cls
        return cls

    return register


def all_topics() -> list[str]:
    """Every topic of the platform."""
    return sorted({cls.topic() for cls in registry.values()})


def topics_of(service: str) -> list[str]:
    """Every topic `service` publishes to."""
    return sorted({cls.topic() for cls in registry.values() if cls.service == service})


def envelope(
    data: Event, *, subject: str, request_id: str | None = None, time: datetime | None = None
) -> dict[str, Any]:
    """Wrap `data` in a CloudEvents 1.0 structured-mode envelope."""
    body: dict[str, Any] = {
        "specversion": SPEC_VERSION,
        "id": str(new_id()),
        "source": f"/siapkerja/{data.service}",
        "type": data.type_name(),
        "subject": subject,
        "time": (time or utcnow()).isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json",
        "data": data.model_dump(mode="json"),
    }
    if request_id:
        body["requestid"] = request_id
    return body
