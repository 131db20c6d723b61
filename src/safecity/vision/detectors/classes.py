"""Class maps: which model class ids the platform keeps, and the names it gives them."""

from __future__ import annotations

from collections.abc import Mapping

COCO_NAMES: tuple[str, ...] = (
    "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
    "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
    "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
    "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
    "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
    "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
    "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard",
    "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase",
    "scissors", "teddy bear", "hair drier", "toothbrush",
)  # fmt: skip

STREET_CLASSES: tuple[str, ...] = ("person", "bicycle", "car", "motorcycle", "bus", "truck")
#: Things people carry and leave behind: what the abandoned/removed object rules watch.
CARRIED_CLASSES: tuple[str, ...] = ("backpack", "handbag", "suitcase")
#: What a detector keeps by default; the camera pipeline drops carried objects no rule of its scene watches.
DEFAULT_CLASSES: tuple[str, ...] = STREET_CLASSES + CARRIED_CLASSES


def coco_class_map(keep: tuple[str, ...] = DEFAULT_CLASSES) -> dict[int, str]:
    """COCO class id → name for the classes in `keep` (default: the street and carried classes it needs)."""
    unknown = sorted(set(keep) - set(COCO_NAMES))
    if unknown:
        raise ValueError(f"not COCO class names: {unknown}")
    return {index: name for index, name in enumerate(COCO_NAMES) if name in keep}


def validate_class_map(class_map: Mapping[int, str], num_classes: int) -> dict[int, str]:
    """Check that every id fits the model's class count; returns a plain dict copy."""
    bad = sorted(index for index in class_map if not 0 <= index < num_classes)
    if bad:
        raise ValueError(f"class map ids {bad} are outside the model's {num_classes} classes")
    return dict(class_map)
