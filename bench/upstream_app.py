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

    @app.get("/api/v1/bench/static")
    async def static(size: int = 1000) -> dict:
        """A fixed JSON body of about `size` bytes: the reference for a data read of that size."""
        return {"rows": "x" * max(size - 11, 0)}

    @app.get("/api/v1/bench/ping")
    async def ping() -> dict:
        return {"status": "ok", "service": "bench", "items": [1, 2, 3]}

    return app
