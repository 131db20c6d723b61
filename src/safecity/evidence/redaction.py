"""Redaction: blur faces, number plates and hand-drawn regions in images and video clips before they leave
the vault.

Faces come from `safecity.vision.faces` detectors: YuNet when its model file is in the models folder (fast,
finds small and turned faces), else dlib HOG with the CNN as fallback (thorough, about 1 s a frame on CPU).
Plates, on request, come from the ANPR reader (`safecity.vision.plates.PlateReader`: PP-OCRv4 text detection,
kept when the text reads like a plate). Regions an investigator draws are blurred as given, in every frame of
a video (a fixed camera). Each box is pixelated then blurred, which leaves no usable identity; pixels outside
the boxes are not touched. In video, the detectors run on every `detect_every`-th frame and each frame is
covered by the boxes found on both sides of it (and for two more runs after a face or plate is lost), so a
face stays masked while it moves or the detector blinks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from safecity.evidence.errors import InvalidEvidenceInputError
from safecity.evidence.mediafiles import rewrite_video
from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.faces import FaceDetector
from safecity.vision.faces import create_detector

if TYPE_CHECKING:
    from safecity.vision.plates import PlateReader

#: Finds the regions to hide in one frame (faces, plates).
RegionFinder = Callable[[Image], list[PixelBox]]

MARGIN = 0.3  # widen each face box by this share of its size on every side
PLATE_MARGIN = 0.15  # widen each plate's text box by this share of its size (the plate's rim, its frame)
YUNET_FILE = "face_detection_yunet_2023mar.onnx"
KEEP_RUNS = 2  # a face the detector loses is still masked at its last place for this many runs of frames
MAX_REGIONS = 100  # drawn regions one request may carry
MIN_BLOCKS_SIDE = 4  # a box thinner than this is filled with its mean colour instead of pixelated


def redaction_detector(models_dir: Path | None = None) -> FaceDetector:
    """YuNet from `models_dir` when present, else dlib HOG + CNN (HOG alone misses large turned faces)."""
    if models_dir is not None and (models_dir / YUNET_FILE).is_file():
        return create_detector("yunet", model_path=models_dir / YUNET_FILE)
    return create_detector("hog+cnn")


@dataclass(frozen=True, slots=True)
class RedactionResult:
    frames: int
    regions: int  # detected boxes blurred (faces and plates), summed over the frames that ran the detectors
    faces: int = 0  # of which faces
    plates: int = 0  # of which plates


@dataclass(frozen=True, slots=True)
class ImageRedaction:
    """A redacted image and what was blurred in it, by source."""

    image: Image
    faces: list[PixelBox]
    plates: list[PixelBox]
    drawn: list[PixelBox]

    @property
    def boxes(self) -> list[PixelBox]:
        return [*self.faces, *self.plates, *self.drawn]


def _widen(box: PixelBox, dx: float, dy: float, width: int, height: int) -> PixelBox:
    x1, y1, x2, y2 = box
    return (
        max(0, int(x1 - dx)),
        max(0, int(y1 - dy)),
        min(width, int(x2 + dx + 1)),
        min(height, int(y2 + dy + 1)),
    )


def face_finder(detector: FaceDetector | None = None, *, margin: float = MARGIN) -> RegionFinder:
    detector = detector or redaction_detector()

    def find(image: Image) -> list[PixelBox]:
        height, width = image.shape[:2]
        boxes = []
        for detection in detector.detect(image):
            box = detection.box
            dx, dy = box.width * margin, box.height * margin
            x1, y1 = max(0, int(box.x1 - dx)), max(0, int(box.y1 - dy * 1.5))
            x2, y2 = min(width, int(box.x2 + dx + 1)), min(height, int(box.y2 + dy + 1))
            if x2 > x1 and y2 > y1:
                boxes.append((x1, y1, x2, y2))
        return boxes

    return find


@functools.cache
def shared_plate_reader() -> PlateReader:
    """One ANPR reader for redaction in this process (its models load once; calls are serialised)."""
    # onnxruntime and the OCR models are loaded only when plates are asked for.
    from safecity.vision.plates import PlateReader

    return PlateReader()


def plate_finder(reader: PlateReader | None = None, *, margin: float = PLATE_MARGIN) -> RegionFinder:
    """Number plates the ANPR reader finds in the whole frame, each box widened by `margin`."""

    def find(image: Image) -> list[PixelBox]:
        height, width = image.shape[:2]
        if height < 8 or width < 8:
            return []
        boxes = []
        for read in (reader or shared_plate_reader()).read(image):
            x1, y1, x2, y2 = read.box
            box = _widen(read.box, (x2 - x1) * margin, (y2 - y1) * margin * 2, width, height)
            if box[2] > box[0] and box[3] > box[1]:
                boxes.append(box)
        return boxes

    return find


def region_problem(box: Sequence[int]) -> str | None:
    """Why a drawn box `[x1, y1, x2, y2]` is unusable whatever the image (None when it is fine)."""
    x1, y1, x2, y2 = box
    if min(x1, y1) < 0:
        return "has a negative coordinate (image pixels start at 0)"
    if x2 <= x1 or y2 <= y1:
        return "is empty or inverted (needs x1 < x2 and y1 < y2)"
    return None


def check_regions(regions: Sequence[Sequence[int]], width: int, height: int) -> list[PixelBox]:
    """The drawn boxes as `PixelBox`es; `InvalidEvidenceInputError("regions")` naming the first bad one."""
    if len(regions) > MAX_REGIONS:
        raise InvalidEvidenceInputError("regions", f"at most {MAX_REGIONS} regions, got {len(regions)}")
    boxes = []
    for number, box in enumerate(regions, start=1):
        if len(box) != 4:
            raise InvalidEvidenceInputError("regions", f"region {number} needs 4 numbers [x1, y1, x2, y2]")
        x1, y1, x2, y2 = (int(v) for v in box)
        problem = region_problem((x1, y1, x2, y2))
        if problem is None and (x2 > width or y2 > height):
            problem = f"reaches outside the {width}×{height} image"
        if problem is not None:
            raise InvalidEvidenceInputError("regions", f"region {number} {[x1, y1, x2, y2]} {problem}")
        boxes.append((x1, y1, x2, y2))
    return boxes


def obscure(image: Image, boxes: Sequence[PixelBox]) -> Image:
    """A copy with each box pixelated (square blocks, about 6 along its longer side) and blurred.

    A box too thin for blocks is filled with its mean colour. Nothing outside the boxes changes.
    """
    out = image.copy()
    height, width = out.shape[:2]
    for bx1, by1, bx2, by2 in boxes:
        x1, y1, x2, y2 = max(0, bx1), max(0, by1), min(width, bx2), min(height, by2)
        region = out[y1:y2, x1:x2]
        h, w = region.shape[:2]
        if h < 1 or w < 1:
            continue
        block = max(2, max(w, h) // 6)
        cols, rows = max(1, round(w / block)), max(1, round(h / block))
        if min(w, h) < MIN_BLOCKS_SIDE or cols * rows == 1:
            out[y1:y2, x1:x2] = region.reshape(-1, region.shape[2]).mean(axis=0).round().astype(np.uint8)
            continue
        small = cv2.resize(region, (cols, rows), interpolation=cv2.INTER_AREA)
        blocky = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
        kernel = max(3, (min(w, h) // 4) | 1)
        out[y1:y2, x1:x2] = cv2.GaussianBlur(blocky, (kernel, kernel), 0)
    return out


def redact_image(
    image: Image,
    finder: RegionFinder | None = None,
    *,
    plates: RegionFinder | None = None,
    regions: Sequence[Sequence[int]] = (),
) -> ImageRedaction:
    """Blur the faces `finder` finds, the plates `plates` finds (when given) and the drawn `regions`."""
    height, width = image.shape[:2]
    drawn = check_regions(regions, width, height)
    faces = (finder or face_finder())(image)
    found_plates = plates(image) if plates is not None else []
    return ImageRedaction(obscure(image, [*faces, *found_plates, *drawn]), faces, found_plates, drawn)


def redact_video(
    source: Path,
    destination: Path,
    finder: RegionFinder | None = None,
    *,
    plates: RegionFinder | None = None,
    regions: Sequence[PixelBox] = (),
    detect_every: int = 3,
    after: Callable[[Image], Image] | None = None,
) -> RedactionResult:
    """Write a redacted copy of `source`; `regions` are blurred in every frame (checked by the caller against
    the frame size); `after` (e.g. a watermark) runs on every redacted frame."""
    find_faces = finder or face_finder()
    fixed = list(regions)
    counts = {"faces": 0, "plates": 0}
    previous: list[PixelBox] | None = None
    recent: list[list[PixelBox]] = []

    def find(image: Image, count: bool) -> list[PixelBox]:
        faces = find_faces(image)
        found_plates = plates(image) if plates is not None else []
        if count:
            counts["faces"] += len(faces)
            counts["plates"] += len(found_plates)
        return faces + found_plates

    def transform(frames: list[Image]) -> list[Image]:
        nonlocal previous
        if previous is None:  # the very first frame is checked too
            previous = find(frames[0], count=False)
        found = find(frames[-1], count=True)
        # Boxes of the last few runs stay masked too, so a face the detector misses for a moment stays hidden.
        recent.append(found)
        del recent[: -(KEEP_RUNS + 1)]
        current = [box for boxes in recent for box in boxes]
        out = []
        for index, frame in enumerate(frames):
            # The last frame of the run uses its own boxes; the others are covered by both neighbours.
            boxes = current if index == len(frames) - 1 else previous + current
            redacted = obscure(frame, boxes + fixed)
            out.append(after(redacted) if after else redacted)
        previous = current
        return out

    frames = rewrite_video(source, destination, transform, chunk=max(1, detect_every))
    return RedactionResult(
        frames=frames,
        regions=counts["faces"] + counts["plates"],
        faces=counts["faces"],
        plates=counts["plates"],
    )
