"""The hotspot models by name, with the settings docs/analytics.md reports."""

from __future__ import annotations

from safecity.crime.blend import BlendModel
from safecity.crime.kde import RetrospectiveKde
from safecity.crime.models import HotspotModel
from safecity.crime.self_exciting import SelfExcitingModel

MODEL_NAMES = ("self-exciting", "kde", "blend")
DEFAULT_MODEL = "self-exciting"


def model_named(name: str) -> HotspotModel:
    if name == "kde":
        return RetrospectiveKde()
    if name == "self-exciting":
        return SelfExcitingModel()
    if name == "blend":
        return BlendModel()
    raise ValueError(f"unknown model {name!r}; choose one of {', '.join(MODEL_NAMES)}")
