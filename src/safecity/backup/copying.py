"""Copy one file into a backup and prove the copy by its sha256."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from safecity.core.media import CHUNK
from safecity.core.media import hash_file


@dataclass(frozen=True, slots=True)
class CopiedFile:
    sha256: str  # of the bytes read from the source, which the copy was checked against
    size: int


class CopyMismatchError(Exception):
    """The copy's sha256 differs from the source's: it was not kept."""


def copy_verified(source: Path, target: Path) -> CopiedFile:
    """Copy `source` to `target` through a temporary name, hashing while reading and re-reading the copy.

    The target only gets its final name once its bytes, read back after an fsync, hash to what was read
    from the source, so a file under its final name in a backup is always a whole, verified copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.copying")
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open("rb") as reader, partial.open("wb") as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
                size += len(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        copied = hash_file(partial)
        if copied != digest.hexdigest():
            raise CopyMismatchError(f"copy of {source} hashes to {copied}, not {digest.hexdigest()}")
        shutil.copystat(source, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return CopiedFile(digest.hexdigest(), size)
