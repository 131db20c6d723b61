"""The content-addressed media store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safecity.core.media import MediaCorruptedError
from safecity.core.media import MediaError
from safecity.core.media import MediaNotFoundError
from safecity.core.media import MediaStore


def test_bytes_are_stored_under_their_sha256_and_read_back(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    ref = store.put_bytes(b"snapshot", ".jpg")
    assert ref.sha256 == hashlib.sha256(b"snapshot").hexdigest()
    assert store.path(ref.sha256).name == f"{ref.sha256}.jpg"
    assert store.read_bytes(ref.sha256, verify=True) == b"snapshot"


def test_identical_content_is_stored_once(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    first = store.put_bytes(b"same", ".jpg")
    second = store.put_bytes(b"same", ".jpg")
    assert first == second
    assert list(store) == [first.sha256]


def test_no_temporary_file_survives_a_write(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    store.put_bytes(b"x" * 3_000_000)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_changed_byte_is_detected_on_verify(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    ref = store.put_bytes(b"evidence bytes")
    path = store.path(ref.sha256)
    path.write_bytes(b"evidence bytez")
    with pytest.raises(MediaCorruptedError, match=ref.sha256):
        store.verify(ref.sha256)
    with pytest.raises(MediaCorruptedError):
        store.read_bytes(ref.sha256, verify=True)


def test_unknown_and_malformed_hashes_are_refused(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    with pytest.raises(MediaNotFoundError):
        store.path("a" * 64)
    with pytest.raises(MediaError, match="not a sha256"):
        store.path("../../etc/passwd")


def test_files_are_copied_in_with_their_suffix(tmp_path: Path) -> None:
    source = tmp_path / "clip.mp4"
    source.write_bytes(b"\x00\x01clip")
    store = MediaStore(tmp_path / "media")
    ref = store.put_file(source)
    assert ref.suffix == ".mp4"
    assert store.read_bytes(ref.sha256) == b"\x00\x01clip"
