"""The demo's traffic camera: a signalised approach at Regal Chowk, rendered with OpenCV at first start.

Cars with drawn Pakistani plates drive towards the camera and cross a stop line below a signal head that
cycles green → amber → red. Two cars pass on green; the third runs the red. The clip is one signal cycle
long, so it loops without a jump in the phase. Nothing is downloaded.

Without a detector model the worker tracks moving blobs (label `motion`); the scene's red-light rule takes
that label as well and reads the phase from the lamps in the picture (`SignalConfig.lamps`), because a file
that loops cannot follow a wall-clock schedule. docs/demo.md explains the choice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from safecity.cameras.samples import looping_camera
from safecity.config import CameraSettings
from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.video.synthetic import write_h264
from safecity.video.synthetic_plates import draw_car
from safecity.video.synthetic_plates import punjab_plate

log = logging.getLogger(__name__)

WIDTH, HEIGHT, FPS = 1280, 720, 10.0
CLIP_VERSION = 1  # bump when the drawing changes: the clip in a data directory is then rendered again
# One signal cycle: (phase, seconds). The clip is exactly one cycle long.
CYCLE: tuple[tuple[str, float], ...] = (("green", 12.0), ("amber", 3.0), ("red", 15.0))
CYCLE_SECONDS = sum(seconds for _, seconds in CYCLE)
STOP_LINE_Y = 0.6  # of the height
LAMPS = {"red": (1180, 72), "amber": (1180, 122), "green": (1180, 172)}  # pixels
LAMP_RADIUS = 18
SIGNAL_HEAD: PixelBox = (1148, 40, 1212, 204)
CAR_SIZE = (400, 300)
PLATE_SCALE = 0.55
LANES = (450.0, 830.0)  # x of each lane's centre
SIGNAL_NAME = "regal-chowk-south"


@dataclass(frozen=True, slots=True)
class TrafficCar:
    """A car with a Punjab plate driving down `lane` from above the picture to below it."""

    series: str
    year: str
    number: str
    lane: int
    enters: float  # seconds into the cycle
    leaves: float
    colour: tuple[int, int, int]  # BGR

    @property
    def plate_text(self) -> str:
        return f"{self.series}-{self.year}-{self.number}"

    def box_at(self, t: float) -> PixelBox | None:
        if not self.enters <= t <= self.leaves:
            return None
        progress = (t - self.enters) / (self.leaves - self.enters)
        width, height = CAR_SIZE
        centre_y = -height / 2 + progress * (HEIGHT + height)
        centre_x = LANES[self.lane]
        return (
            round(centre_x - width / 2),
            round(centre_y - height / 2),
            round(centre_x + width / 2),
            round(centre_y + height / 2),
        )


# Two cars pass on green, the third crosses the stop line about four seconds into the red.
CARS = (
    TrafficCar("LEB", "06", "5700", 0, 0.5, 7.0, (160, 60, 30)),
    TrafficCar("LED", "19", "4417", 1, 4.5, 11.0, (40, 40, 170)),
    TrafficCar("LEC", "22", "8361", 0, 15.5, 22.0, (40, 140, 200)),
)
HOTLIST_PLATE = CARS[1].plate_text  # the demo's hotlist holds this one: its every pass is a hit
RED_LIGHT_PLATE = CARS[2].plate_text

TRAFFIC_SITE = ("lhr-regal-chowk", "Regal Chowk signal (The Mall)", 31.5627, 74.3167, "Lahore", "Mall Road")


def phase_at(t: float) -> str:
    """The signal's phase `t` seconds into the clip."""
    position = t % CYCLE_SECONDS
    for phase, seconds in CYCLE:
        if position < seconds:
            return phase
        position -= seconds
    return CYCLE[-1][0]


def _normalised(x: float, y: float) -> list[float]:
    return [round(x / WIDTH, 4), round(y / HEIGHT, 4)]


def traffic_scene() -> dict[str, object]:
    """The camera's scene: the stop line with its lamps, and the signal head masked from motion."""
    x1, _, x2, y2 = SIGNAL_HEAD
    return {
        "signals": [
            {
                "name": SIGNAL_NAME,
                "start": [0.15, STOP_LINE_Y],
                "end": [0.85, STOP_LINE_Y],
                "direction": "in",
                "classes": ["car", "bus", "truck", "motorcycle", "motion"],
                "lamps": {
                    "red": _normalised(*LAMPS["red"]),
                    "amber": _normalised(*LAMPS["amber"]),
                    "green": _normalised(*LAMPS["green"]),
                    "radius": LAMP_RADIUS // 3,
                },
            }
        ],
        "motion_mask": [
            [
                _normalised(x1 - 8, 0),
                _normalised(x2 + 8, 0),
                _normalised(x2 + 8, y2 + 8),
                _normalised(x1 - 8, y2 + 8),
            ]
        ],
    }


def _background() -> Image:
    rng = np.random.default_rng(7)
    frame = np.full((HEIGHT, WIDTH, 3), 95, np.uint8)
    frame[:, :180] = (80, 120, 90)  # verges
    frame[:, 1100:] = (80, 120, 90)
    cv2.rectangle(frame, (180, 0), (240, HEIGHT), (150, 150, 150), -1)  # pavements
    cv2.rectangle(frame, (1040, 0), (1100, HEIGHT), (150, 150, 150), -1)
    for y in range(0, HEIGHT, 80):  # lane divider
        cv2.rectangle(frame, (636, y), (644, y + 40), (230, 230, 230), -1)
    stop = round(STOP_LINE_Y * HEIGHT)
    cv2.rectangle(frame, (240, stop - 5), (1040, stop + 5), (240, 240, 240), -1)
    for x in range(260, 1030, 60):  # zebra crossing beyond the stop line
        cv2.rectangle(frame, (x, stop + 30), (x + 30, stop + 90), (220, 220, 220), -1)
    cv2.rectangle(frame, (1176, 204), (1184, HEIGHT), (70, 70, 70), -1)  # signal pole
    cv2.rectangle(frame, SIGNAL_HEAD[:2], SIGNAL_HEAD[2:], (30, 30, 30), -1)
    noise = rng.normal(0, 3, frame.shape)
    return np.asarray(np.clip(frame + noise, 0, 255), np.uint8)


LIT = {"red": (40, 40, 255), "amber": (0, 190, 255), "green": (80, 255, 60)}


def _draw_signal(frame: Image, phase: str) -> None:
    for name, centre in LAMPS.items():
        colour = LIT[name] if name == phase else (55, 55, 55)
        cv2.circle(frame, centre, LAMP_RADIUS, colour, -1, cv2.LINE_AA)


def _plate(car: TrafficCar) -> Image:
    plate = punjab_plate(car.series, car.year, car.number)
    return np.asarray(
        cv2.resize(plate, None, fx=PLATE_SCALE, fy=PLATE_SCALE, interpolation=cv2.INTER_AREA), np.uint8
    )


def _paste(frame: Image, picture: Image, left: int, top: int) -> None:
    """Paste `picture` with its top-left corner at (left, top), cut to the frame."""
    height, width = picture.shape[:2]
    x1, y1 = max(0, left), max(0, top)
    x2, y2 = min(frame.shape[1], left + width), min(frame.shape[0], top + height)
    if x2 > x1 and y2 > y1:
        frame[y1:y2, x1:x2] = picture[y1 - top : y2 - top, x1 - left : x2 - left]


def render_frames() -> Iterator[Image]:
    """One signal cycle at FPS."""
    background = _background()
    plates = [(car, _plate(car)) for car in CARS]
    for index in range(round(CYCLE_SECONDS * FPS)):
        t = index / FPS
        frame = background.copy()
        for car, plate in plates:
            box = car.box_at(t)
            if box is None:
                continue
            draw_car(frame, box, car.colour)
            x1, _, x2, y2 = box
            height = y2 - box[1]
            _paste(frame, plate, (x1 + x2 - plate.shape[1]) // 2, y2 - height // 8 - plate.shape[0] - 6)
        _draw_signal(frame, phase_at(t))
        yield frame


def traffic_clip(data_dir: Path) -> Path:
    """The rendered clip in `data_dir/samples` (rendered once per data directory)."""
    folder = data_dir / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    clip = folder / f"regal-chowk-v{CLIP_VERSION}.mp4"
    if not clip.exists():
        log.info("rendering the traffic sample clip %s", clip)
        partial = clip.with_suffix(".partial.mp4")
        write_h264(partial, render_frames(), FPS, gop_seconds=1.0, crf=23)
        partial.replace(clip)
    return clip


def traffic_camera(data_dir: Path) -> CameraSettings:
    return looping_camera(
        TRAFFIC_SITE, traffic_clip(data_dir), analytics_profile="traffic+motion", scene=traffic_scene()
    )
