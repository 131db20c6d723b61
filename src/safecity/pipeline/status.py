"""What the pipeline can currently do, for health pages and logs."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class PipelineMode(StrEnum):
    DETECTOR = "detector"
    MOTION_ONLY = "motion_only"


class PipelineStatus(BaseModel):
    camera_id: str
    mode: PipelineMode
    detector: str | None = None
    message: str
