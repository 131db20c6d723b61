"""The `retention:` section of safecity.yaml."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from pydantic import Field


class RetentionSettings(BaseModel):
    """How long each data class is kept (days). Open cases and legal holds are never deleted."""

    recordings_days: float = Field(30, gt=0, description="Continuous recordings.")
    recordings_quota_gb: float | None = Field(
        None,
        gt=0,
        description="Disk for recordings (GiB, per worker): beyond it the oldest unheld segments go first.",
    )
    recordings_alert_percent: float = Field(
        90, gt=0, le=100, description="Raise a `system` alert when recordings fill this much of the quota."
    )
    events_days: float = Field(90, gt=0)
    face_crops_days: float = Field(30, gt=0, description="Face sightings and their crops.")
    plate_reads_days: float = Field(
        90, gt=0, description="Plate reads (ANPR and e-challan); reads a violation names are kept."
    )
    evidence_days: float = Field(365, gt=0, description="Evidence items not in an open case nor held.")
    other_days: dict[str, float] = Field(
        default_factory=dict, description="Days for further data classes, by their registered name."
    )
    recordings_dir: Path | None = Field(None, description="Recorded segments (default: data_dir/recordings).")
    sweep_every_hours: float | None = Field(
        6,
        gt=0,
        description="How often one API node sweeps every class; unset: only `safecity retention sweep`.",
    )

    @property
    def recordings_quota_bytes(self) -> int | None:
        return None if self.recordings_quota_gb is None else int(self.recordings_quota_gb * 1024**3)

    def days_for(self, name: str, default: float) -> float:
        """The configured days of data class `name` (`<name>_days` or `other_days[name]`), else `default`."""
        value = getattr(self, f"{name}_days", None)
        if isinstance(value, int | float):
            return float(value)
        return float(self.other_days.get(name, default))
