"""How precisely a data set places its events: records geocoded to a street intersection or a block's
centre share exact coordinates, so two events at "the same point" may be a block apart. A near-repeat
kernel narrower than that snapping cannot be told apart from the data, and EM fitted on such records drives
its spatial scale to whatever floor it has (San Francisco's robberies: σ = 10 m, while 44 % of the events
share their coordinates with another). The resolution found here is that floor's data-derived value.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from safecity.crime.events import FloatArray

#: A data set is treated as snapped when at least this share of its events share exact coordinates.
SNAPPED_SHARE = 0.10
_SAME_POINT_M = 0.1


def snapping_resolution_m(x: FloatArray, y: FloatArray) -> float:
    """Half the median distance between neighbouring distinct locations when the events are snapped to a
    set of reference points (≥ SNAPPED_SHARE of them share exact coordinates), else 0: where each event
    has its own point, the coordinates carry no such limit."""
    if len(x) < 3:
        return 0.0
    points = np.round(np.column_stack([x, y]) / _SAME_POINT_M)
    distinct = np.unique(points, axis=0)
    if len(distinct) < 2 or 1.0 - len(distinct) / len(x) < SNAPPED_SHARE:
        return 0.0
    distances, _ = cKDTree(distinct * _SAME_POINT_M).query(distinct * _SAME_POINT_M, k=2)
    return float(np.median(distances[:, 1]) / 2)
