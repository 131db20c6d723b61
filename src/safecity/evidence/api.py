"""Evidence over HTTP: cases, items, custody, redaction, signed exports; legal holds; retention report."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import File
from fastapi import Form
from fastapi import HTTPException
from fastapi import UploadFile
from fastapi import status
from fastapi.responses import FileResponse

from safecity.core.auth.permissions import Permission
from safecity.core.db import utcnow
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.actions import action
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.parameter_types import DateTimeInput
from safecity.core.http.parameter_types import Int64
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.core.media import MediaError
from safecity.core.signing import fingerprint
from safecity.core.signing import load_or_create_signing_key
from safecity.core.signing import public_key_pem
from safecity.evidence import bundle
from safecity.evidence import custody
from safecity.evidence import holds
from safecity.evidence import vault
from safecity.evidence.checkpoint_job import Checkpointer
from safecity.evidence.custody import CustodyAction
from safecity.evidence.errors import InvalidEvidenceInputError
from safecity.evidence.redaction import RegionFinder
from safecity.evidence.redaction import face_finder
from safecity.evidence.redaction import plate_finder
from safecity.evidence.redaction import redaction_detector
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention import RetentionPlan
from safecity.evidence.schemas import CaseCreate
from safecity.evidence.schemas import CaseOut
from safecity.evidence.schemas import CaseUpdate
from safecity.evidence.schemas import CustodyOut
from safecity.evidence.schemas import CustodyReport
from safecity.evidence.schemas import ExportCreate
from safecity.evidence.schemas import HoldCreate
from safecity.evidence.schemas import HoldOut
from safecity.evidence.schemas import HoldRelease
from safecity.evidence.schemas import ItemOut
from safecity.evidence.schemas import RedactCreate
from safecity.evidence.schemas import SigningKeyOut

router = APIRouter(prefix="/api/v1", tags=["evidence"])
Reader = Annotated[Principal, require(Permission.EVIDENCE_READ)]
Manager = Annotated[Principal, require(Permission.EVIDENCE_MANAGE)]


def _finder(services: Services) -> RegionFinder:
    return face_finder(redaction_detector(services.settings.models_dir))


def _plate_finder(wanted: bool) -> RegionFinder | None:
    return plate_finder() if wanted else None


# Cases ----------------------------------------------------------------------------------------------------


@router.post("/evidence/cases", response_model=CaseOut, status_code=201, summary="Open a case")
def create_case(
    body: CaseCreate,
    services: ServicesDep,
    principal: Manager,
) -> CaseOut:
    with action(services, principal) as act:
        case = vault.create_case(
            act.session,
            body.reference,
            body.title,
            actor_of(principal),
            description=body.description,
            incident_ref=body.incident_ref,
        )
        out = CaseOut.model_validate(case, from_attributes=True)
        act.audit("evidence.case_create", "evidence_case", out.id, reference=out.reference)
    return out


@router.get("/evidence/cases", response_model=list[CaseOut], summary="List cases")
def list_cases(services: ServicesDep, _: Reader) -> list[CaseOut]:
    with services.database.session() as session:
        return [CaseOut.model_validate(case, from_attributes=True) for case in vault.list_cases(session)]


@router.get("/evidence/cases/{case_id}", response_model=CaseOut, summary="One case")
def get_case(case_id: int, services: ServicesDep, _: Reader) -> CaseOut:
    with services.database.session() as session:
        return CaseOut.model_validate(vault.get_case(session, case_id), from_attributes=True)


@router.patch(
    "/evidence/cases/{case_id}",
    response_model=CaseOut,
    summary="Close or reopen a case, or edit its title, description and incident reference",
    description=(
        "Send any of `status`, `title`, `description`, `incident_ref`; fields left out stay as they are. "
        "A status change is written into the custody of every item of the case (retention changes); every "
        "update is audited (`evidence.case_update`) with the new status and each edited field's old and new "
        "value. The case reference cannot be changed."
    ),
)
def update_case(
    case_id: int,
    body: CaseUpdate,
    services: ServicesDep,
    principal: Manager,
) -> CaseOut:
    with action(services, principal) as act:
        case = vault.get_case(act.session, case_id)
        changes = vault.update_case_details(
            act.session,
            case,
            title=body.title,
            description=body.description,
            incident_ref=body.incident_ref,
        )
        if body.status is not None:
            vault.set_case_status(act.session, case, body.status, actor_of(principal))
        out = CaseOut.model_validate(case, from_attributes=True)
        details: dict[str, Any] = {"changes": changes}
        if body.status is not None:
            details["status"] = body.status
        act.audit("evidence.case_update", "evidence_case", case_id, **details)
    return out


# Items ----------------------------------------------------------------------------------------------------


@router.post(
    "/evidence/items",
    response_model=ItemOut,
    status_code=201,
    summary="Collect an item: upload a file, or reference media already stored by its sha256",
)
def create_item(
    services: ServicesDep,
    principal: Manager,
    kind: Annotated[str, Form(description="clip, snapshot, upload or document")],
    file: Annotated[UploadFile | None, File()] = None,
    media_sha256: Annotated[str | None, Form()] = None,
    case_id: Annotated[Int64 | None, Form()] = None,
    camera_id: Annotated[str | None, Form(max_length=128)] = None,
    start: Annotated[DateTimeInput | None, Form()] = None,
    end: Annotated[DateTimeInput | None, Form()] = None,
    description: Annotated[str, Form(max_length=10_000)] = "",
) -> ItemOut:
    if (file is None) == (media_sha256 is None):
        raise InvalidEvidenceInputError("file", "send either a file or media_sha256, not both or neither")
    metadata = vault.ItemMetadata(
        kind=kind,
        case_id=case_id,
        camera_id=camera_id or None,
        start=start,
        end=end,
        filename=(file.filename or "") if file is not None else "",
        description=description,
    )
    actor = actor_of(principal)
    with action(services, principal) as act:
        if file is not None:
            item = vault.add_upload(act.session, services.media, file.file, metadata, actor)
        else:
            item = vault.add_item(act.session, services.media, str(media_sha256), metadata, actor)
        out = ItemOut.model_validate(item, from_attributes=True)
        act.audit("evidence.collect", "evidence_item", out.id, sha256=out.sha256, case_id=case_id)
    return out


@router.get("/evidence/items", response_model=list[ItemOut], summary="Item metadata (no content), by case")
def list_items(
    services: ServicesDep,
    _: Reader,
    case_id: int | None = None,
) -> list[ItemOut]:
    with services.database.session() as session:
        return [ItemOut.model_validate(i, from_attributes=True) for i in vault.list_items(session, case_id)]


def _view(
    services: Services, access: PersonalDataAccess, item_id: int, what: str
) -> tuple[ItemOut, Path | None]:
    with services.database.session() as session:
        item = vault.get_item(session, item_id)
        custody.record(
            session,
            item,
            CustodyAction.VIEWED,
            actor_of(access.principal),
            purpose=access.purpose,
            case_ref=access.case_ref,
            details={"what": what},
        )
        out = ItemOut.model_validate(item, from_attributes=True)
    try:
        path: Path | None = services.media.path(out.sha256)
    except MediaError:
        path = None  # purged by retention
    return out, path


@router.get("/evidence/items/{item_id}", response_model=ItemOut, summary="View an item (purpose required)")
def view_item(
    item_id: int,
    services: ServicesDep,
    access: Annotated[PersonalDataAccess, personal_data_read(Permission.EVIDENCE_READ, "evidence.view")],
) -> ItemOut:
    return _view(services, access, item_id, "metadata")[0]


@router.get(
    "/evidence/items/{item_id}/content",
    response_class=FileResponse,
    summary="Download an item's original file (purpose required)",
)
def item_content(
    item_id: int,
    services: ServicesDep,
    access: Annotated[PersonalDataAccess, personal_data_read(Permission.EVIDENCE_READ, "evidence.view")],
) -> FileResponse:
    out, path = _view(services, access, item_id, "content")
    if out.status == "purged" or path is None:
        raise HTTPException(status.HTTP_410_GONE, f"item {item_id}'s file was purged by retention")
    return FileResponse(path, filename=out.filename or f"item-{item_id}{out.suffix}")


@router.get("/evidence/items/{item_id}/custody", response_model=CustodyReport, summary="Chain of custody")
def item_custody(item_id: int, services: ServicesDep, _: Reader) -> CustodyReport:
    with services.database.session() as session:
        item = vault.get_item(session, item_id)
        entries = custody.chain(session, item_id)
        problems = custody.chain_problems(
            [custody.entry_to_dict(e) for e in entries],
            item_id,
            head=item.custody_head,
            count=item.custody_count,
        )
        return CustodyReport(
            item_id=item_id,
            intact=not problems,
            problems=problems,
            entries=[CustodyOut.model_validate(e, from_attributes=True) for e in entries],
        )


@router.post(
    "/evidence/items/{item_id}/redactions",
    response_model=ItemOut,
    status_code=201,
    summary="Make a redacted derivative of an image or clip: faces, drawn regions, plates (original kept)",
    description=(
        "Blurs every face the detector finds, every box in `regions` (image pixels; every frame of a video) "
        "and, with `plates: true`, every number plate the ANPR reader finds. The derivative is a new item "
        "(`derivation: redacted`, `original_id`); its `collected` custody entry and the original's "
        "`redacted` entry record `drawn_regions` (the boxes as sent), `face_regions`, `plate_regions` and "
        "`regions` (all boxes blurred; for a video, counts summed over the frames the detectors ran on). "
        "422 on `regions` when a box is empty, inverted or outside the picture; 422 on `item_id` when the "
        "item is not an image or video, or was purged."
    ),
)
def redact(
    item_id: int,
    body: RedactCreate,
    services: ServicesDep,
    principal: Manager,
) -> ItemOut:
    with action(services, principal) as act:
        item = vault.get_item(act.session, item_id)
        derivative = bundle.redact_item(
            act.session,
            services.media,
            item,
            actor_of(principal),
            purpose=body.purpose,
            finder=_finder(services),
            plates=_plate_finder(body.plates),
            regions=body.regions,
        )
        out = ItemOut.model_validate(derivative, from_attributes=True)
        act.audit(
            "evidence.redact",
            "evidence_item",
            item_id,
            derivative=out.id,
            drawn_regions=[list(box) for box in body.regions],
            plates=body.plates,
        )
    return out


# Exports --------------------------------------------------------------------------------------------------


@router.get("/evidence/signing-key", response_model=SigningKeyOut, summary="The bundle signing key to pin")
def signing_key(services: ServicesDep, _: Reader) -> SigningKeyOut:
    public = load_or_create_signing_key(services.settings.data_dir).public_key()
    return SigningKeyOut(fingerprint=fingerprint(public), public_key_pem=public_key_pem(public).decode())


@router.post(
    "/evidence/exports",
    response_class=FileResponse,
    summary="Export items as a signed, watermarked ZIP bundle (purpose required)",
)
def export(
    body: ExportCreate,
    services: ServicesDep,
    access: Annotated[PersonalDataAccess, personal_data_read(Permission.EVIDENCE_EXPORT, "evidence.export")],
) -> FileResponse:
    key = load_or_create_signing_key(services.settings.data_dir)
    principal = access.principal
    with (
        tempfile.TemporaryDirectory(prefix="safecity-bundle-") as scratch,
        action(services, principal) as act,
    ):
        result = bundle.export_bundle(
            act.session,
            services.media,
            key,
            body.item_ids,
            actor_of(principal),
            Path(scratch) / "bundle.zip",
            purpose=access.purpose,
            case_ref=access.case_ref,
            redact=body.redact,
            finder=_finder(services) if body.redact else None,
        )
        ref = services.media.put_file(result.path, ".zip")
        act.audit(
            "evidence.exported",
            "evidence_bundle",
            result.bundle_id,
            sha256=ref.sha256,
            items=body.item_ids,
            redacted=body.redact,
            fingerprint=result.fingerprint,
        )
    Checkpointer(services.database, services.settings.data_dir, services.clock).publish(always=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    return FileResponse(
        services.media.path(ref.sha256),
        media_type="application/zip",
        filename=f"evidence-{stamp}-{result.bundle_id[:8]}.zip",
        headers={
            "X-Safecity-Bundle-Id": result.bundle_id,
            "X-Safecity-Bundle-Sha256": ref.sha256,
            "X-Safecity-Key-Fingerprint": result.fingerprint,
        },
    )


# Legal holds ----------------------------------------------------------------------------------------------

holds_router = APIRouter(prefix="/api/v1/holds", tags=["retention"])


@holds_router.get("", response_model=list[HoldOut], summary="Legal holds (active unless asked)")
def list_holds(
    services: ServicesDep,
    _: Reader,
    include_released: bool = False,
) -> list[HoldOut]:
    with services.database.session() as session:
        return [
            HoldOut.model_validate(h, from_attributes=True)
            for h in holds.list_holds(session, include_released=include_released)
        ]


@holds_router.post("", response_model=HoldOut, status_code=201, summary="Place a legal hold")
def place_hold(
    body: HoldCreate,
    services: ServicesDep,
    principal: Manager,
) -> HoldOut:
    with action(services, principal) as act:
        hold = holds.place_hold(act.session, actor_of(principal), **body.model_dump())
        out = HoldOut.model_validate(hold, from_attributes=True)
        act.audit("retention.hold_placed", "legal_hold", out.id, **body.model_dump(mode="json"))
    return out


@holds_router.post(
    "/{hold_id}/release",
    response_model=HoldOut,
    summary="Release a legal hold, saying why",
    description=(
        "The reason (required, 3 to 2000 characters) is kept on the hold (`release_reason`), written into "
        "the `retention_changed` custody entry of every item the hold covered and into the audit entry "
        "`retention.hold_released`. 409 when the hold was already released."
    ),
)
def release_hold(
    hold_id: int,
    body: HoldRelease,
    services: ServicesDep,
    principal: Manager,
) -> HoldOut:
    with action(services, principal) as act:
        out = HoldOut.model_validate(
            holds.release_hold(act.session, hold_id, actor_of(principal), body.reason), from_attributes=True
        )
        act.audit("retention.hold_released", "legal_hold", hold_id, reason=out.release_reason)
    return out


# Retention ------------------------------------------------------------------------------------------------

retention_router = APIRouter(prefix="/api/v1/retention", tags=["retention"])


@retention_router.get("/report", summary="Dry run of the retention sweep: what each data class would delete")
def retention_report(
    services: ServicesDep, _: Annotated[Principal, require(Permission.RETENTION_MANAGE)]
) -> dict[str, object]:
    context = RetentionContext(services.settings, services.database, services.media)
    return services.runtimes.get(RetentionPlan).sweeper(context).sweep(utcnow(), dry_run=True).to_dict()


routers = (router, holds_router, retention_router)
