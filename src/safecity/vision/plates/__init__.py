"""Number plates: find and read them (PP-OCRv4), parse Pakistani formats, vote per vehicle, compare reads."""

from safecity.vision.plates.confusion import (
    ConfusionTable,
    confusion_skeleton,
    normalize_plate,
    plate_distance,
    plates_match,
)
from safecity.vision.plates.formats import FormatBook, PlateFormat, PlateFormatError, load_format_book
from safecity.vision.plates.parse import UNKNOWN_FORMAT, ParsedPlate, ParseSettings, parse_plate
from safecity.vision.plates.plate_detector import PlateBox, PlateFinder
from safecity.vision.plates.reader import NothingFound, PlateRead, PlateReader, PlateReaderConfig
from safecity.vision.plates.voting import PlateVoter, VehiclePass

__all__ = [
    "UNKNOWN_FORMAT",
    "ConfusionTable",
    "FormatBook",
    "NothingFound",
    "ParseSettings",
    "ParsedPlate",
    "PlateBox",
    "PlateFinder",
    "PlateFormat",
    "PlateFormatError",
    "PlateRead",
    "PlateReader",
    "PlateReaderConfig",
    "PlateVoter",
    "VehiclePass",
    "confusion_skeleton",
    "load_format_book",
    "normalize_plate",
    "parse_plate",
    "plate_distance",
    "plates_match",
]
