"""`/api/v1/hotlists`: vehicle hotlists and their entries (manage: watchlists.manage; read: plates.search)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Response
from fastapi import UploadFile
from fastapi import status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from safecity.core.auth.permissions import Permission
from safecity.core.csv_files import CsvFormatError
from safecity.core.csv_files import decode
from safecity.core.db import utcnow
from safecity.core.errors import InvalidInputError
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.watchlist.vehicles import service
from safecity.watchlist.vehicles.csv_import import import_entries
from safecity.watchlist.vehicles.models import VehicleHotlist
from safecity.watchlist.vehicles.models import VehicleHotlistEntry
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.schemas import EntryPatch
from safecity.watchlist.vehicles.schemas import HotlistIn
from safecity.watchlist.vehicles.schemas import HotlistPatch

router = APIRouter(prefix="/api/v1/hotlists", tags=["hotlists"])
Reader = Annotated[Principal, require(Permission.PLATES_SEARCH)]
Manager = Annotated[Principal, require(Permission.WATCHLISTS_MANAGE)]


class HotlistOut(BaseModel):
    id: int
    name: str
    kind: str
    description: str
    edit_budget: float
    active: bool
    entries: int
    created_by: str
    created_at: datetime
    updated_at: datetime


class EntryOut(BaseModel):
    id: int
    hotlist_id: int
    plate: str
    plate_key: str
    reason: str
    case_ref: str
    vehicle: str
    expires_at: datetime | None
    expired: bool
    added_by: str
    created_at: datetime
    updated_at: datetime


class RowErrorOut(BaseModel):
    line: int
    message: str


class ImportOut(BaseModel):
    created: int
    updated: int
    failed: int
    errors: list[RowErrorOut]


def _hotlist_out(hotlist: VehicleHotlist, entries: int) -> HotlistOut:
    return from_row(HotlistOut, hotlist, entries=entries)


def _entry_out(entry: VehicleHotlistEntry) -> EntryOut:
    return from_row(EntryOut, entry, expired=entry.expires_at is not None and entry.expires_at <= utcnow())


@router.get("", response_model=list[HotlistOut])
def list_hotlists(services: ServicesDep, _: Reader) -> list[HotlistOut]:
    with services.database.session() as session:
        counts = service.entry_counts(session)
        return [_hotlist_out(h, counts.get(h.id, 0)) for h in service.list_hotlists(session)]


@router.post("", response_model=HotlistOut, status_code=status.HTTP_201_CREATED)
def create_hotlist(body: HotlistIn, services: ServicesDep, principal: Manager) -> HotlistOut:
    with services.database.session() as session:
        return _hotlist_out(service.create_hotlist(session, body, actor_of(principal)), 0)


@router.get("/{hotlist_id}", response_model=HotlistOut)
def get_hotlist(hotlist_id: int, services: ServicesDep, _: Reader) -> HotlistOut:
    with services.database.session() as session:
        hotlist = service.get_hotlist(session, hotlist_id)
        return _hotlist_out(hotlist, service.entry_counts(session).get(hotlist_id, 0))


@router.patch("/{hotlist_id}", response_model=HotlistOut)
def update_hotlist(
    hotlist_id: int, body: HotlistPatch, services: ServicesDep, principal: Manager
) -> HotlistOut:
    with services.database.session() as session:
        hotlist = service.update_hotlist(session, hotlist_id, body, actor_of(principal))
        return _hotlist_out(hotlist, service.entry_counts(session).get(hotlist_id, 0))


@router.delete("/{hotlist_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_hotlist(hotlist_id: int, services: ServicesDep, principal: Manager) -> Response:
    with services.database.session() as session:
        service.delete_hotlist(session, hotlist_id, actor_of(principal))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{hotlist_id}/entries", response_model=list[EntryOut])
def list_entries(hotlist_id: int, services: ServicesDep, _: Reader) -> list[EntryOut]:
    with services.database.session() as session:
        return [_entry_out(entry) for entry in service.list_entries(session, hotlist_id)]


@router.post("/{hotlist_id}/entries", response_model=EntryOut, status_code=status.HTTP_201_CREATED)
def add_entry(
    hotlist_id: int, body: EntryIn, services: ServicesDep, principal: Manager, response: Response
) -> EntryOut:
    """Add a plate; a plate already on the list (same series + number) is updated instead (200)."""
    with services.database.session() as session:
        entry, created = service.upsert_entry(session, hotlist_id, body, actor_of(principal))
        if not created:
            response.status_code = status.HTTP_200_OK
        return _entry_out(entry)


@router.patch("/{hotlist_id}/entries/{entry_id}", response_model=EntryOut)
def update_entry(
    hotlist_id: int, entry_id: int, body: EntryPatch, services: ServicesDep, principal: Manager
) -> EntryOut:
    with services.database.session() as session:
        return _entry_out(service.update_entry(session, hotlist_id, entry_id, body, actor_of(principal)))


@router.delete("/{hotlist_id}/entries/{entry_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_entry(hotlist_id: int, entry_id: int, services: ServicesDep, principal: Manager) -> Response:
    with services.database.session() as session:
        service.delete_entry(session, hotlist_id, entry_id, actor_of(principal))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{hotlist_id}/import", response_model=ImportOut)
async def import_csv(
    hotlist_id: int, file: UploadFile, services: ServicesDep, principal: Manager
) -> ImportOut:
    """Upload a CSV (columns plate, reason, case_ref, vehicle, expires_at); bad rows are listed by line."""
    data = await file.read()

    def run() -> ImportOut:
        with services.database.session() as session:
            report = import_entries(session, hotlist_id, decode(data), actor_of(principal))
        return ImportOut.model_validate(report.as_dict())

    try:
        return await run_in_threadpool(run)
    except CsvFormatError as exc:
        raise InvalidInputError(str(exc), field="file") from exc
