"""Benchmark the camera pipeline against bare detector inference; prints one JSON object.

Run: .venv/bin/python bench/pipeline.py [--seconds 30] [--model PATH] [--video PATH] [--static-seconds 60]
All ratios compare runs made in this process on the same frames, on one ONNX Runtime thread and one
OpenCV thread (a camera worker runs one pipeline per core; OpenCV's thread pool only adds hand-off costs
on images this small).

Static 720p cameras: a real street picture (the first vtest frame, scaled to 1280x720) with sensor noise,
encoded as a camera would send it (H.264, 10 fps, fixed GOP of 1 s and of 2 s), read from the file by the
same source and pipeline a worker runs, once decoding every frame and once behind the packet gate. CPU per
second of video after the first `--warmup` seconds (the gate decodes a stream's first seconds in full).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from safecity.pipeline.camera import CameraPipeline, PipelineSettings
from safecity.video.frame import Frame, Image
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.sources import open_source
from safecity.video.synthetic import write_h264
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


def timed(work: Callable[[], object]) -> tuple[float, float]:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--model", type=Path, default=SHARED / "models/yolox_nano.onnx")
    parser.add_argument("--video", type=Path, default=SHARED / "media/vtest.avi")
    parser.add_argument("--cameras", type=int, default=8, help="pipelines for the memory estimate")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (median counts)")
    parser.add_argument("--static-seconds", type=float, default=60.0, help="length of the static 720p files")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of each static file not counted")
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

    # 4. Static 720p H.264 cameras: decode every frame vs the packet gate, decode and pipeline included.
    static_720p = static_cameras(frames, detector, args.static_seconds, args.warmup)

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
        "static_720p_h264_5fps_cameras": static_720p,
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
