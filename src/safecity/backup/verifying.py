"""`safecity backup verify DEST`: is every file the manifest lists there, with its size and sha256?

For a SQLite snapshot whose file is intact it also recounts the copy's tables against the manifest's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from safecity.backup.database import SQLITE_FILE
from safecity.backup.database import sqlite_row_counts
from safecity.backup.manifest import check_files
from safecity.backup.manifest import read_manifest
from safecity.backup.recordings import RECORDINGS_PREFIX


@dataclass(slots=True)
class VerifyReport:
    method: str
    created_at: str
    files: int = 0
    recordings: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def verify_backup(folder: Path) -> VerifyReport:
    manifest = read_manifest(folder)
    report = VerifyReport(
        manifest.database.method,
        manifest.created_at,
        files=len(manifest.files),
        recordings=sum(name.startswith(RECORDINGS_PREFIX) for name in manifest.files),
        rows=manifest.rows,
    )
    report.problems = check_files(folder, manifest)
    snapshot_file = f"{manifest.database.folder}/{SQLITE_FILE}".removeprefix("./")
    if manifest.database.method == "sqlite-online-backup" and not any(
        problem.startswith(snapshot_file) for problem in report.problems
    ):
        counted = sqlite_row_counts(folder / snapshot_file)
        report.problems.extend(
            f"table {table}: the snapshot holds {counted.get(table)} rows, the manifest says {count}"
            for table, count in sorted(manifest.rows.items())
            if counted.get(table) != count
        )
    return report
