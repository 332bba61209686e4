"""An AsyncAPI 3.0 document generated from the registered event models: the partners' catalogue."""

from __future__ import annotations

from typing import Any

from shared.events.envelope import registry

ENVELOPE_SCHEMA = {
    "type": "object",
    "required": ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"],
    "properties": {
        "specversion": {"const": "1.0"},
        "id": {"type": "string", "format": "uuid"},
        "source": {"type": "string"},
        "type": {"type": "string"},
        "subject": {"type": "string", "description": "The aggregate id; also the message key."},
        "time": {"type": "string", "format": "date-time"},
        "datacontenttype": {"const": "application/json"},
        "requestid": {"type": "string"},
    },
}


def asyncapi_document(service: str | None = None) -> dict[str, Any]:
    """The catalogue of `service`'s events (all registered events when None)."""
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for type_name, cls in sorted(registry.items()):
        if service is not None and cls.service != service:
            continue
        message_id = type_name.replace(".", "_")
        schema = {
            **ENVELOPE_SCHEMA,
            "properties": {
                **ENVELOPE_SCHEMA["properties"],
                "type": {"const": type_name},
                "data": cls.model_json_schema(),
            },
        }
        messages[message_id] = {
            "name": type_name,
            "title": cls.__name__,
            "summary": (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else type_name,
            "contentType": "application/cloudevents+json",
            "payload": schema,
        }
        channel_id = cls.topic().replace(".", "_")
        channel = channels.setdefault(channel_id, {"address": cls.topic(), "messages": {}})
        channel["messages"][message_id] = {"$ref": f"#/components/messages/{message_id}"}
        operations.setdefault(
            f"publish_{channel_id}",
            {"action": "send", "channel": {"$ref": f"#/channels/{channel_id}"}, "messages": []},
        )["messages"].append({"$ref": f"#/channels/{channel_id}/messages/{message_id}"})
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": f"SIAPkerja events{f' — {service}' if service else ''}",
            "version": "1.0.0",
            "description": "CloudEvents 1.0 in structured mode; the Kafka key is the subject.",
        },
        "defaultContentType": "application/cloudevents+json",
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }
