"""Recorded segments into a backup, incrementally: only segments the backup does not hold yet are copied.

A finished segment never changes (its name is its start and end), so a segment the previous manifest lists,
whose file in the backup still has the listed size, is already backed up; `safecity backup verify` re-hashes
everything. Segments being written (`*.partial.mp4`) are left for the next run. Segments the source has since
deleted (retention) stay in the backup: a backup is where footage outlives the server's disk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from safecity.backup.copying import CopyMismatchError
from safecity.backup.copying import copy_verified
from safecity.backup.manifest import FileEntry
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import Segment

RECORDINGS_PREFIX = "recordings/"


@dataclass(slots=True)
class RecordingsCopy:
    entries: dict[str, FileEntry] = field(default_factory=dict)  # every segment the backup now holds
    copied: int = 0
    bytes_copied: int = 0
    already_there: int = 0
    problems: list[str] = field(default_factory=list)


def backup_recordings(
    root: Path, destination: Path, previous: dict[str, FileEntry], *, copy_new: bool
) -> RecordingsCopy:
    """Bring the backup's recordings up to date with `root`; with `copy_new` False only keep the old ones."""
    result = RecordingsCopy()
    damaged: list[str] = []
    for name, entry in previous.items():
        if _still_there(destination / name, entry):
            result.entries[name] = entry
        else:
            damaged.append(name)
    if copy_new:
        for segment in RecordingsOnDisk(root).segments():
            _back_up_segment(segment, root, destination, result)
    result.problems.extend(
        f"{name}: listed by the previous backup but missing or changed in it, and no longer at the source"
        for name in damaged
        if name not in result.entries
    )
    return result


def _back_up_segment(segment: Segment, root: Path, destination: Path, result: RecordingsCopy) -> None:
    name = RECORDINGS_PREFIX + segment.path.relative_to(root).as_posix()
    if name in result.entries:
        result.already_there += 1
        return
    try:
        copied = copy_verified(segment.path, destination / name)
    except FileNotFoundError:
        return  # deleted by retention since it was listed
    except CopyMismatchError as exc:
        result.problems.append(f"{name}: {exc}; not backed up")
        return
    result.entries[name] = FileEntry(
        sha256=copied.sha256,
        size=copied.size,
        camera=segment.camera_id,
        start=_iso(segment.start),
        end=_iso(segment.end),
    )
    result.copied += 1
    result.bytes_copied += copied.size


def restored_recording_path(recordings_root: Path, name: str) -> Path:
    return recordings_root / name.removeprefix(RECORDINGS_PREFIX)


def _still_there(path: Path, entry: FileEntry) -> bool:
    return path.is_file() and (entry.size is None or path.stat().st_size == entry.size)


def _iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="milliseconds")
