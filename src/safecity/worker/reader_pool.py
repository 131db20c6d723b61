"""Plate readers shared by a worker's camera threads.

`PlateReader` serialises its own calls, so one reader shared by every camera runs one read at a time. The
pool creates readers on first use, at most `size` (default: one per CPU core), and lends one per call: a
camera thread waits only when every reader is busy. Measured on 2 cores, two camera threads: one shared
reader 16 reads/s, two readers 24 reads/s; each reader costs about 85 MB (its two onnxruntime sessions).
With `models_dir`, each reader also gets the registry's plate detector (when one is installed): plates are
then found on the vehicles by the detector and OCR runs only on them.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from collections.abc import Sequence
from pathlib import Path

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.plates import PlateReader
from safecity.vision.plates import PlateReaderConfig
from safecity.vision.plates.installed import find_installed_plate_detector
from safecity.vision.plates.reader import PlateRead

log = logging.getLogger(__name__)

ReaderFactory = Callable[[], PlateReader]


def reader_factory(config: PlateReaderConfig, models_dir: Path | None) -> ReaderFactory:
    """New readers with the installed plate detector, or OCR alone (the reason is logged once)."""
    _, reason = find_installed_plate_detector(models_dir, config.threads)
    if reason:
        log.info("ANPR without a plate detector: %s", reason)

    def create() -> PlateReader:
        detector, _ = find_installed_plate_detector(models_dir, config.threads)
        return PlateReader(config, plate_detector=detector)

    return create


class ReaderPool:
    """A `PlateReading` (what `PlateStage` needs) over up to `size` lazily created readers."""

    def __init__(
        self,
        size: int = 0,
        config: PlateReaderConfig | None = None,
        factory: ReaderFactory | None = None,
        models_dir: Path | None = None,
    ) -> None:
        self.size = size if size > 0 else max(1, os.cpu_count() or 1)
        reader_config = config or PlateReaderConfig(threads=1)
        self._factory = factory or reader_factory(reader_config, models_dir)
        self._idle: queue.LifoQueue[PlateReader] = queue.LifoQueue()
        self._created = 0
        self._lock = threading.Lock()

    @property
    def created(self) -> int:
        return self._created

    def read(self, image_bgr: Image, vehicle_boxes: Sequence[PixelBox] | None = None) -> list[PlateRead]:
        reader = self._borrow()
        try:
            return reader.read(image_bgr, vehicle_boxes=vehicle_boxes)
        finally:
            self._idle.put(reader)

    def _borrow(self) -> PlateReader:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            create = self._created < self.size
            if create:
                self._created += 1
        if not create:
            return self._idle.get()
        try:
            return self._factory()  # models load on its first read
        except BaseException:
            with self._lock:
                self._created -= 1
            raise
