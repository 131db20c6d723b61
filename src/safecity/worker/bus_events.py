"""Pipeline events as bus events: `rule.<type>` (and `track.ended`), the snapshot stored by hash."""

from __future__ import annotations

import logging

from safecity.cameras.live_frames import encode_jpeg
from safecity.core.bus import Event
from safecity.core.media import MediaError
from safecity.core.media import MediaStore
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType

log = logging.getLogger(__name__)


def topic_for(event_type: EventType) -> str:
    return "track.ended" if event_type is EventType.TRACK_ENDED else f"rule.{event_type.value}"


def to_bus_event(emitted: EmittedEvent, media: MediaStore, *, worker: str) -> Event:
    """The bus event for a pipeline event; the picture goes to the media store, the event holds its sha256."""
    event = emitted.event
    payload = {
        "rule": event.rule,
        "track_id": event.track_id,
        "object_class": event.object_class,
        "pipeline_event_id": event.id,
        **event.payload,
    }
    if emitted.snapshot is not None and emitted.snapshot.size:
        try:
            payload["snapshot_sha256"] = media.put_bytes(encode_jpeg(emitted.snapshot), ".jpg").sha256
        except (MediaError, OSError, ValueError) as exc:
            log.error("camera %s: snapshot not stored: %s", event.camera_id, exc)
    return Event(
        type=topic_for(event.type),
        time=event.time,
        camera_id=event.camera_id,
        source=f"worker:{worker}",
        payload=payload,
    )
