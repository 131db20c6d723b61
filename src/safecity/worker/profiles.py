"""What a camera's `analytics_profile` switches on in the worker, and which scenes need context frames.

A profile is one or more names joined by `+` (or `,` / spaces), case-insensitive: `default`, `anpr`,
`traffic` (= ANPR too), `faces` (face watchlist matching of people), `motion` (track moving blobs without the
detector model: a lane or gate camera where only vehicles move, or the demo's drawn traffic, which a detector
trained on photographs does not see), `default+anpr`.
Unknown names are ignored, so profiles meant for other analytics
do not break a camera.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity.pipeline.rules.config import SceneConfig

ANPR_PROFILES = frozenset({"anpr", "traffic"})
FACE_PROFILES = frozenset({"faces", "face"})
MOTION_PROFILES = frozenset({"motion"})


@dataclass(frozen=True, slots=True)
class CameraFeatures:
    anpr: bool = False
    faces: bool = False
    motion_only: bool = False


def profile_names(profile: str) -> frozenset[str]:
    return frozenset(name for name in re.split(r"[+,\s]+", profile.lower()) if name)


def features_of(profile: str) -> CameraFeatures:
    names = profile_names(profile)
    return CameraFeatures(
        anpr=bool(names & ANPR_PROFILES),
        faces=bool(names & FACE_PROFILES),
        motion_only=bool(names & MOTION_PROFILES),
    )


def enforces_traffic(scene: SceneConfig) -> bool:
    """Whether the scene can raise a violation e-challan takes (red light, speeding, wrong way, lane)."""
    speed_zones = any(zone.speed_limit_kmh is not None for zone in scene.zones)
    speed = scene.calibration is not None and (scene.calibration.speed_limit_kmh is not None or speed_zones)
    wrong_way = any(line.allowed_direction is not None for line in scene.lines)
    return bool(scene.signals or scene.lanes or scene.solid_lines or speed or wrong_way)
