"""Object detectors (ONNX Runtime, YOLOX and YOLOv8/YOLO11 outputs) and their detections."""

from safecity.vision.detectors.classes import COCO_NAMES
from safecity.vision.detectors.classes import STREET_CLASSES
from safecity.vision.detectors.classes import coco_class_map
from safecity.vision.detectors.decoding import OutputFormat
from safecity.vision.detectors.decoding import decode_yolov8
from safecity.vision.detectors.decoding import decode_yolox
from safecity.vision.detectors.decoding import select_detections
from safecity.vision.detectors.letterbox import Letterbox
from safecity.vision.detectors.letterbox import Placement
from safecity.vision.detectors.letterbox import letterbox_batch
from safecity.vision.detectors.onnx import DetectorError
from safecity.vision.detectors.onnx import DetectorOptions
from safecity.vision.detectors.onnx import OnnxDetector
from safecity.vision.detectors.onnx import choose_providers
from safecity.vision.detectors.protocol import Detector
from safecity.vision.detectors.types import Detections

__all__ = [
    "COCO_NAMES",
    "STREET_CLASSES",
    "Detections",
    "Detector",
    "DetectorError",
    "DetectorOptions",
    "Letterbox",
    "OnnxDetector",
    "OutputFormat",
    "Placement",
    "choose_providers",
    "coco_class_map",
    "decode_yolov8",
    "decode_yolox",
    "letterbox_batch",
    "select_detections",
]
