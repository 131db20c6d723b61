"""Redaction: blur the faces of bystanders in images and video clips before they leave the vault.

Faces come from `safecity.vision.faces` detectors: YuNet when its model file is in the models folder (fast,
finds small and turned faces), else dlib HOG with the CNN as fallback (thorough, about 1 s a frame on CPU).
Each face box is widened (hair, ears, chin) and pixelated then blurred, which leaves no usable identity;
pixels outside the boxes are not touched. In video, the detector runs on every `detect_every`-th frame and
each frame is covered by the boxes found on both sides of it (and for two more runs after a face is lost),
so a face stays masked while it moves or the detector blinks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2

from safecity.evidence.mediafiles import rewrite_video
from safecity.video.frame import Image
from safecity.vision.faces import FaceDetector, create_detector

PixelBox = tuple[int, int, int, int]  # x1, y1, x2, y2 (x2/y2 exclusive), clipped to the image
#: Finds the regions to hide in one frame (faces; plates could be added the same way).
RegionFinder = Callable[[Image], list[PixelBox]]

MARGIN = 0.3  # widen each face box by this share of its size on every side
YUNET_FILE = "face_detection_yunet_2023mar.onnx"
KEEP_RUNS = 2  # a face the detector loses is still masked at its last place for this many runs of frames


def redaction_detector(models_dir: Path | None = None) -> FaceDetector:
    """YuNet from `models_dir` when present, else dlib HOG + CNN (HOG alone misses large turned faces)."""
    if models_dir is not None and (models_dir / YUNET_FILE).is_file():
        return create_detector("yunet", model_path=models_dir / YUNET_FILE)
    return create_detector("hog+cnn")


@dataclass(frozen=True, slots=True)
class RedactionResult:
    frames: int
    regions: int  # boxes blurred, summed over frames that ran the detector


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


def obscure(image: Image, boxes: list[PixelBox]) -> Image:
    """A copy with each box pixelated (about 6 blocks across) and blurred; nothing else changes."""
    out = image.copy()
    for x1, y1, x2, y2 in boxes:
        region = out[y1:y2, x1:x2]
        h, w = region.shape[:2]
        if h < 2 or w < 2:
            continue
        small = cv2.resize(region, (max(1, w // max(1, w // 6)), max(1, h // max(1, h // 6))))
        blocky = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
        kernel = max(3, (min(w, h) // 4) | 1)
        out[y1:y2, x1:x2] = cv2.GaussianBlur(blocky, (kernel, kernel), 0)
    return out


def redact_image(image: Image, finder: RegionFinder | None = None) -> tuple[Image, list[PixelBox]]:
    boxes = (finder or face_finder())(image)
    return obscure(image, boxes), boxes


def redact_video(
    source: Path,
    destination: Path,
    finder: RegionFinder | None = None,
    *,
    detect_every: int = 3,
    after: Callable[[Image], Image] | None = None,
) -> RedactionResult:
    """Write a redacted copy of `source`; `after` (e.g. a watermark) runs on every redacted frame."""
    find = finder or face_finder()
    regions = 0
    previous: list[PixelBox] | None = None
    recent: list[list[PixelBox]] = []

    def transform(frames: list[Image]) -> list[Image]:
        nonlocal previous, regions
        if previous is None:  # the very first frame is checked too
            previous = find(frames[0])
        found = find(frames[-1])
        regions += len(found)
        # Boxes of the last few runs stay masked too, so a face the detector misses for a moment stays hidden.
        recent.append(found)
        del recent[: -(KEEP_RUNS + 1)]
        current = [box for boxes in recent for box in boxes]
        out = []
        for index, frame in enumerate(frames):
            # The last frame of the run uses its own boxes; the others are covered by both neighbours.
            boxes = current if index == len(frames) - 1 else previous + current
            redacted = obscure(frame, boxes)
            out.append(after(redacted) if after else redacted)
        previous = current
        return out

    frames = rewrite_video(source, destination, transform, chunk=max(1, detect_every))
    return RedactionResult(frames=frames, regions=regions)
