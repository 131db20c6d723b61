"""Number plates: find and read them (PP-OCRv4), parse Pakistani formats, vote per vehicle, compare reads."""

from safecity.vision.plates.confusion import ConfusionTable
from safecity.vision.plates.confusion import confusion_skeleton
from safecity.vision.plates.confusion import normalize_plate
from safecity.vision.plates.confusion import plate_distance
from safecity.vision.plates.confusion import plates_match
from safecity.vision.plates.formats import FormatBook
from safecity.vision.plates.formats import PlateFormat
from safecity.vision.plates.formats import PlateFormatError
from safecity.vision.plates.formats import load_format_book
from safecity.vision.plates.parse import UNKNOWN_FORMAT
from safecity.vision.plates.parse import ParsedPlate
from safecity.vision.plates.parse import ParseSettings
from safecity.vision.plates.parse import parse_plate
from safecity.vision.plates.plate_detector import PlateBox
from safecity.vision.plates.plate_detector import PlateFinder
from safecity.vision.plates.reader import NothingFound
from safecity.vision.plates.reader import PlateRead
from safecity.vision.plates.reader import PlateReader
from safecity.vision.plates.reader import PlateReaderConfig
from safecity.vision.plates.voting import PlateVoter
from safecity.vision.plates.voting import VehiclePass

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
