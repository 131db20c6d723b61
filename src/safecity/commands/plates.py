"""`safecity plates ...`: number-plate reading from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Column
from rich.table import Table

from safecity.commands import common

if TYPE_CHECKING:  # the reader pulls in OpenCV and ONNX Runtime: imported only when a command runs
    import numpy as np

    from safecity.vision.plates import PlateRead
    from safecity.vision.plates import PlateReader

app = typer.Typer(help="Read number plates in images and folders.", no_args_is_help=True)


@app.callback()
def plates() -> None:
    """Read number plates in images and folders."""


IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})


def image_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given (a bad one reports its own error); folders give their images, sorted, recursively."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
            )
        else:
            yield path


def load_image(path: Path) -> np.ndarray:
    import cv2
    import numpy as np

    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    data = np.fromfile(str(path), dtype=np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise ValueError(f"not a readable image: {path}")
    return np.asarray(image, dtype=np.uint8)


CROP_MAX_SIDE = 640


def read_plates(reader: PlateReader, image: np.ndarray) -> tuple[list[PlateRead], str | None]:
    """Small images (long side under 640 px) are taken as plate crops, larger ones as scenes.

    The plates read, and why none were (None when some were)."""
    from safecity.vision.plates import PlateRead

    if max(image.shape[:2]) < CROP_MAX_SIDE:
        result = reader.read_crop_or_reason(image)
        return ([result], None) if isinstance(result, PlateRead) else ([], result.reason)
    reads = reader.read(image)
    return reads, None if reads else "no readable plate found in the image"


def read_image(reader: PlateReader, path: Path) -> dict[str, object]:
    """The JSON record for one image: its plates (or why none were found), or the error that stopped it."""
    try:
        plates, nothing_found = read_plates(reader, load_image(path))
    except (OSError, ValueError) as error:
        return {"image": str(path), "plates": [], "nothing_found": None, "error": str(error)}
    return {
        "image": str(path),
        "plates": [plate.to_dict() for plate in plates],
        "nothing_found": nothing_found,
        "error": None,
    }


@app.command("read")
def read_command(
    paths: Annotated[list[Path], typer.Argument(help="Images or folders of images.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line and image.")] = False,
) -> None:
    """Find and read number plates in images: scenes, or plate crops (images under 640 px). Exits 1 when an
    image could not be read (each is named), 2 when no image was given."""
    from safecity.vision.plates import PlateReader
    from safecity.vision.plates.installed import find_installed_plate_detector

    files = list(image_paths(paths))
    if not files:
        common.fail("no images found in " + ", ".join(str(path) for path in paths), common.ExitCode.USAGE)
    plate_detector, _ = find_installed_plate_detector(None)  # without one, OCR text detection finds plates
    reader = PlateReader(plate_detector=plate_detector)
    out = Console(soft_wrap=True)
    table = Table(
        *(
            Column(name, overflow="fold")
            for name in ("image", "plate", "format", "year", "conf", "box", "error")
        )
    )
    failures = 0
    show_progress = any(path.is_dir() for path in paths)
    with Progress(console=Console(stderr=True), transient=True, disable=not show_progress) as progress:
        task = progress.add_task("reading plates", total=len(files))
        for path in files:
            record = read_image(reader, path)
            failures += record["error"] is not None
            if as_json:
                out.print(json.dumps(record), markup=False, highlight=False)
            else:
                _add_rows(table, record)
            progress.advance(task)
    if not as_json:
        out.print(table)
    if failures:
        Console(stderr=True).print(f"{failures} of {len(files)} images could not be read")
        raise typer.Exit(int(common.ExitCode.PROBLEM))


def _add_rows(table: Table, record: dict[str, object]) -> None:
    image = str(record["image"])
    plates = record["plates"]
    assert isinstance(plates, list)
    if record["error"] is not None:
        table.add_row(image, "", "", "", "", "", f"[red]{record['error']}[/red]")
    elif not plates:
        table.add_row(image, f"[dim]none found: {record['nothing_found']}[/dim]", "", "", "", "", "")
    for plate in plates:
        table.add_row(
            image,
            str(plate["text"]),
            str(plate["format"]) if plate["format"] != "unknown" else "[yellow]unknown[/yellow]",
            str(plate["year"] or ""),
            f"{plate['confidence']:.2f}",
            " ".join(str(v) for v in plate["box"]),
            "",
        )
