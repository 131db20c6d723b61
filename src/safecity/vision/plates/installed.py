"""Which plate detector the reader uses: the registry's installed one (the default preferred), or why none."""

from __future__ import annotations

from pathlib import Path

from safecity.vision.models import DEFAULT_PLATE_DETECTOR
from safecity.vision.models import find_installed
from safecity.vision.plates.plate_detector import PlateFinder
from safecity.vision.plates.plate_detector import open_plate_detector

PLATE_DETECTOR_KIND = "plate-detector"


def find_installed_plate_detector(
    models_dir: Path | None, threads: int = 1
) -> tuple[PlateFinder | None, str]:
    """The installed plate detector and an empty reason, or None and why (the reader then uses OCR alone)."""
    found, reason = find_installed(models_dir, PLATE_DETECTOR_KIND, DEFAULT_PLATE_DETECTOR, "plate detector")
    if found is None:
        return None, reason
    installed, path = found
    try:
        return open_plate_detector(path, installed.output_format or "y5fu", threads), ""
    except (ValueError, OSError) as error:
        return None, f"plate detector {installed.name} unusable ({error})"
