"""Content-addressed media store: snapshots, clips and uploads named by their sha256.

Files live at `<root>/<aa>/<bb>/<sha256><suffix>`. Writes are atomic (temporary file in the same directory,
fsync, rename), so a crash never leaves a half-written file under a valid name. Reads can verify the hash.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20
SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")
SUFFIX_PATTERN = re.compile(r"^(\.[A-Za-z0-9]{1,8})?$")


class MediaError(Exception):
    """Base class of media store errors."""


class MediaNotFoundError(MediaError):
    pass


class MediaCorruptedError(MediaError):
    """The bytes on disk no longer hash to the name they are stored under."""


@dataclass(frozen=True, slots=True)
class MediaRef:
    sha256: str
    size: int
    suffix: str = ""


def _check_sha(sha256: str) -> str:
    if not SHA256_PATTERN.match(sha256):
        raise MediaError(f"not a sha256 hex digest: {sha256!r}")
    return sha256


def _check_suffix(suffix: str) -> str:
    if not SUFFIX_PATTERN.match(suffix):
        raise MediaError(f"invalid file suffix {suffix!r} (expected e.g. '.jpg')")
    return suffix.lower()


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class MediaStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def _directory(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4]

    def path(self, sha256: str) -> Path:
        """Where the file for `sha256` is stored (whatever its suffix)."""
        directory = self._directory(_check_sha(sha256))
        for candidate in directory.glob(f"{sha256}*"):
            if candidate.name.startswith(sha256) and not candidate.name.endswith(".tmp"):
                return candidate
        raise MediaNotFoundError(f"no media with sha256 {sha256}")

    def exists(self, sha256: str) -> bool:
        try:
            self.path(sha256)
        except MediaNotFoundError:
            return False
        return True

    def put_bytes(self, data: bytes, suffix: str = "") -> MediaRef:
        return self.put_stream(io.BytesIO(data), suffix)

    def put_file(self, source: Path, suffix: str | None = None) -> MediaRef:
        with source.open("rb") as handle:
            return self.put_stream(handle, source.suffix if suffix is None else suffix)

    def put_stream(self, stream: BinaryIO, suffix: str = "") -> MediaRef:
        """Store a stream; identical content is stored once."""
        suffix = _check_suffix(suffix)
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        descriptor, temp_name = tempfile.mkstemp(dir=self.root, suffix=".tmp")
        temp_path = Path(temp_name)
        try:
            with os.fdopen(descriptor, "wb") as out:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            if self.exists(sha256):
                temp_path.unlink()
                return MediaRef(sha256, size, self.path(sha256).suffix)
            directory = self._directory(sha256)
            directory.mkdir(parents=True, exist_ok=True)
            os.replace(temp_path, directory / f"{sha256}{suffix}")
            return MediaRef(sha256, size, suffix)
        except BaseException:
            temp_path.unlink(missing_ok=True)
            raise

    def read_bytes(self, sha256: str, *, verify: bool = False) -> bytes:
        data = self.path(sha256).read_bytes()
        if verify and hashlib.sha256(data).hexdigest() != sha256:
            raise MediaCorruptedError(f"media {sha256} does not match its hash")
        return data

    def verify(self, sha256: str) -> None:
        """Re-hash the stored file; raise MediaCorruptedError (MediaNotFoundError) when it does not match."""
        actual = hash_file(self.path(sha256))
        if actual != sha256:
            raise MediaCorruptedError(f"media {sha256} does not match its hash (now {actual})")

    def delete(self, sha256: str) -> bool:
        try:
            self.path(sha256).unlink()
        except MediaNotFoundError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        for path in self.root.glob("??/??/*"):
            name = path.name[:64]
            if SHA256_PATTERN.match(name) and not path.name.endswith(".tmp"):
                yield name

    def check(self) -> None:
        """Health check: the store directory is writable."""
        probe = self.put_bytes(b"safecity media health probe")
        self.verify(probe.sha256)
