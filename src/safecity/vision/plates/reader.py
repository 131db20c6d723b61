"""PlateReader: find and read number plates in frames, vehicle crops or plate crops."""

from __future__ import annotations

import threading
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import cv2
import numpy as np

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.plates.formats import FormatBook
from safecity.vision.plates.formats import default_format_book
from safecity.vision.plates.formats import load_format_book
from safecity.vision.plates.glyphs import TextSegment
from safecity.vision.plates.keys import reading_key
from safecity.vision.plates.onnx_models import DETECTOR_FILE
from safecity.vision.plates.onnx_models import RECOGNIZER_FILE
from safecity.vision.plates.onnx_models import open_session
from safecity.vision.plates.onnx_models import shipped_model
from safecity.vision.plates.parse import UNKNOWN_FORMAT
from safecity.vision.plates.parse import ParsedPlate
from safecity.vision.plates.parse import ParseSettings
from safecity.vision.plates.parse import parse_plate
from safecity.vision.plates.plate_detector import PlateBox
from safecity.vision.plates.plate_detector import PlateFinder
from safecity.vision.plates.text_boxes import TextBox
from safecity.vision.plates.text_boxes import bounding_box
from safecity.vision.plates.text_boxes import group_plates
from safecity.vision.plates.text_boxes import group_rows
from safecity.vision.plates.text_boxes import rectify_row
from safecity.vision.plates.text_detector import TextDetector
from safecity.vision.plates.text_recognizer import TextRecognizer


@dataclass(frozen=True, slots=True)
class PlateReaderConfig:
    """How the reader runs.

    `threads`: onnxruntime intra-op threads per model. `frame_long_side`: the text detector sees whole frames
    resized to this long side; `vehicle_long_side` and `crop_long_side` the same for vehicle and plate crops;
    `found_plate_long_side` for the crop of a plate the plate detector found (192: a third of the cost of 320
    and, on the generated scenes, as many or more plates read right; see docs/plates.md).
    `min_confidence`: reads below it are dropped in frames (never in `read_crop`). `formats_path`: a YAML file
    replacing the packaged formats. `min_plate_width`: plates narrower than this (pixels) are too small to
    read and are reported as nothing found. `plate_search_top`: in a vehicle box, plates are searched below
    this share of its height (number plates sit on the bumpers, not the roof). `plate_score`: a plate
    detector candidate below it is weak and its read counts only when it fits a known format;
    `max_plate_candidates` are read per vehicle. `ocr_fallback`: when the detector offers no readable plate
    in a vehicle, OCR text detection searches the vehicle's lower part (costs more, finds plate styles the
    detector misses); a plate the detector found too small to read is not searched again.
    """

    threads: int = 1
    frame_long_side: int = 960
    vehicle_long_side: int = 640
    crop_long_side: int = 480
    found_plate_long_side: int = 192
    min_confidence: float = 0.3
    formats_path: Path | None = None
    parse: ParseSettings = field(default_factory=ParseSettings)
    min_plate_width: int = 60
    plate_search_top: float = 0.3
    plate_score: float = 0.2
    max_plate_candidates: int = 2
    ocr_fallback: bool = True

    def __post_init__(self) -> None:
        if self.threads < 1:
            raise ValueError(f"threads must be >= 1, got {self.threads}")
        if self.min_plate_width < 8:
            raise ValueError(f"min_plate_width must be >= 8 pixels, got {self.min_plate_width}")
        if not 0 <= self.plate_search_top < 1:
            raise ValueError(f"plate_search_top must be in [0, 1), got {self.plate_search_top}")
        for name in ("frame_long_side", "vehicle_long_side", "crop_long_side", "found_plate_long_side"):
            if getattr(self, name) < 64:
                raise ValueError(f"{name} must be >= 64 pixels, got {getattr(self, name)}")


@dataclass(frozen=True, slots=True)
class PlateRead:
    """One plate read. `text` is canonical (LEB-06-5700) when a format matched, else the characters read.

    `box` is (x1, y1, x2, y2) in the image given to the reader. `matched` is False when no known format fits;
    `format` is then "unknown" and `text` the characters as read (a foreign plate is never forced into a
    Pakistani shape).
    """

    text: str
    series: str | None
    year: str | None
    number: str | None
    format: str | None
    confidence: float
    box: PixelBox
    raw_text: str
    matched: bool
    region: str | None = None

    @property
    def key(self) -> str:
        """Series and number without year or separators (LEB5700): the identity used to compare reads."""
        return reading_key(self.series, self.number, self.text)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "series": self.series,
            "year": self.year,
            "number": self.number,
            "format": self.format,
            "region": self.region,
            "confidence": round(self.confidence, 4),
            "box": list(self.box),
            "raw_text": self.raw_text,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class NothingFound:
    """No plate was read, and why (shown to the user instead of a guess)."""

    reason: str


def _validate_image(image: Image, what: str) -> None:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        shape = getattr(image, "shape", None)
        raise ValueError(f"{what} must be a BGR uint8 array (H, W, 3), got {type(image).__name__} {shape}")
    if image.shape[0] < 8 or image.shape[1] < 8:
        raise ValueError(f"{what} is too small to hold a plate: {image.shape[1]}x{image.shape[0]}")


_CONFIDENT = 0.8


def _row_numbers(strips_boxes: list[list[TextBox]]) -> list[int]:
    """Row index of each strip: strips whose vertical extents overlap by half share a row."""
    rows = group_rows([box for boxes in strips_boxes for box in boxes])
    row_of = {id(box): index for index, row in enumerate(rows) for box in row}
    return [row_of[id(boxes[0])] for boxes in strips_boxes]


def _reading_order(boxes: list[TextBox]) -> Callable[[TextBox], tuple[int, float]]:
    rows = group_rows(boxes)
    row_of = {id(box): index for index, row in enumerate(rows) for box in row}
    return lambda box: (row_of[id(box)], box.bounds.x1)


# A plate is wider than the text printed on it (borders, the province band); used to size text-found plates.
_PLATE_PER_TEXT_WIDTH = 1.15
# A plate detector's box is tight: a margin keeps edge characters whole for the text detector.
_PLATE_BOX_MARGIN_X, _PLATE_BOX_MARGIN_Y = 0.12, 0.15


def _with_margin(box: PixelBox) -> PixelBox:
    x1, y1, x2, y2 = box
    dx, dy = round(_PLATE_BOX_MARGIN_X * (x2 - x1)), round(_PLATE_BOX_MARGIN_Y * (y2 - y1))
    return x1 - dx, y1 - dy, x2 + dx, y2 + dy


def _looks_like_plate_read(read: PlateRead) -> bool:
    return read.matched or (2 <= len(read.text) <= 10 and any(char.isdigit() for char in read.text))


def _looks_like_plate(parsed: ParsedPlate) -> bool:
    """Unmatched text is kept when it could be a foreign plate: 2-10 characters with a digit."""
    if parsed.matched:
        return True
    text = parsed.text
    return 2 <= len(text) <= 10 and any(char.isdigit() for char in text)


class PlateReader:
    """Reads plates with the PP-OCRv4 models shipped by rapidocr_onnxruntime (loaded on first use).

    One reader holds one detector and one recogniser session; calls are serialised by a lock, so use
    one reader per worker thread.
    """

    def __init__(self, config: PlateReaderConfig | None = None, plate_detector: PlateFinder | None = None):
        """`plate_detector`: a dedicated plate detector (`installed.find_installed_plate_detector`); without
        one, plates are found by OCR text detection alone (slower, weaker on whole scenes)."""
        self.config = config or PlateReaderConfig()
        self.formats: FormatBook = (
            load_format_book(self.config.formats_path) if self.config.formats_path else default_format_book()
        )
        self._plate_detector = plate_detector
        self._detector: TextDetector | None = None
        self._recognizer: TextRecognizer | None = None
        self._lock = threading.RLock()

    @property
    def detector(self) -> TextDetector:
        with self._lock:
            if self._detector is None:
                self._detector = TextDetector(
                    open_session(shipped_model(DETECTOR_FILE), self.config.threads, paddle_graph=True)
                )
            return self._detector

    @property
    def recognizer(self) -> TextRecognizer:
        with self._lock:
            if self._recognizer is None:
                session = open_session(shipped_model(RECOGNIZER_FILE), self.config.threads, paddle_graph=True)
                self._recognizer = TextRecognizer(session)
            return self._recognizer

    @property
    def plate_detector(self) -> PlateFinder | None:
        return self._plate_detector

    def read_crop(self, crop_bgr: Image) -> PlateRead | None:
        """Read a crop that shows one plate; None when nothing is found. Low-confidence reads are kept."""
        result = self.read_crop_or_reason(crop_bgr)
        return result if isinstance(result, PlateRead) else None

    def read_crop_or_reason(self, crop_bgr: Image) -> PlateRead | NothingFound:
        """Like `read_crop`, with the reason when nothing is read (too narrow, no text, no characters)."""
        _validate_image(crop_bgr, "plate crop")
        height, width = crop_bgr.shape[:2]
        if width < self.config.min_plate_width:
            return NothingFound(
                f"the plate is {width} px wide; plates narrower than {self.config.min_plate_width} px "
                "are too small to read"
            )
        with self._lock:
            boxes = self._detect_in_crop(crop_bgr)
            if not boxes:
                return NothingFound("no text found in the crop")
            parsed = self._read_group(crop_bgr, boxes)
        if not parsed.text:
            return NothingFound("no plate characters found in the crop")
        return self._to_read(parsed, (0, 0, width, height))

    def read(self, image_bgr: Image, vehicle_boxes: Sequence[PixelBox] | None = None) -> list[PlateRead]:
        """Plates in a frame. With `vehicle_boxes` (x1, y1, x2, y2), only in the lower part of those vehicles.

        Inside a vehicle the plate detector (when installed) finds the plate and only plates at least
        `min_plate_width` wide are read; where it finds none, OCR text detection searches the vehicle's lower
        part unless `ocr_fallback` is off (then a vehicle without a plate costs no OCR). Without vehicle boxes
        (a plate crop, a parking gate, a camera with no object detector) the plate detector looks at the
        whole frame and OCR text detection over the whole frame is the fallback. A vehicle box that is
        empty or outside the frame is skipped; boxes in results are in frame pixels.
        """
        _validate_image(image_bgr, "frame")
        with self._lock:
            if vehicle_boxes is None:
                return self._read_scene(image_bgr)
            reads: list[PlateRead] = []
            for (x1, y1, _, _), region in self._crops(image_bgr, self._search_regions(vehicle_boxes)):
                reads.extend(self._read_region(image_bgr, region, x1, y1))
            return reads

    def _search_regions(self, vehicle_boxes: Sequence[PixelBox]) -> list[PixelBox]:
        top = self.config.plate_search_top
        return [(x1, round(y1 + top * (y2 - y1)), x2, y2) for x1, y1, x2, y2 in vehicle_boxes]

    def _read_scene(self, image: Image) -> list[PlateRead]:
        if self._plate_detector is not None:
            reads = self._read_found_plates(image, self._plate_detector.find(image))
            if reads:
                return reads
        boxes = self.detector.detect(image, self._long_side(image, self.config.frame_long_side))
        return self._reads_from_boxes(image, boxes)

    def _read_region(self, image: Image, region: Image, x1: int, y1: int) -> list[PlateRead]:
        """Plates in one vehicle's search region (pixels of `region`, at offset x1, y1 in `image`).

        The plate detector's candidates are read best first; a weak candidate counts only when it reads as
        a known format. When the detector offers nothing readable and `ocr_fallback` is on, OCR text
        detection searches the region (a plate style the detector was not trained on)."""
        if self._plate_detector is not None:
            plates = [plate.shifted(x1, y1) for plate in self._plate_detector.find(region)]
            reads = self._read_found_plates(image, plates)
            if reads or not self.config.ocr_fallback or self._sure_but_too_small(plates):
                return reads
        boxes = self.detector.detect(region, self._long_side(region, self.config.vehicle_long_side))
        return self._reads_from_boxes(image, [box.shifted(x1, y1) for box in boxes])

    def _sure_but_too_small(self, plates: Sequence[PlateBox]) -> bool:
        """The detector's best candidate is a sure plate, but too narrow to read: OCR would only guess."""
        best = plates[0] if plates else None
        return (
            best is not None
            and best.score >= self.config.plate_score
            and best.width < self.config.min_plate_width
        )

    def _read_found_plates(self, image: Image, plates: Sequence[PlateBox]) -> list[PlateRead]:
        """Read the detector's plates wide enough to read, best first, until one fits a known format (one
        vehicle carries one plate); each one's text is found in its own crop."""
        reads: list[PlateRead] = []
        for plate in plates[: self.config.max_plate_candidates]:
            if plate.width < self.config.min_plate_width:
                continue
            for read in self._read_plate_boxes(image, [plate.box]):
                trusted = read.matched or plate.score >= self.config.plate_score
                if trusted and _looks_like_plate_read(read) and read.confidence >= self.config.min_confidence:
                    reads.append(read)
            if any(read.matched for read in reads):
                break
        return reads

    @staticmethod
    def _long_side(image: Image, limit: int) -> int:
        """Never enlarge a frame beyond twice its size; small crops are enlarged up to `limit`."""
        return min(limit, 2 * max(image.shape[:2]))

    @staticmethod
    def _clip(box: PixelBox, image: Image) -> PixelBox | None:
        height, width = image.shape[:2]
        x1, y1, x2, y2 = (round(v) for v in box)
        x1, x2 = max(0, min(x1, width)), max(0, min(x2, width))
        y1, y2 = max(0, min(y1, height)), max(0, min(y2, height))
        if x2 - x1 < 8 or y2 - y1 < 8:
            return None
        return x1, y1, x2, y2

    @classmethod
    def _crops(cls, image: Image, boxes: Sequence[PixelBox]) -> Iterator[tuple[PixelBox, Image]]:
        """Each box clipped to the image, with its pixels; boxes too small once clipped are skipped."""
        for box in boxes:
            clipped = cls._clip(box, image)
            if clipped is not None:
                x1, y1, x2, y2 = clipped
                yield clipped, image[y1:y2, x1:x2]

    def _detect_in_crop(self, crop: Image, long_side: int | None = None) -> list[TextBox]:
        # A margin lets the detector see characters that touch the crop's edge.
        margin = max(4, round(0.06 * max(crop.shape[:2])))
        padded = np.asarray(
            cv2.copyMakeBorder(crop, margin, margin, margin, margin, cv2.BORDER_REPLICATE), dtype=np.uint8
        )
        boxes = self.detector.detect(padded, long_side or self.config.crop_long_side)
        height, width = crop.shape[:2]
        shifted = []
        for box in boxes:
            points = (box.points - np.float32(margin)).astype(np.float32)
            points[:, 0] = points[:, 0].clip(0, width - 1)
            points[:, 1] = points[:, 1].clip(0, height - 1)
            shifted.append(TextBox(points.astype(np.float32), box.score))
        return shifted

    def _read_group(self, image: Image, boxes: list[TextBox]) -> ParsedPlate:
        """Read each row as one strip; when that leaves doubt, also read every box alone; keep the better."""
        by_rows = self._parse_strips(image, group_rows(boxes))
        if (by_rows.matched and by_rows.cost == 0 and by_rows.confidence >= _CONFIDENT) or len(boxes) < 2:
            return by_rows
        by_boxes = self._parse_strips(image, [[box] for box in sorted(boxes, key=_reading_order(boxes))])
        return max(by_rows, by_boxes, key=lambda parsed: (parsed.matched, -parsed.cost, parsed.confidence))

    def _parse_strips(self, image: Image, strips_boxes: list[list[TextBox]]) -> ParsedPlate:
        strips = [rectify_row(image, boxes) for boxes in strips_boxes]
        heights = [float(np.median([box.height for box in boxes])) for boxes in strips_boxes]
        rows = _row_numbers(strips_boxes)
        segments: list[TextSegment] = []
        for row, strip_segments in zip(rows, self.recognizer.recognize(strips, heights), strict=True):
            segments.extend(TextSegment(segment.glyphs, segment.height, row) for segment in strip_segments)
        return parse_plate(segments, self.formats, self.config.parse)

    def _reads_from_boxes(self, image: Image, boxes: list[TextBox]) -> list[PlateRead]:
        reads = []
        for group in group_plates(boxes):
            box = bounding_box(group)
            if (box[2] - box[0]) * _PLATE_PER_TEXT_WIDTH < self.config.min_plate_width:
                continue
            parsed = self._read_group(image, group)
            if parsed.text and _looks_like_plate(parsed) and parsed.confidence >= self.config.min_confidence:
                reads.append(self._to_read(parsed, box))
        return reads

    def _read_plate_boxes(self, image: Image, plate_boxes: Sequence[PixelBox]) -> list[PlateRead]:
        reads = []
        for clipped, crop in self._crops(image, [_with_margin(box) for box in plate_boxes]):
            boxes = self._detect_in_crop(crop, self.config.found_plate_long_side)
            if boxes:
                parsed = self._read_group(crop, boxes)
                if parsed.text:
                    reads.append(self._to_read(parsed, clipped))
        return reads

    @staticmethod
    def _to_read(parsed: ParsedPlate, box: PixelBox) -> PlateRead:
        return PlateRead(
            text=parsed.text,
            series=parsed.series,
            year=parsed.year,
            number=parsed.number,
            format=parsed.format or UNKNOWN_FORMAT,
            confidence=parsed.confidence,
            box=box,
            raw_text=parsed.raw_text,
            matched=parsed.matched,
            region=parsed.region,
        )
