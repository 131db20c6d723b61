"""Whole 720p street scenes with vehicles carrying plates, labelled by construction.

Each vehicle is a drawn car (body, windscreen, lights, wheels) with a plate image warped onto its bumper
(slight perspective, scale from the vehicle's width); the scene then gets blur, noise and a light change.
The plate image is any crop: a drawn one from `synthetic.py` or a real photo from the shared sets.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.video.synthetic_plates import draw_car

SIZE = (720, 1280)


@dataclass(frozen=True, slots=True)
class SceneVehicle:
    box: PixelBox  # the vehicle, as an object detector would box it
    plate_box: PixelBox  # the plate's bounding box in the frame
    plate_key: str | None  # series + number, None for a vehicle without a plate


@dataclass(frozen=True, slots=True)
class Scene:
    image: Image
    vehicles: tuple[SceneVehicle, ...]


def _background(rng: np.random.Generator) -> Image:
    height, width = SIZE
    road = np.linspace(70, 140, height, dtype=np.float32)[:, None, None] * np.ones((1, width, 3), np.float32)
    frame = road + rng.normal(0, 6, (height, width, 3))
    for _ in range(6):  # buildings, kerbs and signs: edges and text-free clutter
        x, y = int(rng.integers(0, width - 200)), int(rng.integers(0, height // 3))
        colour = rng.integers(40, 200, 3).tolist()
        cv2.rectangle(
            frame, (x, y), (x + int(rng.integers(80, 300)), y + int(rng.integers(40, 160))), colour, -1
        )
    return np.asarray(frame.clip(0, 255), dtype=np.uint8)


def _paste_plate(
    frame: Image, plate: Image, centre: tuple[int, int], width: int, rng: np.random.Generator
) -> PixelBox:
    height = max(1, round(plate.shape[0] * width / plate.shape[1]))
    source = np.array(
        [[0, 0], [plate.shape[1], 0], [plate.shape[1], plate.shape[0]], [0, plate.shape[0]]], np.float32
    )
    cx, cy = centre
    jitter = rng.uniform(-0.04, 0.04, (4, 2)) * [width, height]
    target = (
        np.array(
            [
                [-width / 2, -height / 2],
                [width / 2, -height / 2],
                [width / 2, height / 2],
                [-width / 2, height / 2],
            ]
        )
        + jitter
        + [cx, cy]
    ).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(plate, matrix, (frame.shape[1], frame.shape[0]), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(
        np.full(plate.shape[:2], 255, np.uint8), matrix, (frame.shape[1], frame.shape[0])
    )
    frame[mask > 127] = warped[mask > 127]
    x1, y1 = np.floor(target.min(axis=0)).astype(int)
    x2, y2 = np.ceil(target.max(axis=0)).astype(int)
    return int(x1), int(y1), int(x2), int(y2)


def street_with_vehicles(
    plates: list[tuple[Image | None, str | None]], seed: int, plate_share: float = 0.3
) -> Scene:
    """One scene with a vehicle per (plate image, plate key) side by side; a None image means no plate.

    `plate_share` is the plate's width as a share of the vehicle's width (about 0.3 for a car seen front on).
    """
    rng = np.random.default_rng(seed)
    frame = _background(rng)
    slot = SIZE[1] // max(1, len(plates))
    vehicles = []
    for index, (plate, key) in enumerate(plates):
        width = int(min(slot - 40, rng.integers(260, 440)))
        height = int(width * rng.uniform(0.7, 0.85))
        x1 = index * slot + int(rng.integers(10, max(11, slot - width - 10)))
        y1 = int(rng.integers(SIZE[0] // 3, SIZE[0] - height - 10))
        box = (x1, y1, x1 + width, y1 + height)
        draw_car(frame, box, rng.integers(20, 230, 3).tolist())
        plate_box: PixelBox = (0, 0, 0, 0)
        if plate is not None:
            centre = (
                x1 + width // 2 + int(rng.integers(-width // 10, width // 10 + 1)),
                y1 + int(height * 0.72),
            )
            plate_box = _paste_plate(
                frame, plate, centre, int(width * plate_share * rng.uniform(0.9, 1.1)), rng
            )
        vehicles.append(SceneVehicle(box, plate_box, key if plate is not None else None))
    frame = cv2.GaussianBlur(frame, (0, 0), float(rng.uniform(0.3, 1.0)))
    gain = float(rng.uniform(0.75, 1.15))
    frame = np.asarray(
        (frame.astype(np.float32) * gain + rng.normal(0, 3, frame.shape)).clip(0, 255), np.uint8
    )
    return Scene(frame, tuple(vehicles))
