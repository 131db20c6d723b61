"""Open311 GeoReport v2 (JSON): services, create/list/get service requests.

Requests are accepted as form fields (the standard), multipart (with a `media` photo) or JSON. Errors use
the GeoReport format `[{"code": 400, "description": "..."}]`. Extensions: `anonymous` on create, the
reporter's `token` in the create response, and `?token=` on the single-request route to see one's own report
(with its moderation state) before it is public.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from pathlib import PurePath
from typing import Any

import anyio.to_thread
from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from safecity.alerts.events import alert_event
from safecity.alerts.schemas import AlertView
from safecity.config.platform import ApiNodeSettings
from safecity.config.reports import ReportSettings
from safecity.core.http.actions import change
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import client_address
from safecity.core.http.services import Services
from safecity.core.media import MediaError
from safecity.core.ratelimit import RateLimiter
from safecity.core.ratelimit import node_rate_limiter
from safecity.reports import service
from safecity.reports.catalog import BY_CODE
from safecity.reports.catalog import SERVICES
from safecity.reports.models import CitizenReport

GEOREPORT_ERROR = {
    "content": {
        "application/json": {
            "schema": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "description"],
                    "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
                },
            }
        }
    }
}
# Errors come in the GeoReport format; every route may answer these.
GEOREPORT_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": description, **GEOREPORT_ERROR}
    for code, description in (
        (400, "Bad request (GeoReport error list)"),
        (403, "The token does not match (GeoReport error list)"),
        (404, "No such service request (GeoReport error list)"),
        (429, "Too many requests from this address (GeoReport error list)"),
    )
}
router = APIRouter(prefix="/open311/v2", tags=["open311"], responses=GEOREPORT_ERRORS)
AGENCY = "Safe City Authority"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic"}


class Open311Error(Exception):
    def __init__(self, code: int, description: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.headers = headers


def error_response(error: Open311Error) -> JSONResponse:
    return JSONResponse(
        [{"code": error.code, "description": error.description}],
        status_code=error.code,
        headers=error.headers,
    )


@dataclass
class Open311Runtime:
    limiter: RateLimiter  # per client address, bad requests included

    @classmethod
    def build(cls, settings: ReportSettings, nodes: ApiNodeSettings) -> Open311Runtime:
        return cls(node_rate_limiter(settings.rate, nodes, settings.rate_storage_uri))


def _limiter(services: Services) -> RateLimiter:
    return services.runtimes.get(Open311Runtime).limiter


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def request_json(report: CitizenReport, *, owner: bool = False) -> dict[str, Any]:
    entry = BY_CODE.get(report.service_code)
    body: dict[str, Any] = {
        "service_request_id": str(report.id),
        "status": report.status,
        "status_notes": report.status_notes,
        "service_name": entry.name if entry else report.service_code,
        "service_code": report.service_code,
        "description": report.description,
        "agency_responsible": AGENCY,
        "service_notice": "",
        "requested_datetime": _iso(report.requested_at),
        "updated_datetime": _iso(report.updated_at),
        "expected_datetime": None,
        "address": report.address_string,
        "address_id": None,
        "zipcode": None,
        "lat": report.latitude,
        "long": report.longitude,
        "media_url": report.media_url if owner else None,
    }
    if owner:
        body["moderation"] = report.moderation
    return body


@router.get("/services.json", summary="What a citizen can report")
def services_list() -> list[dict[str, Any]]:
    return [
        {
            "service_code": s.code,
            "service_name": s.name,
            "description": s.description,
            "metadata": False,
            "type": "realtime",
            "keywords": s.keywords,
            "group": s.group,
        }
        for s in SERVICES
    ]


async def _fields(request: Request) -> tuple[dict[str, str], UploadFile | None]:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            raw = await request.json()
        except ValueError:
            raise Open311Error(400, "the body is not valid JSON") from None
        if not isinstance(raw, dict):
            raise Open311Error(400, "the JSON body must be an object")
        return {k: "" if v is None else str(v) for k, v in raw.items()}, None
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    media = form.get("media")
    return fields, media if isinstance(media, UploadFile) else None


def _coordinate(fields: dict[str, str], name: str, limit: float) -> float | None:
    raw = fields.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, f"{name} must be a number, got {raw[:40]!r}") from None
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise Open311Error(400, f"{name} must be between -{limit:g} and {limit:g}, got {raw[:40]}")
    return value


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _parse(fields: dict[str, str]) -> service.ReportInput:
    code = fields.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, "service_code was not provided")
    if code not in BY_CODE:
        raise Open311Error(404, f"service_code {code[:64]!r} not found")
    lat, lon = _coordinate(fields, "lat", 90), _coordinate(fields, "long", 180)
    address = fields.get("address_string", "").strip()
    if (lat is None) != (lon is None):
        raise Open311Error(400, "lat and long must be given together")
    if lat is None and not address:
        raise Open311Error(400, "a location is required: lat and long, or address_string")
    return service.ReportInput(
        service_code=code,
        latitude=lat,
        longitude=lon,
        address_string=address[:500],
        description=fields.get("description", "")[:4000],
        anonymous=_truthy(fields.get("anonymous", "")),
        first_name=fields.get("first_name", "")[:100],
        last_name=fields.get("last_name", "")[:100],
        email=fields.get("email", "")[:200],
        phone=fields.get("phone", "")[:32],
        device_id=fields.get("device_id", "")[:100],
        media_url=fields.get("media_url", "")[:1000] or None,
    )


def _store_photo(services: Services, media: UploadFile) -> tuple[str, str]:
    suffix = PurePath(media.filename or "").suffix.lower()
    if suffix not in PHOTO_SUFFIXES:
        raise Open311Error(400, f"media must be a photo ({', '.join(sorted(PHOTO_SUFFIXES))})")
    try:
        ref = services.media.put_stream(media.file, suffix)
    except MediaError as exc:
        raise Open311Error(400, f"media could not be stored: {exc}") from exc
    return ref.sha256, f"/api/v1/media/{ref.sha256}"


@router.post("/requests.json", summary="Create a service request (form, multipart with `media`, or JSON)")
async def create_request(request: Request, services: ServicesDep) -> JSONResponse:
    keys = (f"open311:addr:{client_address(request)}",)
    limiter = _limiter(services)
    try:
        if not limiter.hit(*keys):
            retry = limiter.retry_after(*keys)
            raise Open311Error(
                429, "too many requests from this address; try later", {"Retry-After": str(retry)}
            )
        fields, media = await _fields(request)
        data = _parse(fields)
    except Open311Error as error:
        return error_response(error)
    return await anyio.to_thread.run_sync(_submit, services, data, media)


def _submit(services: Services, data: service.ReportInput, media: UploadFile | None) -> JSONResponse:
    try:
        if media is not None:
            sha, url = _store_photo(services, media)
            data = replace(data, media_sha256=sha, media_url=url)
    except Open311Error as error:
        return error_response(error)
    with change(services) as ch:
        submitted = service.submit(ch.session, data, services.clock.now())
        body = [
            {
                "service_request_id": str(submitted.report.id),
                "service_notice": "Thank you. Keep the token to follow your report.",
                "account_id": None,
                "token": submitted.token,
            }
        ]
        alert = AlertView.of(submitted.alert)
        ch.publish(alert_event("created" if submitted.alert_created else "repeated", alert, "citizen"))
    return JSONResponse(body, status_code=201)


def _date(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} must be a W3C/ISO 8601 date-time") from None
    if moment.tzinfo is None:
        raise Open311Error(400, f"{name} needs a time zone offset")
    return moment


@router.get("/requests.json", summary="Public service requests (accepted, of public services)")
def list_requests(
    services: ServicesDep,
    service_request_id: str | None = None,
    service_code: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    status: str | None = None,
) -> JSONResponse:
    try:
        ids = []
        for part in (service_request_id or "").split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise Open311Error(400, f"service_request_id {part.strip()[:40]!r} is not a request id")
                ids.append(int(part))
        codes = [c for c in (service_code or "").split(",") if c]
        if status not in (None, "", "open", "closed"):
            raise Open311Error(400, "status must be open or closed")
        start, end = _date(start_date, "start_date"), _date(end_date, "end_date")
    except Open311Error as error:
        return error_response(error)
    public = service.public_services()
    with services.database.session() as session:
        found = service.search(
            session,
            ids=ids,
            service_codes=[c for c in codes if c in public] if codes else sorted(public),
            status=status or None,
            moderation=[service.Moderation.ACCEPTED.value],
            start=start,
            end=end,
        )
        return JSONResponse([request_json(report) for report in found])


@router.get("/requests/{request_id}.json", summary="One service request; add ?token= to see your own report")
def get_request(request_id: str, services: ServicesDep, token: str | None = None) -> JSONResponse:
    not_found = Open311Error(404, f"service request {request_id[:40]!r} not found")
    if not request_id.isdigit():
        return error_response(not_found)
    with services.database.session() as session:
        try:
            report = service.get_report(session, int(request_id))
        except service.ReportNotFoundError:
            return error_response(not_found)
        if token is not None:
            if not service.token_matches(report, token):
                return error_response(Open311Error(403, "the token does not match this service request"))
            return JSONResponse([request_json(report, owner=True)])
        visible = report.moderation == service.Moderation.ACCEPTED.value and report.service_code in (
            service.public_services()
        )
        if not visible:
            return error_response(not_found)
        return JSONResponse([request_json(report)])
