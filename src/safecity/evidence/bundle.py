"""Signed export bundles: a ZIP a court can check offline.

Layout: `manifest.json` (items with hashes, times, camera, case; every other file's sha256; who exported it
and why; the public key's fingerprint), `signature.sig` (Ed25519 over the exact bytes of manifest.json),
`public_key.pem`, `media/item-<id><suffix>` (watermarked, and redacted on request), `custody/item-<id>.json`
(each exported item's custody chain, ending with this export) and `README.txt`.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.db import utcnow
from safecity.core.media import MediaError
from safecity.core.media import MediaStore
from safecity.core.signing import fingerprint
from safecity.core.signing import load_public_key
from safecity.core.signing import public_key_pem
from safecity.core.signing import signature_valid
from safecity.evidence import custody
from safecity.evidence import vault
from safecity.evidence.custody import CustodyAction
from safecity.evidence.errors import EvidenceError
from safecity.evidence.errors import InvalidEvidenceInputError
from safecity.evidence.mediafiles import encode_image
from safecity.evidence.mediafiles import media_type
from safecity.evidence.mediafiles import read_image
from safecity.evidence.mediafiles import rewrite_video
from safecity.evidence.mediafiles import video_size
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceItem
from safecity.evidence.redaction import RegionFinder
from safecity.evidence.redaction import check_regions
from safecity.evidence.redaction import face_finder
from safecity.evidence.redaction import redact_image
from safecity.evidence.redaction import redact_video
from safecity.evidence.watermark import burn_watermark
from safecity.evidence.watermark import watermark_text

FORMAT = "safecity-evidence-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "signature.sig"
PUBLIC_KEY = "public_key.pem"
README = """This is a safecity evidence bundle.
manifest.json lists every file with its SHA-256; signature.sig is an Ed25519 signature over manifest.json
made with the key in public_key.pem, whose fingerprint (SHA-256 of the raw key) is in the manifest.
Check it offline with `safecity evidence verify-bundle THIS.zip --pin FINGERPRINT`.
Files under media/ carry a visible watermark naming who exported them; custody/ holds each item's
hash-chained chain of custody.
"""


@dataclass(frozen=True, slots=True)
class ExportResult:
    bundle_id: str
    path: Path
    sha256: str
    fingerprint: str
    manifest: dict[str, Any]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _iso(value: Any) -> Any:
    return value.isoformat(timespec="microseconds") if value is not None else None


def export_bundle(
    session: Session,
    media: MediaStore,
    key: Ed25519PrivateKey,
    item_ids: list[int],
    actor: Actor,
    destination: Path,
    *,
    purpose: str,
    case_ref: str = "",
    redact: bool = False,
    finder: RegionFinder | None = None,
) -> ExportResult:
    """Write a signed bundle of `item_ids` to `destination` and log `exported` in each item's custody."""
    if not item_ids:
        raise InvalidEvidenceInputError("item_ids", "name at least one item")
    items = []
    for item_id in dict.fromkeys(item_ids):
        try:
            item = vault.get_item(session, item_id)
        except EvidenceError as exc:
            raise InvalidEvidenceInputError("item_ids", str(exc)) from None
        if item.status == ITEM_PURGED:
            raise InvalidEvidenceInputError("item_ids", f"item {item_id} was purged by retention")
        try:
            media.verify(item.sha256)
        except MediaError as exc:
            raise EvidenceError(f"item {item_id} cannot be exported: {exc}") from exc
        items.append(item)
    bundle_id = str(uuid.uuid4())
    now = utcnow()
    mark = watermark_text(actor.username, now, bundle_id)
    find = finder or (face_finder() if redact else None)
    public = key.public_key()
    files: dict[str, bytes] = {PUBLIC_KEY: public_key_pem(public), "README.txt": README.encode()}
    entries: list[dict[str, Any]] = []
    exported: list[EvidenceItem] = []
    with tempfile.TemporaryDirectory(prefix="safecity-export-") as scratch:
        for item in items:
            entry, derivative, data = _export_item(
                session,
                media,
                item,
                actor,
                Path(scratch),
                redact=redact,
                finder=find,
                mark=mark,
                purpose=purpose,
            )
            name = f"media/item-{item.id}{item.suffix}"
            files[name] = data
            entry.update(file=name, sha256=_sha(data), size=len(data))
            entries.append(entry)
            exported += [item] + ([derivative] if derivative is not None else [])
    for item in exported:
        custody.record(
            session,
            item,
            CustodyAction.EXPORTED,
            actor,
            purpose=purpose,
            case_ref=case_ref,
            details={"bundle_id": bundle_id, "redacted": redact},
        )
    session.flush()
    for item in exported:
        chain = [custody.entry_to_dict(e) for e in custody.chain(session, item.id)]
        files[f"custody/item-{item.id}.json"] = json.dumps(chain, indent=1).encode()
    for entry, item in zip(entries, items, strict=True):
        entry.update(custody_file=f"custody/item-{item.id}.json", custody_head=item.custody_head)
        if entry.get("derivative_item_id") is not None:
            derivative_id = entry["derivative_item_id"]
            entry["derivative_custody_file"] = f"custody/item-{derivative_id}.json"
    manifest = {
        "format": FORMAT,
        "bundle_id": bundle_id,
        "created_at": _iso(now),
        "exported_by": actor.username,
        "exported_by_role": actor.role,
        "purpose": purpose,
        "case_ref": case_ref,
        "redacted": redact,
        "watermark": mark,
        "signature_algorithm": "Ed25519",
        "public_key_fingerprint": fingerprint(public),
        "items": entries,
        "files": {name: _sha(data) for name, data in sorted(files.items())},
    }
    manifest_bytes = json.dumps(manifest, indent=1, sort_keys=True).encode()
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, key.sign(manifest_bytes).hex() + "\n")
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    digest = _sha(destination.read_bytes())
    return ExportResult(bundle_id, destination, digest, manifest["public_key_fingerprint"], manifest)


def _export_item(
    session: Session,
    media: MediaStore,
    item: EvidenceItem,
    actor: Actor,
    scratch: Path,
    *,
    redact: bool,
    finder: RegionFinder | None,
    mark: str,
    purpose: str,
) -> tuple[dict[str, Any], EvidenceItem | None, bytes]:
    """The manifest entry, the redacted derivative (if one was made) and the bytes that go in the bundle."""
    source = media.path(item.sha256)
    kind = media_type(item.suffix)
    entry: dict[str, Any] = {
        "item_id": item.id,
        "kind": item.kind,
        "case_id": item.case_id,
        "case_reference": vault.case_reference(session, item),
        "camera_id": item.camera_id,
        "start": _iso(item.start),
        "end": _iso(item.end),
        "collected_by": item.collected_by,
        "collected_at": _iso(item.collected_at),
        "description": item.description,
        "filename": item.filename,
        "original_sha256": item.sha256,
        "original_size": item.size,
        "derivation": item.derivation,
        "redacted": False,
        "watermarked": kind in {"image", "video"},
        "derivative_item_id": None,
    }
    derivative: EvidenceItem | None = None
    if redact and kind in {"image", "video"} and finder is not None:
        derivative = _redacted_derivative(session, media, item, actor, scratch, finder, purpose)
        source = media.path(derivative.sha256)
        entry.update(redacted=True, derivative_item_id=derivative.id, redacted_sha256=derivative.sha256)
    if kind == "image":
        return entry, derivative, encode_image(burn_watermark(read_image(source), mark), item.suffix)
    if kind == "video":
        out = scratch / f"watermarked-{item.id}.mp4"
        rewrite_video(source, out, lambda frames: [burn_watermark(f, mark) for f in frames])
        return entry, derivative, out.read_bytes()
    return entry, derivative, source.read_bytes()


def redact_item(
    session: Session,
    media: MediaStore,
    item: EvidenceItem,
    actor: Actor,
    *,
    finder: RegionFinder | None = None,
    plates: RegionFinder | None = None,
    regions: Sequence[Sequence[int]] = (),
    purpose: str = "",
) -> EvidenceItem:
    """Make (and keep) a redacted derivative of an image or video item; the original stays.

    Faces `finder` detects are blurred, and plates `plates` detects when given, and the drawn `regions`
    (`[x1, y1, x2, y2]` image pixels; in every frame of a video). A region that is empty, inverted or
    outside the picture is an `InvalidEvidenceInputError` on `regions`, before anything is written.
    """
    kind = media_type(item.suffix)
    if kind not in {"image", "video"}:
        raise InvalidEvidenceInputError(
            "item_id",
            f"item {item.id} ({item.suffix or 'no suffix'}) is not an image or video",
            location="path",
        )
    if item.status == ITEM_PURGED:
        raise InvalidEvidenceInputError("item_id", f"item {item.id} was purged by retention", location="path")
    with tempfile.TemporaryDirectory(prefix="safecity-redact-") as scratch:
        return _redacted_derivative(
            session,
            media,
            item,
            actor,
            Path(scratch),
            finder or face_finder(),
            purpose,
            plates=plates,
            regions=regions,
        )


def _redacted_derivative(
    session: Session,
    media: MediaStore,
    item: EvidenceItem,
    actor: Actor,
    scratch: Path,
    finder: RegionFinder,
    purpose: str,
    *,
    plates: RegionFinder | None = None,
    regions: Sequence[Sequence[int]] = (),
) -> EvidenceItem:
    source = media.path(item.sha256)
    details: dict[str, Any]
    if media_type(item.suffix) == "image":
        result = redact_image(read_image(source), finder, plates=plates, regions=regions)
        ref = media.put_bytes(encode_image(result.image, item.suffix), item.suffix)
        details = {
            "regions": [list(box) for box in result.boxes],
            "face_regions": [list(box) for box in result.faces],
            "plate_regions": [list(box) for box in result.plates],
            "drawn_regions": [list(box) for box in result.drawn],
            "plates_detected": plates is not None,
        }
        blurred = _blurred_words(len(result.drawn), plates is not None)
    else:
        width, height = video_size(source)
        drawn = check_regions(regions, width, height)
        out = scratch / f"redacted-{item.id}.mp4"
        video = redact_video(source, out, finder, plates=plates, regions=drawn)
        ref = media.put_file(out, ".mp4")
        details = {
            "frames": video.frames,
            "regions": video.regions,
            "face_regions": video.faces,
            "plate_regions": video.plates,
            "drawn_regions": [list(box) for box in drawn],
            "plates_detected": plates is not None,
        }
        blurred = _blurred_words(len(drawn), plates is not None)
    metadata = vault.ItemMetadata(
        kind=item.kind,
        case_id=item.case_id,
        camera_id=item.camera_id,
        start=item.start,
        end=item.end,
        filename=f"redacted-{item.filename}" if item.filename else "",
        description=f"{blurred} redacted from item {item.id}",
    )
    derivative = vault.add_item(
        session,
        media,
        ref.sha256,
        metadata,
        actor,
        purpose=purpose,
        original=item,
        derivation="redacted",
        details={"original_sha256": item.sha256, **details},
    )
    custody.record(
        session,
        item,
        CustodyAction.REDACTED,
        actor,
        purpose=purpose,
        details={"derivative_item_id": derivative.id, "derivative_sha256": ref.sha256, **details},
    )
    return derivative


def _blurred_words(drawn: int, plates: bool) -> str:
    """ "faces", "faces and plates", "faces, plates and 2 drawn regions"."""
    parts = ["faces"] + (["plates"] if plates else []) + ([f"{drawn} drawn region(s)"] if drawn else [])
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


# Verification ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class BundleReport:
    problems: list[str] = field(default_factory=list)
    fingerprint: str | None = None
    bundle_id: str | None = None
    items: int = 0
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_bundle(path: Path, *, pinned_fingerprint: str | None = None) -> BundleReport:
    """Check a bundle offline: signature, key fingerprint, every file's hash, custody chains, no extras."""
    report = BundleReport()
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        report.problems.append(f"{path}: not a readable ZIP file ({exc})")
        return report
    with archive:
        contents: dict[str, bytes] = {}
        for info in archive.infolist():
            try:
                contents[info.filename] = archive.read(info)
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                report.problems.append(f"{info.filename}: altered (cannot be read back: {exc})")
    for required in (MANIFEST, SIGNATURE, PUBLIC_KEY):
        if required not in contents:
            report.problems.append(f"{required}: missing from the bundle")
    if report.problems and MANIFEST not in contents:
        return report
    manifest_bytes = contents.get(MANIFEST, b"")
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
        report.problems.append(f"{MANIFEST}: not valid JSON (altered)")
        return report
    report.bundle_id = manifest.get("bundle_id")
    _check_signature(contents, manifest, manifest_bytes, pinned_fingerprint, report)
    listed: dict[str, str] = manifest.get("files") or {}
    for name, expected in sorted(listed.items()):
        if name not in contents:
            report.problems.append(f"{name}: listed in the manifest but missing from the bundle")
        elif _sha(contents[name]) != expected:
            report.problems.append(f"{name}: altered (sha256 differs from the manifest)")
        report.files += 1
    for name in sorted(set(contents) - set(listed) - {MANIFEST, SIGNATURE}):
        report.problems.append(f"{name}: not listed in the manifest (added)")
    for entry in manifest.get("items") or []:
        report.items += 1
        _check_item(entry, contents, listed, report)
    return report


def _check_signature(
    contents: dict[str, bytes],
    manifest: dict[str, Any],
    manifest_bytes: bytes,
    pinned: str | None,
    report: BundleReport,
) -> None:
    try:
        public = load_public_key(contents.get(PUBLIC_KEY, b""))
    except Exception as exc:
        report.problems.append(f"{PUBLIC_KEY}: unusable ({exc})")
        return
    report.fingerprint = fingerprint(public)
    if manifest.get("public_key_fingerprint") != report.fingerprint:
        report.problems.append(f"{PUBLIC_KEY}: its fingerprint differs from the one in the manifest")
    if pinned and pinned.strip() != report.fingerprint:
        report.problems.append(
            f"{PUBLIC_KEY}: fingerprint {report.fingerprint} is not the pinned {pinned.strip()}"
        )
    try:
        signature = bytes.fromhex(contents.get(SIGNATURE, b"").decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        report.problems.append(f"{SIGNATURE}: not a hex signature (altered)")
        return
    if not signature_valid(public, signature, manifest_bytes):
        report.problems.append(
            f"{SIGNATURE}: does not match {MANIFEST} (the manifest or the signature was altered)"
        )


def _check_item(
    entry: dict[str, Any], contents: dict[str, bytes], listed: dict[str, str], report: BundleReport
) -> None:
    item_id = entry.get("item_id")
    name = entry.get("file")
    if name not in listed or listed.get(name) != entry.get("sha256"):
        report.problems.append(f"item {item_id}: its file {name} is not listed with the same hash")
    for key, head in (("custody_file", entry.get("custody_head")), ("derivative_custody_file", None)):
        custody_name = entry.get(key)
        if custody_name is None or custody_name not in contents:
            if custody_name is not None or key == "custody_file":
                report.problems.append(f"item {item_id}: custody file {custody_name} missing")
            continue
        try:
            chain = json.loads(contents[custody_name])
        except ValueError:
            report.problems.append(f"{custody_name}: not valid JSON (altered)")
            continue
        owner = item_id if key == "custody_file" else entry.get("derivative_item_id")
        for problem in custody.chain_problems(chain, int(owner or 0), head=head):
            report.problems.append(f"{custody_name}: {problem}")
