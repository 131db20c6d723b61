from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.vision.faces.conftest import synthetic_scene
from tests.vision.faces.conftest import write_image

from safecity.vision.faces import ImageInputError
from safecity.vision.faces import load_image


def test_grayscale_array_becomes_three_channel_bgr() -> None:
    gray = np.full((40, 50), 77, dtype=np.uint8)
    image = load_image(gray)
    assert image.shape == (40, 50, 3)
    assert image.dtype == np.uint8
    assert (image == 77).all()


def test_bgra_array_drops_alpha_and_keeps_colour() -> None:
    bgra = np.zeros((32, 32, 4), dtype=np.uint8)
    bgra[..., 0], bgra[..., 3] = 200, 10
    image = load_image(bgra)
    assert image.shape == (32, 32, 3)
    assert (image[..., 0] == 200).all()


def test_sixteen_bit_array_is_reduced_to_eight_bit() -> None:
    image = load_image(np.full((20, 20, 3), 65535, dtype=np.uint16))
    assert image.dtype == np.uint8
    assert (image == 255).all()


@pytest.mark.parametrize(
    ("array", "problem"),
    [
        (np.zeros((20, 20, 2), dtype=np.uint8), "shape"),
        (np.zeros((20, 20, 3), dtype=np.float32), "float32"),
        (np.zeros((8, 200, 3), dtype=np.uint8), "smaller than"),
    ],
)
def test_unusable_arrays_are_refused_with_the_problem(array: np.ndarray, problem: str) -> None:
    with pytest.raises(ImageInputError, match=problem):
        load_image(array)


def test_png_with_alpha_reads_as_bgr(tmp_path: Path) -> None:
    scene = synthetic_scene()
    bgra = cv2.cvtColor(scene, cv2.COLOR_BGR2BGRA)
    bgra[..., 3] = 0
    image = load_image(write_image(tmp_path / "alpha.png", bgra))
    assert image.shape == scene.shape
    assert np.array_equal(image, scene)


def test_grayscale_file_reads_as_bgr(tmp_path: Path) -> None:
    gray = cv2.cvtColor(synthetic_scene(), cv2.COLOR_BGR2GRAY)
    image = load_image(write_image(tmp_path / "gray.png", gray))
    assert image.shape == (*gray.shape, 3)


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    encoded = cv2.imencode(".jpg", synthetic_scene())[1].tobytes()
    path = tmp_path / "broken.jpg"
    path.write_bytes(encoded[:40])
    with pytest.raises(ImageInputError, match="not a readable image"):
        load_image(path)


def test_empty_missing_and_non_image_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not an image")
    with pytest.raises(ImageInputError, match="empty file"):
        load_image(tmp_path / "empty.jpg")
    with pytest.raises(ImageInputError, match="no such file"):
        load_image(tmp_path / "missing.jpg")
    with pytest.raises(ImageInputError, match="not a readable image"):
        load_image(tmp_path / "notes.txt")


def test_images_over_the_pixel_limit_are_refused_before_decoding() -> None:
    encoded = cv2.imencode(".png", synthetic_scene(400, 300))[1].tobytes()
    with pytest.raises(ImageInputError, match="400x300, more than the 100000 pixel limit"):
        load_image(encoded, max_pixels=100_000)
