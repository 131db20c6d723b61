"""Extra CPU per analysed frame when a camera's profile switches live ANPR on (`safecity worker`).

A synthetic 1280×720 street at 5 fps: plated cars drive down two lanes, a new car every 1.5 s, alternating
lanes (so up to two cars are in view, and there is always motion: the motion-only pipeline updates its
tracker only on frames with motion). The same frames go through the worker's `CameraAnalysis` (real
pipeline, motion-only) with ANPR off and on; CPU time (process time, all threads) is divided by the
frames the pipeline analysed.
"With every read" disables the worker's bounds (settling, reads per frame) to show what they save.

    .venv/bin/python bench/worker_anpr.py [--cars 4] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.worker.plate_scene import PlatedCar
from tests.worker.plate_scene import plated_frames

from safecity.core.media import MediaStore
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.rules.config import SceneConfig
from safecity.video.frame import Frame
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.vision.plates.stage import PlateStageConfig
from safecity.worker.analysis import CameraAnalysis
from safecity.worker.camera_plates import WORKER_STAGE
from safecity.worker.camera_plates import CameraPlates
from safecity.worker.camera_plates import stage_config
from safecity.worker.reader_pool import ReaderPool

WIDTH, HEIGHT, FPS = 1280, 720, 5.0
PLATES = [
    ("LEB", "06", "5700"),
    ("RIA", "19", "9133"),
    ("LEA", "21", "4821"),
    ("LHR", "15", "3302"),
    ("FDA", "12", "7716"),
    ("GAM", "18", "2045"),
]


def street(cars: int) -> list[Frame]:
    plated: list[PlatedCar] = []
    for index in range(cars):
        start = 0.4 + 1.5 * index
        x = 330 if index % 2 == 0 else 950
        car = MovingObject("car", (380, 280), (x, 130), (x, 620), start, start + 2.3)
        series, year, number = PLATES[index % len(PLATES)]
        plated.append(PlatedCar(car, series, year, number))
    scene = SyntheticScene(
        width=WIDTH,
        height=HEIGHT,
        fps=FPS,
        duration=1.5 * cars + 2.5,
        objects=[p.car for p in plated],
        seed=5,
    )
    return list(plated_frames(scene, plated, "bench"))


def run(frames: list[Frame], config: PlateStageConfig | None, reader: ReaderPool) -> dict[str, float]:
    media = MediaStore(Path(tempfile.mkdtemp()))
    events: list[object] = []
    pipeline = CameraPipeline("bench", None, SceneConfig(), PipelineSettings(fps=FPS))
    plates = (
        CameraPlates("bench", reader, media, events.append, worker_id="bench", config=config)
        if config is not None
        else None
    )
    analysis = CameraAnalysis(pipeline, events.append, media, worker_id="bench", plates=plates, fps=FPS)
    cpu, wall = time.process_time(), time.perf_counter()
    for frame in frames:
        analysis.process(frame)
    analysis.finish()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    analysed = max(1, pipeline.stats.analysed_frames)
    return {
        "frames": len(frames),
        "analysed": analysed,
        "cpu_ms_per_analysed_frame": round(1000 * cpu / analysed, 1),
        "wall_ms_per_analysed_frame": round(1000 * wall / analysed, 1),
        "reads": plates.stage.reads_attempted if plates else 0,
        "plate_events": sum(1 for e in events if getattr(e, "type", "") == "plate.read"),
        "texts": sorted(getattr(e, "text", "") for e in events if getattr(e, "type", "") == "plate.read"),  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cars", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    frames = street(args.cars)
    reader = ReaderPool(1)
    run(frames[:10], stage_config(True), reader)  # load the models outside the measurement
    unbounded = replace(stage_config(True, WORKER_STAGE), max_reads_per_frame=0, settle_reads=0)
    results = {
        "anpr off": run(frames, None, reader),
        "anpr on (worker bounds)": run(frames, stage_config(True), reader),
        "anpr on (every read)": run(frames, unbounded, reader),
    }
    off = results["anpr off"]["cpu_ms_per_analysed_frame"]
    for result in results.values():
        result["cpu_ratio_vs_off"] = round(result["cpu_ms_per_analysed_frame"] / off, 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, result in results.items():
        print(f"{name:26} {result}")


if __name__ == "__main__":
    main()
