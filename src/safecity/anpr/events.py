"""`plate.read`: one voted plate per vehicle pass in front of a camera (crops travel by content hash)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from typing import Any
from typing import Literal

from pydantic import Field
from pydantic import model_validator

from safecity.core.bus import Event
from safecity.core.bus import register_event
from safecity.video.frame import PixelBox
from safecity.vision.plates import VehiclePass
from safecity.vision.plates.keys import PlateKey
from safecity.vision.plates.keys import read_key

_OWN_FIELDS = frozenset(
    {"camera_id", "text", "series", "year", "number", "format", "matched", "confidence", "box"}
    | {"crop_sha256", "snapshot_sha256", "track_id", "direction"}
)


@register_event
class PlateReadEvent(Event):
    """A plate read. `matched` is False when the text fits no known format (kept, but marked).

    Parsing is lenient so an older, untyped `plate.read` (fields in `payload`) still parses; `complete`
    tells whether it carries what storage needs (camera and text).
    """

    type: Literal["plate.read"] = "plate.read"
    text: str = Field("", max_length=32)
    series: str | None = None
    year: str | None = None
    number: str | None = None
    format: str | None = None
    matched: bool = False
    confidence: float = Field(0.0, ge=0.0, le=1.0)
    box: PixelBox | None = None
    crop_sha256: str | None = None
    snapshot_sha256: str | None = None
    track_id: str | None = None
    direction: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _fields_from_payload(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("payload"), dict):
            lifted = {k: v for k, v in data["payload"].items() if k in _OWN_FIELDS and k not in data}
            return {**data, **lifted}
        return data

    @property
    def complete(self) -> bool:
        return bool(self.camera_id and self.text)

    def plate_key(self) -> PlateKey:
        """The keys plates are compared by: from the parsed series and number, else from the text."""
        return read_key(self.text, self.series, self.year, self.number)

    def stored_fields(self) -> dict[str, Any]:
        """The columns every stored copy of the read has (anpr's searchable reads, e-challan's own copy)."""
        return {
            "event_id": str(self.id),
            "camera_id": self.camera_id,
            "track_id": self.track_id,
            "time": self.time,
            "text": self.text,
            "confidence": self.confidence,
            "matched": self.matched,
            "crop_sha256": self.crop_sha256,
            "snapshot_sha256": self.snapshot_sha256,
        }

    @classmethod
    def from_pass(
        cls,
        vehicle_pass: VehiclePass,
        *,
        crop_sha256: str | None = None,
        snapshot_sha256: str | None = None,
        source: str | None = None,
    ) -> PlateReadEvent:
        """The event for a voted pass; `time` is when the best crop was taken."""
        return cls(
            time=datetime.fromtimestamp(vehicle_pass.best_timestamp, tz=UTC),
            camera_id=vehicle_pass.camera_id,
            source=source,
            text=vehicle_pass.text,
            series=vehicle_pass.series,
            year=vehicle_pass.year,
            number=vehicle_pass.number,
            format=vehicle_pass.format,
            matched=vehicle_pass.matched,
            confidence=min(1.0, max(0.0, vehicle_pass.confidence)),
            box=vehicle_pass.best_read.box,
            crop_sha256=crop_sha256,
            snapshot_sha256=snapshot_sha256,
            track_id=str(vehicle_pass.track_id),
            direction=vehicle_pass.direction,
        )
