"""Cells chosen by the caller: a CSV of `id,latitude,longitude` cell centres."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

from safecity.crime.cells import Cells
from safecity.crime.cells import cells_from_degrees
from safecity.crime.csv_source import CrimeCsvError
from safecity.crime.csv_source import decode
from safecity.crime.events import LocalPlane


def read_cells_csv(path: Path, plane: LocalPlane | None, default_side_m: float) -> Cells:
    """The cells, on `plane` (or around their own median when None). Any bad row makes the file unusable:
    a forecast with a missing cell would be silently wrong."""
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise CrimeCsvError(f"cannot read cells file {path}: {exc.strerror or exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in ("id", "latitude", "longitude") if name not in (reader.fieldnames or [])]
    if missing:
        raise CrimeCsvError(
            f"cells file {path} lacks column(s) {', '.join(missing)}; expected id,latitude,longitude"
        )
    ids: list[str] = []
    lats: list[float] = []
    lons: list[float] = []
    for line, row in enumerate(reader, start=2):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError):
            raise CrimeCsvError(
                f"cells file {path} line {line}: latitude/longitude are not numbers"
            ) from None
        if not (abs(lat) <= 90 and abs(lon) <= 180):
            raise CrimeCsvError(f"cells file {path} line {line}: coordinates out of range")
        ids.append(row["id"])
        lats.append(lat)
        lons.append(lon)
    lat_array, lon_array = np.array(lats), np.array(lons)
    if plane is None:
        plane = (
            LocalPlane(float(np.median(lat_array)), float(np.median(lon_array))) if lats else LocalPlane(0, 0)
        )
    return cells_from_degrees(ids, lat_array, lon_array, plane, default_side_m)
