"""Models the platform knows how to fetch: official release addresses with their sha256 and licence, listed as
data in the packaged `catalog.yaml`."""

from __future__ import annotations

from importlib import resources

import yaml
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field


class ModelSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    kind: str = Field(description="detector, face-detector, ...")
    output_format: str | None = Field(
        None, description="output layout: yolox or yolov8 (detectors), y5fu or lpd-yunet (plate detectors)"
    )
    url: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int | None = None
    filename: str
    licence: str
    description: str = ""


class _Catalog(BaseModel):
    models: list[ModelSpec]


def _load_catalog() -> dict[str, ModelSpec]:
    text = resources.files(__package__).joinpath("catalog.yaml").read_text(encoding="utf-8")
    return {spec.name: spec for spec in _Catalog.model_validate(yaml.safe_load(text)).models}


CATALOG: dict[str, ModelSpec] = _load_catalog()  # the packaged `catalog.yaml`, by name

DEFAULT_DETECTOR = "yolox-nano"
DEFAULT_PLATE_DETECTOR = "y5fu-320"
