"""The API node's re-id models (loaded on first search from the model registry) and the consumer start-up."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated

import numpy as np
from fastapi import Depends

from safecity.core.errors import SafecityError
from safecity.core.http.deps import runtime_dependency
from safecity.core.http.services import Services
from safecity.persons_search.consumer import AppearanceConsumer
from safecity.vision.detectors import DetectorError
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors.installed import find_installed_detector
from safecity.vision.reid import PersonReidEmbedder
from safecity.vision.reid import ReidModelError
from safecity.vision.reid import find_reid_model
from safecity.vision.reid import person_crop


class ReidUnavailableError(SafecityError):
    """This node cannot search by appearance (no re-id or detector model installed); the message says why."""

    status_code = 503
    code = "reid_unavailable"


class PersonProbe:
    """Turns an uploaded image into an appearance vector: the largest person the detector finds, embedded.

    Both models come from the node's model registry on first use; without them searches are refused (503)
    with the reason, and everything else keeps working."""

    def __init__(self, models_dir: Path | None) -> None:
        self.models_dir = models_dir
        self._lock = threading.Lock()
        self._embedder: PersonReidEmbedder | None = None
        self._detector: OnnxDetector | None = None

    def embedder(self) -> PersonReidEmbedder:
        with self._lock:
            if self._embedder is None:
                path, reason = find_reid_model(self.models_dir)
                if path is None:
                    raise ReidUnavailableError(reason)
                try:
                    self._embedder = PersonReidEmbedder(path)
                except ReidModelError as error:
                    raise ReidUnavailableError(str(error)) from error
            return self._embedder

    def detector(self) -> OnnxDetector:
        with self._lock:
            if self._detector is None:
                installed, reason = find_installed_detector(self.models_dir)
                if installed is None:
                    raise ReidUnavailableError(f"cannot find the person in an upload: {reason}")
                try:
                    self._detector = OnnxDetector(installed.path, installed.options)
                except DetectorError as error:
                    raise ReidUnavailableError(f"detector {installed.name} unusable ({error})") from error
            return self._detector

    def vector(self, image: np.ndarray) -> np.ndarray:
        """The appearance vector of the image's largest person; `NoPersonError` with the reason when none."""
        embedder = self.embedder()
        crop = person_crop(image, self.detector().detect(image))
        return embedder.embed(crop)


PersonProbeDep = Annotated[PersonProbe, Depends(runtime_dependency(PersonProbe))]


async def start_persons_search(services: Services) -> None:
    await AppearanceConsumer(services.database, services.bus).start()
