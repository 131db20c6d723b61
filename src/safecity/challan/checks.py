"""Helmet / seat-belt checks: a pluggable image classifier judged on the crop of a finished vehicle track.

`ImageClassifier` is the interface (label → probability for one BGR crop); `OnnxImageClassifier` runs any
ONNX classifier taking a 1×3×H×W float input (RGB, 0..1) and giving one score per label (logits are
soft-maxed). A `ViolationCheck` says which object classes it applies to and which label is the violation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
import onnxruntime as ort

from safecity.challan.vocabulary import ViolationType
from safecity.config.challan import ClassifierSettings


class ImageClassifier(Protocol):
    def classify(self, image: np.ndarray) -> dict[str, float]: ...


class OnnxImageClassifier:
    def __init__(self, path: Path, labels: Sequence[str], input_size: tuple[int, int] = (64, 64)) -> None:
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.input_name = self.session.get_inputs()[0].name
        self.labels = list(labels)
        self.input_size = input_size

    def classify(self, image: np.ndarray) -> dict[str, float]:
        resized = cv2.resize(image, self.input_size, interpolation=cv2.INTER_AREA)
        rgb = cv2.cvtColor(resized, cv2.COLOR_BGR2RGB).astype(np.float32) / 255.0
        tensor = np.ascontiguousarray(rgb.transpose(2, 0, 1)[np.newaxis])
        output = np.asarray(self.session.run(None, {self.input_name: tensor})[0], dtype=np.float64).reshape(
            -1
        )
        if output.size != len(self.labels):
            raise ValueError(f"classifier gave {output.size} scores for {len(self.labels)} labels")
        if output.min() < 0 or not np.isclose(output.sum(), 1.0, atol=1e-3):
            exp = np.exp(output - output.max())
            output = exp / exp.sum()
        return {label: float(score) for label, score in zip(self.labels, output, strict=True)}


@dataclass(frozen=True)
class ViolationCheck:
    violation: ViolationType
    classes: frozenset[str]
    classifier: ImageClassifier
    violation_label: str
    threshold: float

    def applies_to(self, object_class: str | None) -> bool:
        return object_class in self.classes

    def judge(self, image: np.ndarray) -> float | None:
        """The violation's score when it reaches the threshold, else None."""
        score = self.classifier.classify(image).get(self.violation_label, 0.0)
        return score if score >= self.threshold else None


def load_checks(settings: Sequence[ClassifierSettings]) -> list[ViolationCheck]:
    return [
        ViolationCheck(
            violation=ViolationType(item.check),
            classes=frozenset(item.classes),
            classifier=OnnxImageClassifier(item.model, item.labels, item.input_size),
            violation_label=item.violation_label,
            threshold=item.threshold,
        )
        for item in settings
    ]
