"""Rules over tracks: zones (enter, exit, dwell, loitering, crowd), lines (counts, wrong way) and speed."""

from safecity.pipeline.rules.config import CalibrationConfig
from safecity.pipeline.rules.config import Direction
from safecity.pipeline.rules.config import LineConfig
from safecity.pipeline.rules.config import SceneConfig
from safecity.pipeline.rules.config import SceneConfigError
from safecity.pipeline.rules.config import ZoneConfig
from safecity.pipeline.rules.config import load_scene_config
from safecity.pipeline.rules.engine import RuleEngine
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.speed import GroundPlane

__all__ = [
    "CalibrationConfig",
    "Direction",
    "GroundPlane",
    "LineConfig",
    "RuleEngine",
    "RuleHit",
    "SceneConfig",
    "SceneConfigError",
    "ZoneConfig",
    "load_scene_config",
]
