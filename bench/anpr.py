"""ANPR stage speed on one core: ms per 720p frame, and its ratio to the bare model calls on the same inputs.

Frames are synthetic 1280x720 scenes with two Pakistani plates (drawn, see tests/vision/plates/synthetic.py).
The baseline runs only the detector and recogniser sessions on the exact inputs the reader built.
Prints one JSON object. Run: .venv/bin/python bench/anpr.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.vision.plates.synthetic import punjab_plate, sindh_plate, street_scene

from safecity.vision.plates import PlateReader, PlateReaderConfig
from safecity.vision.plates.text_boxes import group_plates, group_rows, rectify_row

ROUNDS = 10


def frame() -> np.ndarray:
    scene = street_scene(punjab_plate("LEB", "06", "5700"), at=(300, 450), scale=0.6)
    other = street_scene(sindh_plate("AVV", "584"), at=(850, 480), scale=0.5)
    scene[:, 640:] = other[:, 640:]
    return scene


def main() -> None:
    reader = PlateReader(PlateReaderConfig(threads=1))
    image = frame()
    reads = reader.read(image)  # warm up and load the models
    long_side = min(reader.config.frame_long_side, 2 * max(image.shape[:2]))
    blob = reader.detector.model_input(image, long_side)
    boxes = reader.detector.detect(image, long_side)
    strips = [rectify_row(image, row) for group in group_plates(boxes) for row in group_rows(group)]
    batch = reader.recognizer.model_input(strips) if strips else None

    stage, bare = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        reader.read(image)
        stage.append(time.perf_counter() - start)
        start = time.perf_counter()
        reader.detector.run_model(blob)
        if batch is not None:
            reader.recognizer.run_model(batch)
        bare.append(time.perf_counter() - start)
    stage_ms, bare_ms = 1000 * float(np.median(stage)), 1000 * float(np.median(bare))
    print(
        json.dumps(
            {
                "benchmark": "anpr_720p_frame",
                "threads": 1,
                "rounds": ROUNDS,
                "plates_read": [read.text for read in reads],
                "stage_ms_per_frame": round(stage_ms, 1),
                "bare_models_ms": round(bare_ms, 1),
                "ratio_to_bare": round(stage_ms / bare_ms, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
