"""Benchmark the camera pipeline against bare detector inference; prints one JSON object.

Run: .venv/bin/python bench/pipeline.py [--seconds 30] [--model PATH] [--video PATH] [--static-seconds 60]
[--parts busy,static,memory,static_720p]
All ratios compare runs made in this process on the same frames, on one ONNX Runtime thread and one
OpenCV thread (a camera worker runs one pipeline per core; OpenCV's thread pool only adds hand-off costs
on images this small).

Busy scene: in each round a fresh pipeline, the bare detector (`detect()`: letterbox, inference, box
decoding and NMS) and ONNX Runtime's run alone (on the same input tensors) take the same frames in turn,
frame by frame in rotating order, so that load from other processes and the cache state hit all alike. All
run on this one thread, one after the other: nothing overlaps, so the wall and CPU ratios measure the same
work (CPU time is the one that sets cameras per core; wall time also counts waiting for a core on a shared
machine).

Static 720p cameras: a real street picture (the first vtest frame, scaled to 1280x720) with sensor noise,
encoded as a camera would send it (H.264, 10 fps, fixed GOP of 1 s and of 2 s), read from the file by the
same source and pipeline a worker runs, once decoding every frame and once behind the packet gate. CPU per
second of video after the first `--warmup` seconds (the gate decodes a stream's first seconds in full).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.sources import open_source
from safecity.video.synthetic import write_h264
from safecity.vision.detectors import DetectorOptions
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors import OutputFormat
from safecity.vision.detectors import Placement
from safecity.vision.detectors import letterbox_batch

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


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of `work`."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


Totals = list[float]  # [wall, CPU] seconds


def busy_round(detector: OnnxDetector, frames: list[Frame]) -> tuple[Totals, Totals, Totals, CameraPipeline]:
    """[wall, CPU] seconds of the bare detector, of ONNX Runtime's run alone (on the same input tensors,
    made outside the timing) and of a fresh pipeline over `frames`, frame by frame in rotating order."""
    pipeline = CameraPipeline("bench", detector, None, PipelineSettings(fps=FPS, motion_gating=True))
    bare, inference, pipe = [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]
    placement = Placement.TOP_LEFT if detector.output_format is OutputFormat.YOLOX else Placement.CENTER
    yolox = detector.output_format is OutputFormat.YOLOX
    for index, frame in enumerate(frames):
        batch, _ = letterbox_batch(
            [frame.image], detector.input_size, placement, rgb=not yolox, scale=1.0 if yolox else 1 / 255
        )
        steps: list[tuple[Totals, Callable[[], object]]] = [
            (bare, functools.partial(detector.detect, frame.image)),
            (inference, functools.partial(detector.session.run, None, {detector.input_name: batch})),
            (pipe, functools.partial(pipeline.process, frame)),
        ]
        shift = index % len(steps)
        for totals, work in steps[shift:] + steps[:shift]:
            wall, cpu = timed(work)
            totals[0] += wall
            totals[1] += cpu
    wall, cpu = timed(pipeline.finish)
    pipe[0] += wall
    pipe[1] += cpu
    return bare, inference, pipe, pipeline


def busy_scene(detector: OnnxDetector, frames: list[Frame], rounds: int) -> dict[str, Any]:
    """Whole pipeline vs bare detector on a busy real scene; the median round counts, ranges shown."""
    results = [busy_round(detector, frames) for _ in range(rounds)]
    pipeline = results[-1][3]
    analysed = pipeline.stats.analysed_frames
    count = len(frames)
    wall_ratios = [bare[0] / count / (pipe[0] / analysed) for bare, _, pipe, _ in results]
    cpu_ratios = [bare[1] / count / (pipe[1] / analysed) for bare, _, pipe, _ in results]
    inference_ratios = [run[1] / count / (pipe[1] / analysed) for _, run, pipe, _ in results]
    overheads = [(pipe[1] - bare[1]) / count * 1000 for bare, _, pipe, _ in results]
    outside_inference = [(bare[1] - run[1]) / count * 1000 for bare, run, _, _ in results]

    def median_ms(values: list[float]) -> float:
        return round(statistics.median(values) / count * 1000, 2)

    def spread(values: list[float], digits: int) -> str:
        return f"{round(min(values), digits)}-{round(max(values), digits)}"

    return {
        "rounds": rounds,
        "bare_detector_fps": round(count / statistics.median(b[0] for b, _, _, _ in results), 1),
        "pipeline_analysed_fps": round(analysed / statistics.median(p[0] for _, _, p, _ in results), 1),
        "ratio_pipeline_to_bare": round(statistics.median(wall_ratios), 3),
        "ratio_pipeline_to_bare_range": spread(wall_ratios, 3),
        "ratio_by_cpu_time": round(statistics.median(cpu_ratios), 3),
        "ratio_by_cpu_time_range": spread(cpu_ratios, 3),
        "ratio_by_cpu_time_to_inference_alone": round(statistics.median(inference_ratios), 3),
        "bare_detector_cpu_ms_per_frame": median_ms([b[1] for b, _, _, _ in results]),
        "inference_alone_cpu_ms_per_frame": median_ms([r[1] for _, r, _, _ in results]),
        "detector_pre_and_post_processing_cpu_ms_per_frame": round(statistics.median(outside_inference), 2),
        "pipeline_overhead_cpu_ms_per_frame": round(statistics.median(overheads), 2),
        "pipeline_overhead_cpu_ms_range": spread(overheads, 2),
        "analysed_frames": analysed,
        "detector_runs": pipeline.stats.detector_runs,
        "tracks": pipeline.summary()["tracks"],
    }


def run_pipeline(detector: OnnxDetector, frames: list[Frame], gating: bool) -> CameraPipeline:
    pipeline = CameraPipeline("bench", detector, None, PipelineSettings(fps=FPS, motion_gating=gating))
    for frame in frames:
        pipeline.process(frame)
    pipeline.finish()
    return pipeline


STREAM_FPS = 10.0
HD = (1280, 720)


def noisy_pictures(picture: Image, count: int, noise: float = 2.0, fields: int = 8) -> Iterator[Image]:
    rng = np.random.default_rng(1)
    drawn = [rng.normal(0, noise, picture.shape).astype(np.float32) for _ in range(fields)]
    for index in range(count):
        yield np.clip(picture + drawn[index % fields], 0, 255).astype(np.uint8)


def static_720p_files(template: Frame, seconds: float, folder: Path) -> dict[str, Path]:
    picture = np.asarray(cv2.resize(template.image, HD, interpolation=cv2.INTER_CUBIC), dtype=np.uint8)
    count = round(seconds * STREAM_FPS)
    return {
        f"gop_{gop:g}s": write_h264(
            folder / f"static_gop{gop:g}.mp4", noisy_pictures(picture, count), STREAM_FPS, gop_seconds=gop
        )
        for gop in (1.0, 2.0)
    }


def camera_cpu(
    path: Path, detector: OnnxDetector, gate: PacketGateSettings | None, warmup: float
) -> dict[str, Any]:
    """CPU seconds per second of video for reading `path` as a 5-fps camera: decode + pipeline."""
    pipeline = CameraPipeline("static", detector, None, PipelineSettings(fps=FPS))
    started: tuple[float, float] | None = None
    last_pts = 0.0
    with open_source(str(path), "static", fps=FPS, gate=gate) as source:
        for frame in source:
            pipeline.process(frame)
            last_pts = frame.pts
            if started is None and frame.pts >= warmup:
                started = (time.process_time(), frame.pts)
        stats = source.stats
    pipeline.finish()
    if started is None:
        raise SystemExit(f"{path} is shorter than the warm-up ({warmup} s)")
    cpu = time.process_time() - started[0]
    video_seconds = last_pts - started[1]
    per_second = cpu / video_seconds
    return {
        "cpu_ms_per_video_second": round(per_second * 1000, 2),
        "cameras_per_core": round(1 / per_second, 1),
        "frames_decoded": stats.frames_decoded,
        "frames_skipped": stats.frames_skipped,
        "detector_runs": pipeline.stats.detector_runs,
    }


def static_cameras(
    frames: list[Frame], detector: OnnxDetector, seconds: float, warmup: float
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        files = static_720p_files(frames[0], seconds, Path(folder))
        result: dict[str, Any] = {}
        for name, path in files.items():
            full = camera_cpu(path, detector, None, warmup)
            gated = camera_cpu(path, detector, PacketGateSettings(), warmup)
            result[name] = {
                "bitrate_kbps": round(path.stat().st_size * 8 / seconds / 1000),
                "full_decode": full,
                "packet_gate": gated,
                "gain": round(gated["cameras_per_core"] / full["cameras_per_core"], 1),
            }
    return result


PARTS = ("busy", "static", "memory", "static_720p")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--model", type=Path, default=SHARED / "models/yolox_nano.onnx")
    parser.add_argument("--video", type=Path, default=SHARED / "media/vtest.avi")
    parser.add_argument("--cameras", type=int, default=8, help="pipelines for the memory estimate")
    parser.add_argument("--rounds", type=int, default=5, help="busy-scene rounds (the median counts)")
    parser.add_argument("--static-seconds", type=float, default=60.0, help="length of the static 720p files")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of each static file not counted")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of {PARTS}")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if not parts <= set(PARTS):
        parser.error(f"unknown parts {sorted(parts - set(PARTS))}; choose from {PARTS}")
    cv2.setNumThreads(1)

    detector = OnnxDetector(args.model, DetectorOptions(threads=1))
    frames: list[Frame] = []

    def decode() -> None:
        frames.extend(load_frames(args.video, args.seconds))

    decode_wall, decode_cpu = timed(decode)
    detector.detect(frames[0].image)  # warm-up
    result: dict[str, Any] = {
        "frames": len(frames),
        "frame_size": [frames[0].width, frames[0].height],
        "model": args.model.name,
        "decode_wall_seconds": round(decode_wall, 3),
    }
    decode_cpu_per_frame = decode_cpu / len(frames)

    # 1. Busy real scene: whole pipeline vs bare inference on the same frames.
    if "busy" in parts:
        busy = busy_scene(detector, frames, args.rounds)
        result["busy_scene"] = busy
        busy_cpu_per_frame = busy["bare_detector_cpu_ms_per_frame"] / 1000 / busy["ratio_by_cpu_time"]
        result["capacity_one_core_5fps"] = {
            "busy_cameras": round(1 / (busy_cpu_per_frame * FPS), 1),
            "busy_cameras_with_decode": round(1 / ((busy_cpu_per_frame + decode_cpu_per_frame) * FPS), 1),
            "decode_cpu_ms_per_kept_frame": round(decode_cpu_per_frame * 1000, 2),
            "note": "decode cost is for this file's full frame rate (10 fps) divided over the kept 5 fps",
        }

    # 2. Static scene: motion gating vs detecting every frame.
    if "static" in parts:
        still = static_frames(frames[0], len(frames))
        holder: dict[str, CameraPipeline] = {}

        def still_run(name: str, gating: bool) -> None:
            holder[name] = run_pipeline(detector, still, gating)

        gated_wall, gated_cpu = timed(functools.partial(still_run, "gated", True))
        every_wall, every_cpu = timed(functools.partial(still_run, "every", False))
        result["static_scene"] = {
            "cpu_seconds_gated": round(gated_cpu, 3),
            "cpu_seconds_every_frame": round(every_cpu, 3),
            "ratio_gated_to_every_frame": round(gated_cpu / every_cpu, 3),
            "detector_runs_gated": holder["gated"].stats.detector_runs,
            "detector_runs_every_frame": holder["every"].stats.detector_runs,
            "every_frame_wall_seconds": round(every_wall, 3),
            "gated_wall_seconds": round(gated_wall, 3),
        }
        static_cpu_per_frame = gated_cpu / len(still)
        capacity = result.setdefault("capacity_one_core_5fps", {})
        capacity["static_cameras"] = round(1 / (static_cpu_per_frame * FPS), 1)
        capacity["static_cameras_with_decode"] = round(
            1 / ((static_cpu_per_frame + decode_cpu_per_frame) * FPS), 1
        )

    # 3. Memory per camera: several pipelines sharing one detector, each fed some frames.
    # Python and numpy allocations are both traced, so this is the state each camera keeps (background,
    # tracks, histories, snapshots), not the decoder's frame buffers.
    if "memory" in parts:
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
        result["memory_per_camera_mib"] = round(traced / args.cameras / 2**20, 2)
        result["memory_note"] = (
            f"state after 50 busy frames per camera, {args.cameras} cameras, one shared model"
        )

    # 4. Static 720p H.264 cameras: decode every frame vs the packet gate, decode and pipeline included.
    if "static_720p" in parts:
        result["static_720p_h264_5fps_cameras"] = static_cameras(
            frames, detector, args.static_seconds, args.warmup
        )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
