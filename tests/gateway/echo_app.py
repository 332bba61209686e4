"""An upstream for the gateway's tests: echoes what reached it, streams, counts hits."""

import asyncio

from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse


def create_app() -> FastAPI:
    app = FastAPI()
    hits = {"n": 0}

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> dict:
        return {"status": "ok"}

    @app.get("/hits")
    async def count() -> dict:
        return hits

    @app.api_route("/api/v1/echo/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    async def echo(rest: str, request: Request):
        hits["n"] += 1
        if rest == "big":
            chunk = b"x" * 65536

            async def stream():
                for _ in range(320):  # 20 MiB
                    yield chunk

            return StreamingResponse(stream(), media_type="application/octet-stream")
        if rest == "slow":
            await asyncio.sleep(30)
        body = await request.body()
        return {
            "path": request.url.path,
            "query": request.url.query,
            "headers": dict(request.headers),
            "body_length": len(body),
        }

    return app
