"""`safecity analyze SOURCE`: run the real camera pipeline over a file or URL and print events."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer

from safecity.commands import common

if TYPE_CHECKING:  # the pipeline pulls in PyAV, OpenCV and ONNX Runtime: imported only when the command runs
    from safecity.pipeline.events import EmittedEvent
    from safecity.pipeline.rules import SceneConfig
    from safecity.video.frame import Frame
    from safecity.vision.detectors.protocol import Detector

DEFAULT_FPS = 10.0


def analyze(
    source: Annotated[str, typer.Argument(help="Video file, file://, rtsp:// or http(s):// address.")],
    model: Annotated[
        Path | None, typer.Option(help="Detector ONNX file (default: the registry's installed detector).")
    ] = None,
    zones: Annotated[
        Path | None, typer.Option(help="YAML/JSON scene file: zones, lines, calibration, motion mask.")
    ] = None,
    fps: Annotated[
        float | None, typer.Option(help="Analyse this many frames per second (default: all).")
    ] = None,
    json_lines: Annotated[
        bool, typer.Option("--json", help="Print events and the summary as JSON lines.")
    ] = False,
    camera: Annotated[str, typer.Option(help="Camera id written into the events.")] = "cli",
    duration: Annotated[
        float | None, typer.Option(help="Stop after this many seconds of video (default: to the end).")
    ] = None,
    motion_gating: Annotated[
        bool, typer.Option(help="Detect only where there is motion (--no-motion-gating: every frame).")
    ] = True,
    models_dir: Annotated[Path | None, typer.Option(help="Model registry folder.")] = None,
) -> None:
    """Run motion gating, detection, tracking and rules on a video and print the events and a summary."""
    from safecity.pipeline.camera import CameraPipeline
    from safecity.pipeline.camera import PipelineSettings
    from safecity.video.sources import SourceError
    from safecity.video.sources import open_source

    if fps is not None and fps <= 0:
        common.fail(f"--fps must be positive, got {fps}", common.ExitCode.USAGE)
    scene = _load_scene(zones)
    detector, reason = _load_detector(model, models_dir)
    try:
        stream = open_source(source, camera, fps=fps)
    except SourceError as error:
        common.fail(f"cannot open source {source!r}: {error}")
    with stream:
        try:
            frames = _limited(iter(stream), duration)
            first = list(itertools.islice(frames, 2))
            if not first:
                common.fail(f"source {source!r} produced no frames")
            settings = PipelineSettings(fps=fps or _estimated_fps(first), motion_gating=motion_gating)
            pipeline = CameraPipeline(camera, detector, scene, settings, no_detector_reason=reason)
            typer.echo(f"{camera}: {pipeline.status.message}", err=True)
            try:
                for frame in itertools.chain(first, frames):
                    for emitted in pipeline.process(frame):
                        _print_event(emitted, json_lines)
            except KeyboardInterrupt:  # a live stream runs until stopped; still close tracks and summarise
                typer.echo("interrupted: closing open tracks", err=True)
            for emitted in pipeline.finish():
                _print_event(emitted, json_lines)
        except SourceError as error:
            common.fail(f"source {source!r} failed: {error}")
    summary = {**pipeline.summary(), "status": pipeline.status.message}
    if json_lines:
        typer.echo(json.dumps({"summary": summary}))
    else:
        typer.echo(f"summary: {json.dumps(summary)}")


def _load_scene(path: Path | None) -> SceneConfig | None:
    from safecity.pipeline.rules import SceneConfigError
    from safecity.pipeline.rules import load_scene_config

    if path is None:
        return None
    try:
        return load_scene_config(path)
    except SceneConfigError as error:
        common.fail(str(error), common.ExitCode.USAGE)


def _load_detector(model: Path | None, models_dir: Path | None) -> tuple[Detector | None, str]:
    """The detector to use and, when there is none, why (shown as the pipeline status)."""
    from safecity.vision.detectors import DetectorError
    from safecity.vision.detectors import DetectorOptions
    from safecity.vision.detectors import OnnxDetector
    from safecity.vision.detectors.installed import find_installed_detector

    options = DetectorOptions()
    if model is None:
        installed, reason = find_installed_detector(models_dir)
        if installed is None:
            return None, reason
        model, options = installed.path, installed.options
    elif not model.is_file():
        common.fail(f"detector model not found: {model}", common.ExitCode.USAGE)
    try:
        return OnnxDetector(model, options), ""
    except DetectorError as error:
        common.fail(str(error), common.ExitCode.USAGE)


def _limited(frames: Iterator[Frame], duration: float | None) -> Iterator[Frame]:
    if duration is None:
        yield from frames
        return
    start: float | None = None
    for frame in frames:
        start = frame.pts if start is None else start
        if frame.pts - start > duration:
            return
        yield frame


def _estimated_fps(first: list[Frame]) -> float:
    if len(first) == 2 and first[1].pts > first[0].pts:
        return 1.0 / (first[1].pts - first[0].pts)
    return DEFAULT_FPS


def _print_event(emitted: EmittedEvent, json_lines: bool) -> None:
    event = emitted.event
    if json_lines:
        typer.echo(event.model_dump_json())
        return
    who = f"{event.object_class} #{event.track_id}" if event.track_id is not None else ""
    details = {key: value for key, value in event.payload.items() if key not in ("path", "box")}
    typer.echo(f"{event.time.isoformat()} {event.type.value:<14} {event.rule or '':<12} {who:<16} {details}")
