"""What a video source reports about itself: its connection state and running statistics."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class SourceError(Exception):
    """A source that cannot be opened or decoded (bad path, corrupt file, no video stream, bad URL)."""


class SourceStatus(enum.StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    ENDED = "ended"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class SourceState:
    """A change of connection state; `reason` says why (the error text when going offline)."""

    camera_id: str
    status: SourceStatus
    at: float
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SourceStats:
    """A snapshot of a source's counters. `fps` and `bitrate_bps` are measured over the last few seconds."""

    frames_decoded: int = 0
    frames_skipped: int = 0  # packets a packet gate did not decode (a still scene)
    frames_delivered: int = 0
    frames_dropped: int = 0
    decode_errors: int = 0
    fps: float = 0.0
    bitrate_bps: float = 0.0
    reconnects: int = 0
    connect_attempts: int = 0
    last_error: str | None = None
    width: int = 0
    height: int = 0
    codec: str = ""
    hardware_decode: bool = False
