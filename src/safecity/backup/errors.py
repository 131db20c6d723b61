"""What a backup, a restore or a verification found."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path


class BackupError(Exception):
    """The backup or restore cannot go on; the message names what is wrong."""


@dataclass(slots=True)
class BackupReport:
    destination: Path
    method: str
    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    recordings_copied: int = 0
    recordings_bytes_copied: int = 0
    recordings_already_there: int = 0
    media_copied: int = 0
