"""Errors as RFC 9457 problem+json, in Indonesian by default and English on `Accept-Language: en`.

Services raise `AppError` subclasses with a stable `code`; one set of handlers renders every
failure — rule violations, validation, unknown routes, wrong methods, oversized bodies and
unexpected exceptions — in the same shape. Unexpected exceptions log their cause and show only
the request id.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://siapkerja.kemnaker.go.id/problems/"

log = structlog.get_logger("siapkerja.errors")

# (Indonesian, English) titles for the statuses the platform answers with.
TITLES: dict[int, tuple[str, str]] = {
    400: ("Permintaan tidak valid", "Bad request"),
    401: ("Autentikasi diperlukan", "Authentication required"),
    403: ("Akses ditolak", "Forbidden"),
    404: ("Tidak ditemukan", "Not found"),
    405: ("Metode tidak diizinkan", "Method not allowed"),
    406: ("Format tidak tersedia", "Not acceptable"),
    409: ("Konflik", "Conflict"),
    413: ("Permintaan terlalu besar", "Request too large"),
    415: ("Jenis konten tidak didukung", "Unsupported media type"),
    422: ("Data tidak valid", "Validation failed"),
    423: ("Terkunci sementara", "Temporarily locked"),
    429: ("Terlalu banyak permintaan", "Too many requests"),
    500: ("Kesalahan internal", "Internal error"),
    502: ("Layanan hulu bermasalah", "Bad gateway"),
    503: ("Layanan tidak tersedia", "Service unavailable"),
    504: ("Layanan hulu tidak menjawab", "Gateway timeout"),
}


def wants_english(accept_language: str | None) -> bool:
    """True when the caller prefers English over Indonesian."""
    if not accept_language:
        return False
    best_lang, best_q = "id", -1.0
    for part in accept_language.split(","):
        lang, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        tag = lang.strip().lower()[:2]
        if tag in ("id", "en") and q > best_q:
            best_lang, best_q = tag, q
    return best_lang == "en"


class AppError(Exception):
    """A failure the caller can act on. `detail` is (Indonesian, English)."""

    status: int = 400
    code: str = "bad_request"
    detail: tuple[str, str] = ("Permintaan tidak dapat diproses.", "The request cannot be processed.")
    # True when the work done before the refusal must be committed (see Database.transaction).
    keep_changes: bool = False

    def __init__(
        self,
        detail: tuple[str, str] | None = None,
        *,
        code: str | None = None,
        errors: Sequence[dict[str, str]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        if detail is not None:
            self.detail = detail
        if code is not None:
            self.code = code
        self.errors = list(errors)
        self.headers = headers or {}
        super().__init__(self.detail[1])


class NotFound(AppError):
    status, code = 404, "not_found"
    detail = ("Data tidak ditemukan.", "Not found.")


class Conflict(AppError):
    status, code = 409, "conflict"
    detail = ("Data bertentangan dengan yang sudah ada.", "Conflicts with existing data.")


class Unauthorized(AppError):
    status, code = 401, "unauthorized"
    detail = ("Token akses tidak ada atau tidak sah.", "Missing or invalid access token.")

    def __init__(self, detail: tuple[str, str] | None = None, **kw: Any) -> None:
        kw.setdefault("headers", {"WWW-Authenticate": 'Bearer realm="siapkerja"'})
        super().__init__(detail, **kw)


class Forbidden(AppError):
    status, code = 403, "forbidden"
    detail = ("Anda tidak berwenang untuk tindakan ini.", "You are not allowed to do this.")


class RuleViolated(AppError):
    """A rule of the regulation or the domain refuses the request."""

    status, code = 422, "rule_violated"


class InvalidInput(AppError):
    status, code = 422, "validation_failed"
    detail = ("Data yang dikirim tidak valid.", "The submitted data is invalid.")


class TooManyRequests(AppError):
    status, code = 429, "too_many_requests"
    detail = ("Terlalu banyak percobaan. Coba lagi nanti.", "Too many attempts. Try again later.")


class ServiceUnavailable(AppError):
    status, code = 503, "service_unavailable"
    detail = ("Layanan sedang tidak tersedia. Coba lagi sebentar.", "Service unavailable. Retry shortly.")


def problem(
    request: Request | None,
    status: int,
    code: str,
    detail: tuple[str, str],
    *,
    errors: Sequence[dict[str, str]] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Render one problem+json response in the caller's language."""
    english = wants_english(request.headers.get("accept-language") if request else None)
    title = TITLES.get(status, (HTTPStatus(status).phrase, HTTPStatus(status).phrase))
    body: dict[str, Any] = {
        "type": TYPE_BASE + code,
        "title": title[1 if english else 0],
        "status": status,
        "detail": detail[1 if english else 0],
        "code": code,
    }
    if request is not None:
        body["instance"] = request.url.path
        rid = getattr(request.state, "request_id", None)
        if rid:
            body["request_id"] = rid
    if errors:
        body["errors"] = list(errors)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    """Pydantic's errors as (field, message) pairs, without echoing the input back."""
    return [{"field": _field(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()]


_STATUS_CODES = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large", 400: "bad_request"}


def install_error_handlers(
    app: FastAPI, *, on_forbidden: Callable[[Request, str], Awaitable[None]] | None = None
) -> None:
    """Every failure of `app` leaves as problem+json; a 403 is first handed to `on_forbidden`
    (a service writes it to its audit log)."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        if exc.status == 403 and on_forbidden is not None:
            await on_forbidden(request, exc.code)
        return problem(request, exc.status, exc.code, exc.detail, errors=exc.errors, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem(request, 422, "validation_failed", InvalidInput.detail, errors=validation_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        phrase = HTTPStatus(exc.status_code).phrase
        detail = TITLES.get(exc.status_code, (phrase, phrase))
        return problem(request, exc.status_code, code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        if is_dependency_down(exc):
            log.warning("dependency_unavailable", path=request.url.path, error_type=type(exc).__name__)
            return problem(
                request, 503, ServiceUnavailable.code, ServiceUnavailable.detail, headers={"Retry-After": "5"}
            )
        log.exception("unhandled_error", path=request.url.path, error_type=type(exc).__name__)
        return problem(
            request,
            500,
            "internal_error",
            (
                "Terjadi kesalahan. Sebutkan request_id saat melapor.",
                "Something went wrong. Quote request_id.",
            ),
        )


def is_dependency_down(exc: BaseException) -> bool:
    """A lost database connection or an unreachable peer: the caller should retry, not us fix."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout | ConnectionError | TimeoutError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError | PermissionError)


# What every answer of a kind may be besides the operation's own: a service's and the gateway's.
SERVICE_PROBLEMS = (400, 401, 403, 404, 409, 413, 415, 422, 423, 503)
GATEWAY_PROBLEMS = (401, 403, 404, 413, 429, 502, 503, 504)

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details, in Indonesian unless `Accept-Language: en`.",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "instance": {"type": "string"},
        "request_id": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
}


def document_problems(doc: dict[str, Any], statuses: Sequence[int]) -> dict[str, Any]:
    """Declare in an OpenAPI document the problem+json answers every operation can give, so that
    clients (and the fuzzer's conformance checks) know them; FastAPI's own 422 shape, which the
    handlers above never send, is replaced."""
    doc.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in doc.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status in statuses:
                key = str(status)
                if key not in responses or status == 422:
                    responses[key] = {"description": TITLES[status][1], "content": content}
    doc["components"]["schemas"].pop("HTTPValidationError", None)
    doc["components"]["schemas"].pop("ValidationError", None)
    return doc
