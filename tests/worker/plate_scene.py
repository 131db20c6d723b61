"""A synthetic street for live-ANPR tests: a SyntheticScene car box carrying a readable Punjab plate."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from tests.vision.plates.synthetic import punjab_plate

START = 1_700_000_000.0


@dataclass(frozen=True, slots=True)
class PlatedCar:
    """A car (SyntheticScene object) with a plate pasted at the bottom centre of its box."""

    car: MovingObject
    series: str = "LEB"
    year: str = "06"
    number: str = "5700"
    plate_scale: float = 0.6

    @property
    def text(self) -> str:
        return f"{self.series}-{self.year}-{self.number}"

    def plate(self) -> Image:
        plate = punjab_plate(self.series, self.year, self.number)
        return np.asarray(
            cv2.resize(plate, None, fx=self.plate_scale, fy=self.plate_scale, interpolation=cv2.INTER_AREA),
            dtype=np.uint8,
        )


def driving_down(
    duration: float = 4.0, width: int = 1280, height: int = 720, fps: float = 5.0, **plate: object
) -> tuple[SyntheticScene, PlatedCar]:
    """A 720p scene (by default) where one plated car drives from the top to the bottom of the picture."""
    car = MovingObject(
        "car",
        (round(width * 0.33), round(height * 0.42)),
        (width * 0.5, height * 0.2),
        (width * 0.5, height * 0.85),
        0.4,
        duration - 0.2,
    )
    scene = SyntheticScene(width=width, height=height, fps=fps, duration=duration, objects=[car], seed=3)
    return scene, PlatedCar(car, **plate)  # type: ignore[arg-type]


def plated_frames(scene: SyntheticScene, cars: list[PlatedCar], camera_id: str) -> Iterator[Frame]:
    """The scene's frames with each car's plate drawn on its box (its bottom centre)."""
    plates = [(car, car.plate()) for car in cars]
    for frame in scene.frames(camera_id):
        image = frame.image
        for car, plate in plates:
            box = car.car.box_at(frame.pts)
            if box is None:
                continue
            x1, _, x2, y2 = box
            h, w = plate.shape[:2]
            left, top = (x1 + x2 - w) // 2, y2 - h - 12
            if left >= 0 and top >= 0 and left + w <= image.shape[1] and top + h <= image.shape[0]:
                image[top : top + h, left : left + w] = plate
        yield frame
