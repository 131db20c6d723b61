"""The `challan:` section of safecity.yaml."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from pydantic import Field
from pydantic import model_validator


class SectionSettings(BaseModel):
    """Section (average-speed) control between two ANPR cameras a known road distance apart."""

    name: str = Field(min_length=1, max_length=100)
    entry_camera: str = Field(min_length=1)
    exit_camera: str = Field(min_length=1)
    distance_m: float = Field(gt=0, description="Road distance between the two cameras in metres.")
    limit_kmh: float = Field(gt=0)
    tolerance_kmh: float = Field(0, ge=0, description="Only average speeds above limit + tolerance count.")
    max_minutes: float = Field(30, gt=0, description="Reads further apart than this are never paired.")

    @model_validator(mode="after")
    def _two_cameras(self) -> SectionSettings:
        if self.entry_camera == self.exit_camera:
            raise ValueError(f"section {self.name!r}: entry and exit camera must differ")
        return self


class ClassifierSettings(BaseModel):
    """A helmet / seat-belt check: an ONNX image classifier run on the vehicle crop of ended tracks."""

    check: str = Field(pattern=r"^(no_helmet|no_seat_belt)$", description="The violation it detects.")
    model: Path
    classes: list[str] = Field(min_length=1, description="Object classes it applies to, e.g. [motorcycle].")
    labels: list[str] = Field(min_length=2, description="The model's output labels, in order.")
    violation_label: str = Field(description="The label that means a violation, e.g. no_helmet.")
    threshold: float = Field(0.8, gt=0, le=1)
    input_size: tuple[int, int] = Field((64, 64), description="Width, height the model expects.")

    @model_validator(mode="after")
    def _label_known(self) -> ClassifierSettings:
        if self.violation_label not in self.labels:
            raise ValueError(f"violation_label {self.violation_label!r} is not one of labels {self.labels}")
        return self


class ChallanSettings(BaseModel):
    fine_schedule: Path | None = Field(
        None, description="YAML fine schedule per violation and vehicle class (default: the built-in one)."
    )
    due_days: int = Field(10, ge=1, le=365, description="Days from issue until a ticket is due.")
    dedup_window_seconds: float = Field(
        300, ge=0, description="The same plate, violation and camera within this window is one violation."
    )
    plate_attach_seconds: float = Field(
        30, gt=0, description="A plate read of the same camera and track this close in time is attached."
    )
    section_match_budget: float = Field(
        0.0, ge=0, le=1, description="plates_match edit budget for pairing section reads (0 = exact)."
    )
    section_min_confidence: float = Field(0.6, ge=0, le=1, description="Weaker reads are never paired.")
    webhook_secret: str | None = Field(
        None,
        repr=False,
        description="Shared HMAC secret of the payment webhook; without it the webhook is off.",
    )
    public_base_url: str = Field(
        "http://127.0.0.1:8080", description="Base URL printed in ticket QR codes (the verification page)."
    )
    lookup_per_minute: int = Field(10, ge=1, description="Public lookups per client address and per plate.")
    sections: list[SectionSettings] = Field(default_factory=list)
    classifiers: list[ClassifierSettings] = Field(default_factory=list)
    clip_enabled: bool = Field(
        True, description="Attach a clip cut from the camera's recordings to every automatic violation."
    )
    clip_before_seconds: float = Field(5, ge=0, le=120, description="Clip start before the violation.")
    clip_after_seconds: float = Field(5, ge=0, le=120, description="Clip end after the violation.")
    clip_wait_seconds: float = Field(
        120,
        gt=0,
        le=24 * 3600,
        description="How long after the violation to wait for its recording before giving up (unavailable).",
    )
    clip_retry_seconds: float = Field(10, gt=0, le=3600, description="How often pending clips are retried.")
    clip_batch: int = Field(20, ge=1, le=1000, description="Pending clips tried per round (bounded work).")
    recordings_dir: Path | None = Field(
        None, description="The camera workers' recordings (default: data_dir/recordings, where they record)."
    )

    @model_validator(mode="after")
    def _clip_window(self) -> ChallanSettings:
        if self.clip_enabled and self.clip_before_seconds + self.clip_after_seconds <= 0:
            raise ValueError("clip_before_seconds + clip_after_seconds must be positive when clips are on")
        return self
