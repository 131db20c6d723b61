"""Camera health: the states a camera can be in and the change objects the monitor emits."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class HealthStatus(enum.StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"  # frames arrive and look like a working camera
    OFFLINE = "offline"  # no connection, or no frames
    FROZEN = "frozen"  # frames arrive but never change
    COVERED = "covered"  # dark or uniform: lens covered, sprayed, or pointing at a wall
    DEFOCUSED = "defocused"  # much blurrier than this camera normally is
    SCENE_CHANGED = "scene_changed"  # the view no longer matches: the camera was moved
    CLOSED = "closed"  # no longer watched


# Worst first: when several problems hold at once the camera reports the first.
SEVERITY_ORDER = (
    HealthStatus.OFFLINE,
    HealthStatus.FROZEN,
    HealthStatus.COVERED,
    HealthStatus.DEFOCUSED,
    HealthStatus.SCENE_CHANGED,
)

#: The statuses in which the camera's picture is usable.
HEALTHY = frozenset({HealthStatus.ONLINE})
#: The statuses in which the camera delivers video at all (usable or not).
AVAILABLE = frozenset(
    {
        HealthStatus.ONLINE,
        HealthStatus.FROZEN,
        HealthStatus.COVERED,
        HealthStatus.DEFOCUSED,
        HealthStatus.SCENE_CHANGED,
    }
)


@dataclass(frozen=True, slots=True)
class HealthMetrics:
    fps: float = 0.0
    bitrate_bps: float = 0.0
    brightness: float | None = None
    sharpness: float | None = None
    scene_similarity: float | None = None
    last_frame_at: float | None = None


@dataclass(frozen=True, slots=True)
class HealthChange:
    """The camera's health went from `previous` to `current` at `at` (epoch seconds) because of `reason`."""

    camera_id: str
    previous: HealthStatus | None
    current: HealthStatus
    at: float
    reason: str
    metrics: HealthMetrics
    problems: tuple[HealthStatus, ...] = ()  # every problem that holds, worst first


@dataclass(frozen=True, slots=True)
class HealthThresholds:
    """When a condition must hold for `*_seconds` before it counts; clearing needs `clear_seconds` of good."""

    stall_seconds: float = 10.0  # connected but no frame for this long: offline
    frozen_seconds: float = 10.0
    frozen_max_difference: float = 0.3  # mean grey-level change below which two frames count as identical
    covered_seconds: float = 10.0
    covered_max_brightness: float = 20.0
    covered_max_contrast: float = 8.0
    defocus_seconds: float = 10.0
    defocus_ratio: float = 0.25  # sharpness below this share of the camera's usual sharpness
    defocus_min_sharpness: float = 5.0  # below this it is blurred whatever the camera's history
    scene_seconds: float = 10.0
    scene_min_similarity: float = 0.8
    clear_seconds: float = 3.0
    analysis_interval: float = 0.5  # analyse at most one frame per this many seconds
    baseline_frames: int = 10  # frames that establish the reference view and usual sharpness
