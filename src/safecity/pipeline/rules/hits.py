"""What a rule reports: one hit per event, turned into a `PipelineEvent` by the engine."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import Any

from safecity.pipeline.events import EventType
from safecity.vision.tracking import Track


@dataclass(frozen=True, slots=True)
class RuleHit:
    type: EventType
    rule: str
    track: Track | None
    payload: dict[str, Any] = field(default_factory=dict)
