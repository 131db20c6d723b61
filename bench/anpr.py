"""ANPR stage speed on one core: ms per 720p frame with vehicles and with none, and the bare model time.

Frames are generated 1280x720 street scenes (tests/vision/plates/scenes.py) with two cars carrying drawn
Pakistani plates; the vehicle boxes are the ones an object detector would give (known by construction).

- `frame_with_vehicles`: the reader on a frame where both vehicles are read (the worst frame of a pass:
  each track is read at its best view, so most frames read nothing).
- `frame_without_vehicles`: the whole stage (`PlateStage.process`) on a frame with no vehicle: no OCR runs.
- `pass_per_frame`: the stage over a whole pass (two cars approaching for 30 frames, then leaving),
  total time / frames: what a camera costs on average while vehicles pass.
- `frame_with_one_vehicle`: the same frame with only the second car's box (what the worker costs when it
  reads one vehicle per frame).
- `bare_models`: CPU time inside the model sessions (plate detector, OCR text detection, OCR recognition)
  during the same reads, per model with its calls per frame and their input shapes; `ratio_to_bare` = the
  reads' CPU time over it (the stage's own overhead: resizing, rectifying, decoding, parsing).
- `paddle_graph_rewrite`: the OCR models' inputs of one two-car read, run through the models as shipped and
  as rewritten by `paddle_graph` (what the reader uses), alternately: CPU ms per frame of each.

Times are CPU time of this process (one onnxruntime thread per model), median of ROUNDS, so a busy machine
inflates them less than wall time; wall medians are printed too. The plate detector is the registry's
(`safecity models fetch y5fu-320`) or, for a checkout, the shared asset; without one the OCR-only path is
measured. Prints one JSON object. Run: .venv/bin/python bench/anpr.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.vision.plates.scenes import Scene
from tests.vision.plates.scenes import street_with_vehicles
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import sindh_plate

from safecity.vision.boxes import Box
from safecity.vision.plates import PlateReader
from safecity.vision.plates import PlateReaderConfig
from safecity.vision.plates.installed import find_installed_plate_detector
from safecity.vision.plates.onnx_models import DETECTOR_FILE
from safecity.vision.plates.onnx_models import RECOGNIZER_FILE
from safecity.vision.plates.onnx_models import open_session
from safecity.vision.plates.onnx_models import shipped_model
from safecity.vision.plates.plate_detector import PlateFinder
from safecity.vision.plates.plate_detector import Y5fuPlateDetector
from safecity.vision.plates.plate_detector import open_plate_detector
from safecity.vision.plates.stage import PlateStage
from safecity.vision.plates.stage import TrackedVehicle

ROUNDS = 15
SHARED_DETECTOR = Path(os.environ.get("SAFECITY_SHARED_DIR", "/work/shared")) / "models/y5fu_320x_sim.onnx"


def plate_detector() -> tuple[PlateFinder | None, str]:
    found, reason = find_installed_plate_detector(None)
    if found is not None:
        return found, "registry"
    if SHARED_DETECTOR.is_file():
        return open_plate_detector(SHARED_DETECTOR, "y5fu"), str(SHARED_DETECTOR)
    return None, reason


def scene() -> Scene:
    return street_with_vehicles(
        [(punjab_plate("LEB", "06", "5700"), "LEB5700"), (sindh_plate("AVV", "584"), "AVV584")], seed=7
    )


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """Median CPU and wall milliseconds of ROUNDS calls (after one warm-up call)."""
    call()
    cpu, wall = [], []
    for _ in range(ROUNDS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        call()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return 1000 * float(np.median(cpu)), 1000 * float(np.median(wall))


class ModelClock:
    """CPU time spent inside each model's session calls while the reader runs (the bare model time of the
    very same calls): the plate detector, OCR text detection and OCR recognition."""

    def __init__(self, reader: PlateReader) -> None:
        self.spent: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.inputs: dict[str, list[np.ndarray]] = {}
        models: dict[str, object] = {"text_detector": reader.detector, "recognizer": reader.recognizer}
        if isinstance(reader.plate_detector, Y5fuPlateDetector):
            models["plate_detector"] = reader.plate_detector
        for name, model in models.items():
            self._wrap(name, model)

    def _wrap(self, name: str, model: object) -> None:
        run = model.run_model  # type: ignore[attr-defined]

        def timed_run(blob: np.ndarray) -> np.ndarray:
            start = time.process_time()
            try:
                return np.asarray(run(blob))
            finally:
                self.spent[name] = self.spent.get(name, 0.0) + time.process_time() - start
                self.calls[name] = self.calls.get(name, 0) + 1
                self.inputs.setdefault(name, []).append(blob)

        model.run_model = timed_run  # type: ignore[attr-defined]

    def reset(self) -> None:
        self.spent.clear()
        self.calls.clear()
        self.inputs.clear()


def stage_and_models(
    reader: PlateReader, clock: ModelClock, call: Callable[[], object]
) -> tuple[float, dict[str, float], dict[str, float]]:
    """Median CPU ms of the whole call, and the mean CPU ms and calls per round inside each model."""
    call()
    clock.reset()
    cpu = []
    for _ in range(ROUNDS):
        start = time.process_time()
        call()
        cpu.append(time.process_time() - start)
    models = {name: 1000 * spent / ROUNDS for name, spent in clock.spent.items()}
    calls = {name: count / ROUNDS for name, count in clock.calls.items()}
    return 1000 * float(np.median(cpu)), models, calls


def rewrite_gain(inputs: dict[str, list[np.ndarray]]) -> dict[str, dict[str, float]]:
    """CPU ms per frame of the OCR models' calls of one read, as shipped and as rewritten, run alternately."""
    gain = {}
    for name, file in (("recognizer", RECOGNIZER_FILE), ("text_detector", DETECTOR_FILE)):
        sessions = {
            "shipped_ms": open_session(shipped_model(file), 1),
            "rewritten_ms": open_session(shipped_model(file), 1, paddle_graph=True),
        }
        spent: dict[str, list[float]] = {label: [] for label in sessions}
        for _ in range(ROUNDS):
            for label, session in sessions.items():
                start = time.process_time()
                for blob in inputs.get(name, []):
                    session.run(None, {session.get_inputs()[0].name: blob})
                spent[label].append(time.process_time() - start)
        gain[name] = {label: round(1000 * float(np.median(times)), 1) for label, times in spent.items()}
    return gain


def pass_cost(reader: PlateReader, frames: int = 30) -> float:
    """CPU ms per frame of the whole stage while two cars approach (grow) for `frames` frames and leave."""
    base = scene()
    stage = PlateStage(reader, "bench")
    start = time.process_time()
    for index in range(frames):
        grow = index * 2
        vehicles = [
            TrackedVehicle(
                number, Box(v.box[0] - grow, v.box[1] - grow, v.box[2] + grow, v.box[3] + grow), "car"
            )
            for number, v in enumerate(base.vehicles)
        ]
        stage.process(base.image, index / 10, vehicles)
    stage.process(base.image, frames / 10, [], ended=[0, 1])
    return 1000 * (time.process_time() - start) / (frames + 1)


def main() -> None:
    finder, source = plate_detector()
    reader = PlateReader(PlateReaderConfig(threads=1), plate_detector=finder)
    ocr_only = PlateReader(PlateReaderConfig(threads=1))
    ocr_only._detector, ocr_only._recognizer = reader.detector, reader.recognizer
    frame = scene()
    boxes = [vehicle.box for vehicle in frame.vehicles]
    reads = reader.read(frame.image, vehicle_boxes=boxes)
    one_car = reader.read(frame.image, vehicle_boxes=boxes[1:])
    empty_stage = PlateStage(reader, "bench")
    clock = ModelClock(reader)
    with_cpu, with_wall = timed(lambda: reader.read(frame.image, vehicle_boxes=boxes))
    stage_cpu, model_ms, model_calls = stage_and_models(
        reader, clock, lambda: reader.read(frame.image, vehicle_boxes=boxes)
    )
    clock.reset()
    reader.read(frame.image, vehicle_boxes=boxes)
    model_inputs = {
        name: [list(blob.shape) for blob in blobs] for name, blobs in sorted(clock.inputs.items())
    }
    rewrite = rewrite_gain(clock.inputs)
    one_cpu, _ = timed(lambda: reader.read(frame.image, vehicle_boxes=boxes[1:]))
    without_cpu, without_wall = timed(lambda: empty_stage.process(frame.image, 0.0, []))
    bare_cpu = sum(model_ms.values())
    ocr_cpu, ocr_wall = timed(lambda: ocr_only.read(frame.image, vehicle_boxes=boxes))
    print(
        json.dumps(
            {
                "benchmark": "anpr_720p_frame",
                "threads": 1,
                "rounds": ROUNDS,
                "plate_detector": source if finder is not None else f"none ({source})",
                "vehicles_per_frame": len(boxes),
                "plates_read": [read.text for read in reads],
                "frame_with_vehicles_ms": round(with_cpu, 1),
                "frame_with_one_vehicle_ms": round(one_cpu, 1),
                "one_vehicle_read": [read.text for read in one_car],
                "frame_without_vehicles_ms": round(without_cpu, 3),
                "pass_per_frame_ms": round(pass_cost(reader), 1),
                "bare_models_ms": round(bare_cpu, 1),
                "bare_models_by_model_ms": {name: round(ms, 1) for name, ms in sorted(model_ms.items())},
                "model_calls_per_frame": dict(sorted(model_calls.items())),
                "model_inputs_per_frame": model_inputs,
                "paddle_graph_rewrite": rewrite,
                "ratio_to_bare": round(stage_cpu / bare_cpu, 3),
                "ocr_only_frame_with_vehicles_ms": round(ocr_cpu, 1),
                "wall_ms": {
                    "frame_with_vehicles": round(with_wall, 1),
                    "frame_without_vehicles": round(without_wall, 3),
                    "ocr_only": round(ocr_wall, 1),
                },
                "load_average": [round(value, 2) for value in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
