"""Object detection with ONNX Runtime for YOLOX and YOLOv8/YOLO11-style exports."""

from __future__ import annotations

import ast
import logging
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort

from safecity.vision.detectors.classes import COCO_NAMES
from safecity.vision.detectors.classes import DEFAULT_CLASSES
from safecity.vision.detectors.classes import coco_class_map
from safecity.vision.detectors.classes import validate_class_map
from safecity.vision.detectors.decoding import OutputFormat
from safecity.vision.detectors.decoding import decode_yolov8
from safecity.vision.detectors.decoding import decode_yolox
from safecity.vision.detectors.decoding import select_detections
from safecity.vision.detectors.decoding import yolox_anchor_count
from safecity.vision.detectors.letterbox import Placement
from safecity.vision.detectors.letterbox import letterbox_batch
from safecity.vision.detectors.types import Detections

log = logging.getLogger(__name__)

PREFERRED_PROVIDERS = ("CUDAExecutionProvider", "OpenVINOExecutionProvider", "CPUExecutionProvider")


class DetectorError(RuntimeError):
    """The model file cannot be used as an object detector."""


@dataclass(frozen=True, slots=True)
class DetectorOptions:
    """How to run and read a detector model. `None` fields are worked out from the model."""

    output_format: OutputFormat | None = None
    class_map: Mapping[int, str] | None = None
    score_threshold: float = 0.3
    iou_threshold: float = 0.45
    providers: Sequence[str] | None = None
    threads: int | None = None


def choose_providers(requested: Sequence[str] | None = None) -> list[str]:
    """The execution providers to use: the requested ones, else CUDA/OpenVINO when present, then CPU."""
    available = ort.get_available_providers()
    if requested:
        missing = [name for name in requested if name not in available]
        if missing:
            raise DetectorError(f"execution providers {missing} are not available (have {available})")
        return list(requested)
    return [name for name in PREFERRED_PROVIDERS if name in available]


class OnnxDetector:
    """A YOLO-family detector. `detect_batch` stacks images into one run when the model's batch is dynamic."""

    def __init__(self, model_path: str | Path, options: DetectorOptions | None = None) -> None:
        self.options = options or DetectorOptions()
        path = Path(model_path)
        if not path.is_file():
            raise DetectorError(f"detector model not found: {path}")
        session_options = ort.SessionOptions()
        if self.options.threads:
            session_options.intra_op_num_threads = self.options.threads
            session_options.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(
                str(path), sess_options=session_options, providers=choose_providers(self.options.providers)
            )
        except Exception as error:  # onnxruntime raises several private exception types
            raise DetectorError(f"cannot load {path} as an ONNX model: {error}") from error
        self.name = path.name
        model_input = self.session.get_inputs()[0]
        self.input_name = model_input.name
        shape = model_input.shape
        if len(shape) != 4 or not isinstance(shape[2], int) or not isinstance(shape[3], int):
            raise DetectorError(f"{path.name}: expected a static NCHW image input, got shape {shape}")
        self.input_size: tuple[int, int] = (shape[2], shape[3])
        self.dynamic_batch = not isinstance(shape[0], int)
        metadata = self.session.get_modelmeta().custom_metadata_map
        self.output_format = self.options.output_format or self._guess_format(metadata)
        model_names = _ultralytics_names(metadata)
        self.num_classes = len(model_names) if model_names else self._num_classes()
        self.class_map = self._class_map(model_names)
        self.providers = self.session.get_providers()
        log.info(
            "detector %s: %s, input %s, providers %s", self.name, self.output_format, shape, self.providers
        )

    def detect(self, image: np.ndarray) -> Detections:
        return self.detect_batch([image])[0]

    def detect_batch(self, images: Sequence[np.ndarray]) -> list[Detections]:
        """Detect in several images (crops or frames from several cameras); one result per image."""
        if not images:
            return []
        yolox = self.output_format is OutputFormat.YOLOX
        # YOLOX (since 0.1.1rc0) takes BGR 0..255, top-left placed; Ultralytics RGB 0..1, centred.
        batch, placements = letterbox_batch(
            images,
            self.input_size,
            Placement.TOP_LEFT if yolox else Placement.CENTER,
            rgb=not yolox,
            scale=1.0 if yolox else 1 / 255,
        )
        if self.dynamic_batch:
            outputs = list(self.session.run(None, {self.input_name: batch})[0])
        else:
            outputs = [
                self.session.run(None, {self.input_name: batch[index : index + 1]})[0][0]
                for index in range(len(images))
            ]
        results = []
        for image, box, raw in zip(images, placements, outputs, strict=True):
            boxes, class_scores = self._decode(raw)
            kept_boxes, scores, labels = select_detections(
                boxes, class_scores, self.class_map, self.options.score_threshold, self.options.iou_threshold
            )
            height, width = image.shape[:2]
            results.append(Detections(box.restore(kept_boxes, width, height), scores, tuple(labels)))
        return results

    def _decode(self, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self.output_format is OutputFormat.YOLOX:
            # A class score is objectness × class probability, so rows below the threshold in objectness
            # cannot give a detection: they are not decoded at all.
            return decode_yolox(raw, self.input_size, min_objectness=self.options.score_threshold)
        return decode_yolov8(raw, self.num_classes)

    def _guess_format(self, metadata: Mapping[str, str]) -> OutputFormat:
        if "names" in metadata:  # Ultralytics writes its class names into the model metadata
            return OutputFormat.YOLOV8
        out_shape = self.session.get_outputs()[0].shape
        if len(out_shape) == 3 and out_shape[1] == yolox_anchor_count(self.input_size):
            return OutputFormat.YOLOX
        if len(out_shape) == 3:
            return OutputFormat.YOLOV8
        raise DetectorError(f"{self.name}: cannot tell the output format from output shape {out_shape}")

    def _num_classes(self) -> int:
        out_shape = self.session.get_outputs()[0].shape
        if self.output_format is OutputFormat.YOLOX:
            channels = out_shape[-1]
            if not isinstance(channels, int):
                raise DetectorError(f"{self.name}: YOLOX output has a dynamic class axis {out_shape}")
            return channels - 5
        static = [dim for dim in out_shape[1:] if isinstance(dim, int)]
        if not static:
            raise DetectorError(f"{self.name}: YOLOv8 output shape {out_shape} has no static channel axis")
        return min(static) - 4  # the class axis is the short one in any real export (84 vs 8400)

    def _class_map(self, model_names: dict[int, str] | None) -> dict[int, str]:
        if self.options.class_map is not None:
            return validate_class_map(self.options.class_map, self.num_classes)
        if model_names is not None:
            return {index: name for index, name in model_names.items() if name in DEFAULT_CLASSES}
        if self.num_classes == len(COCO_NAMES):
            return coco_class_map()
        raise DetectorError(
            f"{self.name}: model has {self.num_classes} classes and no class names; pass a class map"
        )


def _ultralytics_names(metadata: Mapping[str, str]) -> dict[int, str] | None:
    text = metadata.get("names")
    if text is None:
        return None
    try:
        names = ast.literal_eval(text)
    except (ValueError, SyntaxError) as error:
        raise DetectorError(f"model metadata 'names' is not a class dictionary: {text[:80]!r}") from error
    return {int(index): str(name) for index, name in dict(names).items()}
