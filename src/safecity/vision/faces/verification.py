"""1:1 verification: are the best faces of two images the same person?"""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from safecity.vision.faces.embedding import distance
from safecity.vision.faces.errors import FaceError
from safecity.vision.faces.errors import NoUsableFaceError
from safecity.vision.faces.image_input import ImageSource
from safecity.vision.faces.pipeline import FacePipeline
from safecity.vision.faces.pipeline import FaceResult
from safecity.vision.faces.pipeline import analyse_image
from safecity.vision.faces.pipeline import best_usable_face
from safecity.vision.faces.pipeline import default_pipeline


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """`same` is None (no decision) whenever `error` is set: a missing face is an error, not a "different"."""

    distance: float | None
    same: bool | None
    threshold: float
    error: str | None
    model: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        if self.distance is not None:
            data["distance"] = round(self.distance, 4)
        return data


def primary_face(faces: list[FaceResult], label: str) -> tuple[FaceResult, list[str]]:
    """The face to use from one image, with notes when there was a choice; NoUsableFaceError when none."""
    if not faces:
        raise NoUsableFaceError(f"no face found in {label}")
    chosen = best_usable_face(faces)
    if chosen is None:
        reasons = "; ".join(faces[0].quality.reasons)
        raise NoUsableFaceError(f"no usable face in {label}: {reasons}")
    notes = []
    if len(faces) > 1:
        notes.append(f"{label} has {len(faces)} faces; used the largest usable one at {chosen.box.as_list()}")
    return chosen, notes


def verify(
    image_a: ImageSource,
    image_b: ImageSource,
    *,
    threshold: float | None = None,
    pipeline: FacePipeline | None = None,
    labels: tuple[str, str] = ("A", "B"),
) -> VerificationResult:
    """Compare the best face of each image; `threshold` defaults to the embedding model's calibrated one.

    Unreadable images and images without a usable face give a result with `error` set and no decision.
    """
    pipeline = pipeline or default_pipeline()
    return _decide(
        lambda source: analyse_image(source, pipeline=pipeline),
        (image_a, image_b),
        labels,
        threshold,
        pipeline,
    )


def verify_pairs(
    pairs: Iterable[tuple[Path, Path]],
    *,
    threshold: float | None = None,
    pipeline: FacePipeline | None = None,
    cache_size: int = 512,
) -> Iterator[VerificationResult]:
    """`verify` for many pairs of image files with one pipeline, one result per pair in order.

    An image used by several pairs is analysed once while it stays among the `cache_size` most recent.
    """
    pipeline = pipeline or default_pipeline()

    @functools.lru_cache(maxsize=cache_size)
    def analyse(path: Path) -> list[FaceResult]:
        return analyse_image(path, pipeline=pipeline)

    for first, second in pairs:
        yield _decide(analyse, (first, second), (str(first), str(second)), threshold, pipeline)


def _decide(
    analyse: Callable[[Any], list[FaceResult]],
    sources: tuple[ImageSource, ImageSource],
    labels: tuple[str, str],
    threshold: float | None,
    pipeline: FacePipeline,
) -> VerificationResult:
    limit = threshold if threshold is not None else pipeline.embedder.model.threshold
    notes: list[str] = []
    chosen = []
    try:
        for source, label in zip(sources, labels, strict=True):
            face, face_notes = primary_face(analyse(source), label)
            chosen.append(face)
            notes.extend(face_notes)
    except FaceError as error:
        return VerificationResult(None, None, limit, str(error), None, notes)
    first, second = chosen[0].embedding, chosen[1].embedding
    assert first is not None
    assert second is not None
    dist = distance(first, second)
    return VerificationResult(dist, dist <= limit, limit, None, first.model_id, notes)
