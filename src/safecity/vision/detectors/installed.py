"""Which detector model to run: the registry's installed one (the default model preferred), or why none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safecity.vision.detectors.decoding import OutputFormat
from safecity.vision.detectors.onnx import DetectorOptions
from safecity.vision.models import DEFAULT_DETECTOR
from safecity.vision.models import find_installed


@dataclass(frozen=True, slots=True)
class InstalledDetector:
    name: str
    path: Path
    options: DetectorOptions


def find_installed_detector(models_dir: Path | None) -> tuple[InstalledDetector | None, str]:
    """The installed detector and an empty reason, or None and why (shown as the pipeline's status)."""
    found, reason = find_installed(models_dir, "detector", DEFAULT_DETECTOR, "detector model")
    if found is None:
        return None, reason
    installed, path = found
    output_format = OutputFormat(installed.output_format) if installed.output_format else None
    return InstalledDetector(installed.name, path, DetectorOptions(output_format=output_format)), ""
