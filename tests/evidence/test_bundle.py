"""Signed export bundles: verified offline; any altered, added or missing file is named; the key is pinned."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from safecity.cli import app
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.signing import fingerprint
from safecity.core.signing import load_or_create_signing_key
from safecity.evidence import custody
from safecity.evidence import vault
from safecity.evidence.bundle import export_bundle
from safecity.evidence.bundle import verify_bundle
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect


def _image() -> bytes:
    image = np.full((120, 200, 3), 90, dtype=np.uint8)
    cv2.circle(image, (100, 40), 20, (0, 200, 0), -1)
    ok, data = cv2.imencode(".png", image)
    assert ok
    return bytes(data.tobytes())


@pytest.fixture
def exported(database: Database, media: MediaStore, tmp_path: Path) -> tuple[Path, str, list[int]]:
    key = load_or_create_signing_key(tmp_path / "data")
    with database.session() as session:
        case = vault.create_case(session, "CASE-7", "Hit and run", INVESTIGATOR)
        image = collect(
            session, media, _image(), suffix=".png", kind="snapshot", case_id=case.id, camera_id="c1"
        )
        document = collect(
            session, media, b"witness statement", suffix=".txt", kind="document", case_id=case.id
        )
        result = export_bundle(
            session,
            media,
            key,
            [image.id, document.id],
            INVESTIGATOR,
            tmp_path / "bundle.zip",
            purpose="court submission",
            case_ref="CASE-7",
        )
        ids = [image.id, document.id]
    return result.path, fingerprint(key.public_key()), ids


def _rewrite(bundle: Path, name: str, change: object) -> None:
    """Rewrite the ZIP with member `name` replaced (bytes) or removed (None); a well-formed ZIP results."""
    with zipfile.ZipFile(bundle) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    if change is None:
        del members[name]
    else:
        assert isinstance(change, bytes)
        members[name] = change
    with zipfile.ZipFile(bundle, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def test_an_untouched_bundle_verifies_with_its_pinned_key(exported: tuple[Path, str, list[int]]) -> None:
    bundle, key_fingerprint, ids = exported
    report = verify_bundle(bundle, pinned_fingerprint=key_fingerprint)
    assert report.ok, report.problems
    assert report.items == 2
    assert report.fingerprint == key_fingerprint
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["exported_by"] == "ivan"
    assert manifest["purpose"] == "court submission"
    assert manifest["watermark"].startswith("EXPORTED BY ivan")
    assert manifest["public_key_fingerprint"] == key_fingerprint
    assert [i["camera_id"] for i in manifest["items"]] == ["c1", None]
    assert {f"custody/item-{i}.json" for i in ids} <= names


def test_exported_image_is_watermarked_and_the_document_is_unchanged(
    exported: tuple[Path, str, list[int]], media: MediaStore
) -> None:
    bundle, _, ids = exported
    with zipfile.ZipFile(bundle) as archive:
        image = cv2.imdecode(
            np.frombuffer(archive.read(f"media/item-{ids[0]}.png"), np.uint8), cv2.IMREAD_COLOR
        )
        document = archive.read(f"media/item-{ids[1]}.txt")
    original = cv2.imdecode(np.frombuffer(_image(), np.uint8), cv2.IMREAD_COLOR)
    assert document == b"witness statement"
    assert np.array_equal(image[:60], original[:60])  # the top is untouched
    assert not np.array_equal(image[-15:], original[-15:])  # the watermark band at the bottom


def test_export_is_recorded_in_each_items_custody(
    exported: tuple[Path, str, list[int]], database: Database
) -> None:
    _, _, ids = exported
    with database.session() as session:
        assert [e.action for e in custody.chain(session, ids[0])] == ["collected", "exported"]


def test_an_altered_media_file_is_named(exported: tuple[Path, str, list[int]]) -> None:
    bundle, _, ids = exported
    name = f"media/item-{ids[1]}.txt"
    _rewrite(bundle, name, b"witness statemenT")
    assert verify_bundle(bundle).problems == [f"{name}: altered (sha256 differs from the manifest)"]


def test_an_altered_custody_file_is_named(exported: tuple[Path, str, list[int]]) -> None:
    bundle, _, ids = exported
    name = f"custody/item-{ids[0]}.json"
    with zipfile.ZipFile(bundle) as archive:
        chain = json.loads(archive.read(name))
    chain[0]["actor"] = "someone-else"
    _rewrite(bundle, name, json.dumps(chain).encode())
    problems = verify_bundle(bundle).problems
    assert f"{name}: altered (sha256 differs from the manifest)" in problems
    assert (
        f"{name}: item {ids[0]} custody entry 1 (collected): contents were altered (hash differs)" in problems
    )


def test_an_altered_manifest_breaks_the_signature(exported: tuple[Path, str, list[int]]) -> None:
    bundle, _, _ = exported
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read("manifest.json")
    _rewrite(bundle, "manifest.json", manifest.replace(b"court submission", b"court submissioN"))
    assert verify_bundle(bundle).problems == [
        "signature.sig: does not match manifest.json (the manifest or the signature was altered)"
    ]


def test_added_and_missing_files_are_named(exported: tuple[Path, str, list[int]]) -> None:
    bundle, _, ids = exported
    _rewrite(bundle, "extra.jpg", b"planted")
    _rewrite(bundle, f"media/item-{ids[1]}.txt", None)
    assert verify_bundle(bundle).problems == [
        f"media/item-{ids[1]}.txt: listed in the manifest but missing from the bundle",
        "extra.jpg: not listed in the manifest (added)",
    ]


def test_a_bundle_signed_by_another_key_fails_the_pin(exported: tuple[Path, str, list[int]]) -> None:
    bundle, _, _ = exported
    pinned = "SHA256:" + "0" * 64
    problems = verify_bundle(bundle, pinned_fingerprint=pinned).problems
    assert problems == [
        f"public_key.pem: fingerprint {verify_bundle(bundle).fingerprint} is not the pinned {pinned}"
    ]


def test_cli_names_a_flipped_byte_inside_the_zip_and_exits_non_zero(
    exported: tuple[Path, str, list[int]],
) -> None:
    bundle, key_fingerprint, ids = exported
    runner = CliRunner()
    ok = runner.invoke(app, ["evidence", "verify-bundle", str(bundle), "--pin", key_fingerprint])
    assert ok.exit_code == 0, ok.output
    assert "intact" in ok.output
    name = f"media/item-{ids[1]}.txt"
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo(name)
    raw = bundle.read_bytes()
    # The local header is 30 bytes plus the name and extra field; the member's (compressed) data follows.
    name_length = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    bundle.write_bytes(_flip(raw, info.header_offset + 30 + name_length + extra_length + 1))
    bad = runner.invoke(app, ["evidence", "verify-bundle", str(bundle)])
    assert bad.exit_code == 1
    assert f"media/item-{ids[1]}.txt" in bad.output


def test_cli_refuses_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evidence", "verify-bundle", str(tmp_path / "nope.zip")])
    assert result.exit_code == 2
    assert "FILE:" in result.output
