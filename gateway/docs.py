"""One merged OpenAPI (every service's operations, tagged with the service and annotated with
their policy rule), Swagger UI served from the bundled assets (no CDN), merged AsyncAPI."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp

from gateway.policy import Policy
from shared.errors import GATEWAY_PROBLEMS, document_problems

CACHE_S = 60.0


class Catalogues:
    def __init__(self, upstreams: dict[str, list[str]], policy: Policy) -> None:
        self.upstreams = upstreams
        self.policy = policy
        self._cache: dict[str, tuple[float, dict]] = {}

    async def _fetch_all(self, session: aiohttp.ClientSession, path: str) -> dict[str, dict]:
        async def one(service: str, url: str) -> tuple[str, dict | None]:
            try:
                async with session.get(url.rstrip("/") + path, timeout=aiohttp.ClientTimeout(total=3)) as r:
                    return service, (await r.json()) if r.status == 200 else None
            except (TimeoutError, aiohttp.ClientError):
                return service, None

        results = await asyncio.gather(*(one(s, urls[0]) for s, urls in self.upstreams.items() if urls))
        return {service: doc for service, doc in results if doc is not None}

    async def openapi(self, session: aiohttp.ClientSession) -> dict[str, Any]:
        cached = self._cache.get("openapi")
        if cached and cached[0] > time.monotonic():
            return cached[1]
        merged: dict[str, Any] = {
            "openapi": "3.1.0",
            "info": {
                "title": "SIAPkerja API",
                "version": "1.0.0",
                "description": "Layanan ketenagakerjaan nasional (Permenaker No. 17 Tahun 2024).",
            },
            "servers": [{"url": "/"}],
            "paths": {},
            "components": {
                "schemas": {},
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
            },
            "tags": [],
        }
        for service, fetched in sorted((await self._fetch_all(session, "/openapi.json")).items()):
            doc = _namespaced(service, fetched)
            merged["tags"].append({"name": service})
            merged["components"]["schemas"].update(doc.get("components", {}).get("schemas", {}))
            for path, operations in doc.get("paths", {}).items():
                for method, operation in operations.items():
                    rule = self.policy.match(method.upper(), _example(path))
                    if rule is None:
                        continue  # not public: the gateway would refuse it
                    operation["tags"] = [service, *operation.get("tags", [])]
                    operation["x-siapkerja-policy"] = rule.describe()
                    if not rule.public:
                        operation["security"] = [{"bearer": []}]
                    merged["paths"].setdefault(path, {})[method] = operation
        document_problems(merged, GATEWAY_PROBLEMS)
        self._cache["openapi"] = (time.monotonic() + CACHE_S, merged)
        return merged

    async def asyncapi(self, session: aiohttp.ClientSession) -> dict[str, Any]:
        merged: dict[str, Any] = {
            "asyncapi": "3.0.0",
            "info": {"title": "SIAPkerja events", "version": "1.0.0"},
            "defaultContentType": "application/cloudevents+json",
            "channels": {},
            "operations": {},
            "components": {"messages": {}},
        }
        for doc in (await self._fetch_all(session, "/asyncapi.json")).values():
            for key in ("channels", "operations"):
                merged[key].update(doc.get(key, {}))
            merged["components"]["messages"].update(doc.get("components", {}).get("messages", {}))
        return merged


def _example(template: str) -> str:
    """A concrete path for a template, to find its policy rule."""
    return "/".join("x" if part.startswith("{") else part for part in template.split("/"))


SWAGGER_HTML = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>SIAPkerja API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script></body></html>"""

SWAGGER_INIT = "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});"


def _namespaced(service: str, doc: dict[str, Any]) -> dict[str, Any]:
    """The service's document with its schema names prefixed by the service, so that two services'
    models of the same name (each has its own `StatusChange`) stay apart in the merged document."""
    prefix = "#/components/schemas/"
    text = json.dumps(doc).replace(f'"{prefix}', f'"{prefix}{service}.')
    renamed = json.loads(text)
    schemas = renamed.get("components", {}).get("schemas", {})
    renamed.setdefault("components", {})["schemas"] = {
        f"{service}.{name}": body for name, body in schemas.items()
    }
    return renamed
