"""Object detectors (ONNX Runtime, YOLOX and YOLOv8/YOLO11 outputs) and their detections."""

from safecity.vision.detectors.classes import COCO_NAMES, STREET_CLASSES, coco_class_map
from safecity.vision.detectors.decoding import OutputFormat, decode_yolov8, decode_yolox, select_detections
from safecity.vision.detectors.letterbox import Letterbox, Placement, letterbox_batch
from safecity.vision.detectors.onnx import DetectorError, DetectorOptions, OnnxDetector, choose_providers
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
