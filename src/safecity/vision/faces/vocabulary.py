"""Names the face library's callers choose from (search modes, detector names).

Kept free of NumPy, dlib and OpenCV so that the command line can offer them without loading the models.
"""

from __future__ import annotations

from enum import StrEnum

DETECTOR_NAMES = ("hog", "cnn", "hog+cnn", "yunet")


class SearchMode(StrEnum):
    IDENTIFICATION = "identification"
    """Only candidates at or below the threshold: an empty list means "not in the gallery" (alerting)."""
    INVESTIGATION = "investigation"
    """The k nearest subjects whatever their distance, for a human to review; never alert on these alone."""
