"""The reference upstream: a small JSON endpoint, served the same way as every service."""

from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> dict:
        return {"status": "ok"}

    @app.get("/api/v1/bench/ping")
    async def ping() -> dict:
        return {"status": "ok", "service": "bench", "items": [1, 2, 3]}

    return app
