"""Benchmark the camera pipeline against bare detector inference; prints one JSON object.

Run: .venv/bin/python bench/pipeline.py [--seconds 30] [--model PATH] [--video PATH]
All ratios compare runs made in this process on the same frames, on one ONNX Runtime thread and one
OpenCV thread (a camera worker runs one pipeline per core; OpenCV's thread pool only adds hand-off costs
on images this small).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from safecity.pipeline.camera import CameraPipeline, PipelineSettings
from safecity.video.frame import Frame
from safecity.video.sources import open_source
from safecity.vision.detectors import DetectorOptions, OnnxDetector

SHARED = Path(os.environ.get("SAFECITY_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
FPS = 5.0


def load_frames(video: Path, seconds: float) -> list[Frame]:
    with open_source(str(video), "bench", fps=FPS) as source:
        return [frame for frame in source if frame.pts < seconds]


def static_frames(template: Frame, count: int, noise: float = 2.0) -> list[Frame]:
    """The same real picture over and over with sensor noise: a street with nothing moving."""
    rng = np.random.default_rng(0)
    frames = []
    for index in range(count):
        noisy = template.image.astype(np.float32) + rng.normal(0, noise, template.image.shape)
        image = np.clip(noisy, 0, 255).astype(np.uint8)
        frames.append(Frame("static", index, template.timestamp + index / FPS, index / FPS, image))
    return frames


def timed(work: Callable[[], None]) -> tuple[float, float]:
    """Wall and CPU seconds of `work`."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def run_pipeline(detector: OnnxDetector, frames: list[Frame], gating: bool) -> CameraPipeline:
    pipeline = CameraPipeline("bench", detector, None, PipelineSettings(fps=FPS, motion_gating=gating))
    for frame in frames:
        pipeline.process(frame)
    pipeline.finish()
    return pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--model", type=Path, default=SHARED / "models/yolox_nano.onnx")
    parser.add_argument("--video", type=Path, default=SHARED / "media/vtest.avi")
    parser.add_argument("--cameras", type=int, default=8, help="pipelines for the memory estimate")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (median counts)")
    args = parser.parse_args()
    cv2.setNumThreads(1)

    detector = OnnxDetector(args.model, DetectorOptions(threads=1))
    decode_wall, decode_cpu = 0.0, 0.0
    frames: list[Frame] = []

    def decode() -> None:
        frames.extend(load_frames(args.video, args.seconds))

    decode_wall, decode_cpu = timed(decode)
    detector.detect(frames[0].image)  # warm-up

    # 1. Busy real scene: whole pipeline vs bare inference on the same frames, interleaved rounds so that
    # load from other processes hits both alike; the median round of each counts.
    holder: dict[str, CameraPipeline] = {}

    def pipeline_run() -> None:
        holder["busy"] = run_pipeline(detector, frames, gating=True)

    bare_rounds, pipe_rounds = [], []
    for _ in range(args.rounds):
        bare_rounds.append(timed(lambda: [detector.detect(frame.image) for frame in frames]))
        pipe_rounds.append(timed(pipeline_run))
    bare_wall, bare_cpu = sorted(bare_rounds)[len(bare_rounds) // 2]
    pipe_wall, pipe_cpu = sorted(pipe_rounds)[len(pipe_rounds) // 2]
    busy = holder["busy"]
    bare_fps = len(frames) / bare_wall
    pipeline_fps = busy.stats.analysed_frames / pipe_wall

    # 2. Static scene: motion gating vs detecting every frame.
    still = static_frames(frames[0], len(frames))
    gated_wall, gated_cpu = timed(lambda: holder.__setitem__("gated", run_pipeline(detector, still, True)))
    every_wall, every_cpu = timed(lambda: holder.__setitem__("every", run_pipeline(detector, still, False)))

    # 3. Memory per camera: several pipelines sharing one detector, each fed some frames.
    # Python and numpy allocations are both traced, so this is the state each camera keeps (background,
    # tracks, histories, snapshots), not the decoder's frame buffers.
    gc.collect()
    tracemalloc.start()
    pipelines = [
        CameraPipeline(f"cam{i}", detector, None, PipelineSettings(fps=FPS)) for i in range(args.cameras)
    ]
    for pipeline in pipelines:
        for frame in frames[:50]:
            pipeline.process(frame)
    gc.collect()
    traced, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_camera = traced / args.cameras

    busy_cpu_per_frame = pipe_cpu / len(frames)
    static_cpu_per_frame = gated_cpu / len(still)
    decode_cpu_per_frame = decode_cpu / len(frames)
    result = {
        "frames": len(frames),
        "frame_size": [frames[0].width, frames[0].height],
        "model": args.model.name,
        "busy_scene": {
            "bare_detector_fps": round(bare_fps, 1),
            "pipeline_analysed_fps": round(pipeline_fps, 1),
            "ratio_pipeline_to_bare": round(pipeline_fps / bare_fps, 3),
            "ratio_by_cpu_time": round(bare_cpu / pipe_cpu, 3),
            "pipeline_overhead_cpu_ms_per_frame": round((pipe_cpu - bare_cpu) / len(frames) * 1000, 2),
            "analysed_frames": busy.stats.analysed_frames,
            "detector_runs": busy.stats.detector_runs,
            "tracks": busy.summary()["tracks"],
        },
        "static_scene": {
            "cpu_seconds_gated": round(gated_cpu, 3),
            "cpu_seconds_every_frame": round(every_cpu, 3),
            "ratio_gated_to_every_frame": round(gated_cpu / every_cpu, 3),
            "detector_runs_gated": holder["gated"].stats.detector_runs,
            "detector_runs_every_frame": holder["every"].stats.detector_runs,
        },
        "capacity_one_core_5fps": {
            "busy_cameras": round(1 / (busy_cpu_per_frame * FPS), 1),
            "static_cameras": round(1 / (static_cpu_per_frame * FPS), 1),
            "busy_cameras_with_decode": round(1 / ((busy_cpu_per_frame + decode_cpu_per_frame) * FPS), 1),
            "static_cameras_with_decode": round(1 / ((static_cpu_per_frame + decode_cpu_per_frame) * FPS), 1),
            "decode_cpu_ms_per_kept_frame": round(decode_cpu_per_frame * 1000, 2),
            "note": "decode cost is for this file's full frame rate (10 fps) divided over the kept 5 fps",
        },
        "memory_per_camera_mib": round(per_camera / 2**20, 2),
        "memory_note": f"state after 50 busy frames per camera, {args.cameras} cameras, one shared model",
        "bare_cpu_seconds": round(bare_cpu, 3),
        "decode_wall_seconds": round(decode_wall, 3),
        "every_frame_wall_seconds": round(every_wall, 3),
        "gated_wall_seconds": round(gated_wall, 3),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
