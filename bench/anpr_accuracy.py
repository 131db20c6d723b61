"""ANPR accuracy on the shared plate sets and on generated whole scenes (labelled by construction).

- `plates_pk_crops`: the 68 real Pakistani crops (`read_crop`), series + number exact.
- `us_crops`: the 751 real US crops, plate text exact (no format is forced: US plates read as "unknown").
- `scenes_*`: 720p scenes from tests/vision/plates/scenes.py with two cars each carrying a real crop (pk or
  US) or a drawn plate, plus a car without a plate; the reader gets the cars' boxes. A vehicle counts as
  right when a read's key equals the label; `no_plate_false_reads` counts reads on the plate-less cars.
  Measured with the plate detector and with OCR alone.

Prints one JSON object. Run: .venv/bin/python bench/anpr_accuracy.py [--quick]
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.vision.plates.scenes import street_with_vehicles
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import sindh_plate

from safecity.vision.plates import PlateReader
from safecity.vision.plates import PlateReaderConfig
from safecity.vision.plates.plate_detector import open_plate_detector

SHARED = Path(os.environ.get("SAFECITY_SHARED_DIR", "/work/shared"))
Labelled = list[tuple[np.ndarray, str]]


def pk_crops() -> Labelled:
    folder = SHARED / "data/plates-pk"
    lines = [line for line in (folder / "labels.tsv").read_text().splitlines() if line and line[0] != "#"][1:]
    rows = [line.split("\t") for line in lines]
    return [(cv2.imread(str(folder / "images" / row[0])), row[1] + row[3]) for row in rows]


def us_crops(step: int) -> Labelled:
    folder = SHARED / "data/plates"
    with (folder / "groundtruth.csv").open() as handle:
        rows = list(csv.reader(handle))[::step]
    return [(cv2.imread(str(folder / "usimages" / row[0])), row[2].upper()) for row in rows]


def drawn(count: int) -> Labelled:
    rng = np.random.default_rng(5)
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    plates: Labelled = []
    for index in range(count):
        series = "".join(rng.choice(list(letters), 3))
        number = str(int(rng.integers(100, 9999)))
        if index % 2:
            plates.append((sindh_plate(series, number[:3]), series + number[:3]))
        else:
            plates.append((punjab_plate(series, f"{int(rng.integers(0, 25)):02d}", number), series + number))
    return plates


def crop_accuracy(reader: PlateReader, crops: Labelled) -> dict[str, object]:
    right = sum((read := reader.read_crop(image)) is not None and read.key == key for image, key in crops)
    return {"right": right, "of": len(crops), "share": round(right / len(crops), 4)}


def scene_accuracy(reader: PlateReader, plates: Labelled) -> dict[str, object]:
    right = false_reads = 0
    for index in range(0, len(plates) - 1, 2):
        scene = street_with_vehicles([plates[index], plates[index + 1], (None, None)], seed=index)
        for vehicle in scene.vehicles:
            keys = [read.key for read in reader.read(scene.image, vehicle_boxes=[vehicle.box])]
            if vehicle.plate_key is None:
                false_reads += bool(keys)
            else:
                right += vehicle.plate_key in keys
    total = 2 * (len(plates) // 2)
    return {
        "right": right,
        "of": total,
        "share": round(right / total, 4),
        "no_plate_false_reads": false_reads,
    }


def main() -> None:
    quick = "--quick" in sys.argv
    detector = open_plate_detector(SHARED / "models/y5fu_320x_sim.onnx", "y5fu")
    with_detector = PlateReader(PlateReaderConfig(threads=1), plate_detector=detector)
    ocr_only = PlateReader(PlateReaderConfig(threads=1))
    ocr_only._detector, ocr_only._recognizer = with_detector.detector, with_detector.recognizer
    pk, us, synthetic = pk_crops(), us_crops(8 if quick else 1), drawn(20 if quick else 60)
    result: dict[str, object] = {
        "benchmark": "anpr_accuracy",
        "plates_pk_crops": crop_accuracy(with_detector, pk),
        "us_crops": crop_accuracy(with_detector, us),
    }
    for name, plates in (("pk", pk), ("us", us_crops(16 if quick else 5)), ("drawn", synthetic)):
        result[f"scenes_{name}"] = {
            "with_plate_detector": scene_accuracy(with_detector, plates),
            "ocr_only": scene_accuracy(ocr_only, plates),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
