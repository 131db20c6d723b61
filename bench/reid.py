"""Person re-identification on a real pedestrian clip split into two "cameras", printed as JSON.

    python bench/reid.py [--video ../shared/media/vtest.avi] [--models ../shared/models] [--every 1]

The clip (`media/vtest.avi`, 768x576, 10 fps) is run through the platform's detector (YOLOX-Nano) and
tracker; each tracked person is cut in two parts, by where it is (left / right half, with a 60 px dead band
in the middle) or by when (first / second half of the clip). Each part becomes one track appearance as in
the worker (`TrackCrops` -> best 3 crops -> `track_appearance`). A query is a person's part on one
"camera", the gallery every part on the other; rank-1 = the nearest gallery part is the same tracker id.
Tracker id switches make a few "wrong" answers that are in fact right and vice versa, so this is a guide,
not a benchmark score.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import cv2
import numpy as np

from safecity.video.frame import Frame
from safecity.vision.boxes import Box
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors.decoding import OutputFormat
from safecity.vision.detectors.onnx import DetectorOptions
from safecity.vision.reid import CropCandidate
from safecity.vision.reid import PersonReidEmbedder
from safecity.vision.reid import TrackCrops
from safecity.vision.reid import appearance_similarity
from safecity.vision.reid import crop_score
from safecity.vision.reid import track_appearance
from safecity.vision.tracking import ObjectTracker

DEAD_BAND = 60  # pixels either side of the middle that belong to neither "camera"
MIN_HEIGHT = 48

Side = Callable[[Box, int, int, int], str | None]  # box, frame index, frames, width -> camera or None


def by_position(box: Box, _index: int, _frames: int, width: int) -> str | None:
    centre = (box.x1 + box.x2) / 2
    if centre < width / 2 - DEAD_BAND:
        return "left"
    if centre > width / 2 + DEAD_BAND:
        return "right"
    return None


def by_time(_box: Box, index: int, frames: int, _width: int) -> str | None:
    return "first" if index < frames // 2 else "second"


def collect(
    video: Path, detector: OnnxDetector, every: int
) -> tuple[list[tuple[int, int, Box, np.ndarray]], int, int]:
    """(frame index, track id, box, crop) of every tracked person, the frame count and the width."""
    capture = cv2.VideoCapture(str(video))
    fps = capture.get(cv2.CAP_PROP_FPS) or 10.0
    tracker = ObjectTracker(fps / every)
    seen: list[tuple[int, int, Box, np.ndarray]] = []
    index, width = 0, 0
    while True:
        ok, image = capture.read()
        if not ok:
            break
        height, width = image.shape[:2]
        if index % every == 0:
            frame = Frame("vtest", index, index / fps, index / fps, np.asarray(image, dtype=np.uint8))
            detections = detector.detect(image)
            people = detections.select([i for i, label in enumerate(detections.labels) if label == "person"])
            for track in tracker.update(people, frame).updated:
                box = track.box
                x1, y1 = max(0, int(box.x1)), max(0, int(box.y1))
                x2, y2 = min(width, int(box.x2)), min(height, int(box.y2))
                if track.last_seen == frame.timestamp and y2 - y1 >= MIN_HEIGHT and x2 > x1:
                    seen.append((index, track.track_id, box, image[y1:y2, x1:x2].copy()))
        index += 1
    capture.release()
    return seen, index, width


def evaluate(
    seen: list[tuple[int, int, Box, np.ndarray]],
    side: Side,
    frames: int,
    width: int,
    embedder: PersonReidEmbedder,
) -> dict[str, Any]:
    parts: dict[tuple[str, int], TrackCrops] = defaultdict(lambda: TrackCrops(keep=3, min_gap=0.5))
    for index, track_id, box, crop in seen:
        camera = side(box, index, frames, width)
        if camera is not None:
            parts[(camera, track_id)].offer(
                CropCandidate(crop_score(box, (width, 576)), index / 10.0, box, crop)
            )
    vectors = {
        key: track_appearance([embedder.embed(c.pixels) for c in kept.crops])
        for key, kept in parts.items()
        if kept.crops
    }
    cameras = sorted({camera for camera, _ in vectors})
    results: dict[str, Any] = {}
    for query_camera in cameras:
        other = next(c for c in cameras if c != query_camera)
        gallery_keys = [key for key in vectors if key[0] == other]
        gallery = np.stack([vectors[key] for key in gallery_keys])
        ranks = []
        for (camera, track_id), vector in vectors.items():
            if camera != query_camera or (other, track_id) not in vectors:
                continue
            order = np.argsort(-appearance_similarity(vector, gallery))
            ranks.append(next(r for r, i in enumerate(order) if gallery_keys[i][1] == track_id))
        ranks_array = np.array(ranks)
        results[f"{query_camera}->{other}"] = {
            "queries": len(ranks),
            "gallery": len(gallery_keys),
            "rank_1": round(float(np.mean(ranks_array == 0)), 3) if ranks else None,
            "rank_5": round(float(np.mean(ranks_array < 5)), 3) if ranks else None,
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser.add_argument("--video", type=Path, default=shared / "media" / "vtest.avi")
    parser.add_argument("--models", type=Path, default=shared / "models")
    parser.add_argument("--every", type=int, default=1, help="analyse every n-th frame")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    detector = OnnxDetector(
        args.models / "yolox_nano.onnx", DetectorOptions(output_format=OutputFormat("yolox"))
    )
    embedder = PersonReidEmbedder(args.models / "person-reidentification-retail-0248.onnx")
    start = time.perf_counter()
    seen, frames, width = collect(args.video, detector, args.every)
    tracked = time.perf_counter() - start
    sample = [crop for *_, crop in seen[:200]]
    tick = time.perf_counter()
    for crop in sample:
        embedder.embed(crop)
    embed_ms = (time.perf_counter() - tick) / max(1, len(sample)) * 1000
    report = {
        "benchmark": "reid",
        "video": str(args.video),
        "frames": frames,
        "person_boxes": len(seen),
        "tracks": len({track_id for _, track_id, _, _ in seen}),
        "detect_and_track_seconds": round(tracked, 1),
        "embed_ms_per_crop": round(embed_ms, 1),
        "split_left_right": evaluate(seen, by_position, frames, width, embedder),
        "split_first_second_half": evaluate(seen, by_time, frames, width, embedder),
    }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
