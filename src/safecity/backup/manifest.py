"""`backup.json`: what a backup holds, and the check of a backup folder against it.

Every file of the backup is an entry: its path inside the backup, size and sha256; a recorded segment's entry
also names its camera and the UTC start and end of its video. `rows` are the table counts of the database
snapshot, counted in that same snapshot. Format 1 (before recordings) listed only `{path: sha256}` and kept
the database and keys at the top of the folder; it is still read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from safecity.backup.errors import BackupError
from safecity.core.media import hash_file

MANIFEST_NAME = "backup.json"
FORMAT = "safecity-backup/2"
_READABLE_FORMATS = ("safecity-backup/1", FORMAT)


@dataclass(frozen=True, slots=True)
class FileEntry:
    sha256: str
    size: int | None = None  # None only in format 1 manifests
    camera: str | None = None  # recordings only
    start: str | None = None  # recordings only: ISO 8601 UTC of the first frame
    end: str | None = None  # recordings only: ISO 8601 UTC just after the last frame

    def as_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass(slots=True)
class DatabaseSnapshotInfo:
    dialect: str
    method: str  # sqlite-online-backup | pg_dump | logical
    revision: str | None
    folder: str  # the snapshot's folder inside the backup ("." in format 1); keys live in its keys/


@dataclass(slots=True)
class Manifest:
    database: DatabaseSnapshotInfo
    rows: dict[str, int]
    files: dict[str, FileEntry]
    created_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())

    def recordings(self) -> dict[str, FileEntry]:
        return {name: entry for name, entry in self.files.items() if name.startswith("recordings/")}

    def write(self, folder: Path) -> None:
        """Replace `backup.json` atomically: a reader sees the previous manifest or this one, never half."""
        document = {
            "format": FORMAT,
            "created_at": self.created_at,
            "database": asdict(self.database),
            "rows": self.rows,
            "files": {name: entry.as_json() for name, entry in sorted(self.files.items())},
        }
        partial = folder / f"{MANIFEST_NAME}.writing"
        with partial.open("w", encoding="utf-8") as out:
            out.write(json.dumps(document, indent=1, sort_keys=True))
            out.flush()
            os.fsync(out.fileno())
        partial.replace(folder / MANIFEST_NAME)


def is_backup(folder: Path) -> bool:
    return (folder / MANIFEST_NAME).is_file()


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(f"{folder} holds no {MANIFEST_NAME}; not a safecity backup")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        kind = document.get("format")
        if kind not in _READABLE_FORMATS:
            raise BackupError(f"{path}: format {kind!r} is not one this version reads ({FORMAT})")
        database = document["database"]
        return Manifest(
            database=DatabaseSnapshotInfo(
                dialect=database["dialect"],
                method=database["method"],
                revision=database.get("revision"),
                folder=database.get("folder", "."),
            ),
            rows={str(table): int(count) for table, count in document["rows"].items()},
            files={name: _entry(value) for name, value in document["files"].items()},
            created_at=document["created_at"],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BackupError(f"{path} is not a readable backup manifest ({exc!r})") from exc


def _entry(value: Any) -> FileEntry:
    if isinstance(value, str):  # format 1
        return FileEntry(sha256=value)
    return FileEntry(**value)


def check_files(folder: Path, manifest: Manifest) -> list[str]:
    """Every file the manifest lists that is missing or altered, named; empty when the backup is whole."""
    problems: list[str] = []
    for name, entry in sorted(manifest.files.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing from the backup")
        elif entry.size is not None and path.stat().st_size != entry.size:
            problems.append(
                f"{name} was altered since the backup (size {path.stat().st_size}, manifest {entry.size})"
            )
        elif hash_file(path) != entry.sha256:
            problems.append(f"{name} was altered since the backup (sha256 differs)")
    return problems
