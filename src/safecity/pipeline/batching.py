"""Run several cameras' pipelines in lock step so that one detector call serves all their frames."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping

from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import DetectionRequest
from safecity.pipeline.events import EmittedEvent
from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.vision.detectors.protocol import Detector


class MultiCameraRunner:
    """Takes one frame from each camera per round, detects all their regions in one batch, then tracks and
    applies rules per camera. Cameras whose streams end drop out; the rest carry on."""

    def __init__(self, detector: Detector, pipelines: Mapping[str, CameraPipeline]) -> None:
        for camera_id, pipeline in pipelines.items():
            if pipeline.detector is not detector:
                raise ValueError(f"camera {camera_id}: its pipeline must use the runner's shared detector")
        self.detector = detector
        self.pipelines = dict(pipelines)
        self.batches = 0

    def run(self, streams: Mapping[str, Iterable[Frame]]) -> Iterator[EmittedEvent]:
        unknown = sorted(set(streams) - set(self.pipelines))
        if unknown:
            raise ValueError(f"no pipeline for cameras {unknown}")
        iterators = {camera_id: iter(frames) for camera_id, frames in streams.items()}
        while iterators:
            requests: list[tuple[CameraPipeline, DetectionRequest]] = []
            for camera_id, frames in list(iterators.items()):
                frame = next(frames, None)
                if frame is None:
                    del iterators[camera_id]
                    yield from self.pipelines[camera_id].finish()
                    continue
                pipeline = self.pipelines[camera_id]
                requests.append((pipeline, pipeline.prepare(frame)))
            yield from self._detect_and_complete(requests)

    def _detect_and_complete(
        self, requests: list[tuple[CameraPipeline, DetectionRequest]]
    ) -> Iterator[EmittedEvent]:
        crops: list[Image] = [crop for _, request in requests for crop in request.crops]
        results = self.detector.detect_batch(crops) if crops else []
        if crops:
            self.batches += 1
        offset = 0
        for pipeline, request in requests:
            count = len(request.crops)
            yield from pipeline.complete(request, results[offset : offset + count])
            offset += count
