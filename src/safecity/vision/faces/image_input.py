"""Turn files, bytes and arrays into the BGR uint8 images the pipeline works on, or fail with the reason."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import PIL.Image

from safecity.video.frame import Image
from safecity.vision.faces.errors import ImageInputError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 80_000_000
MIN_SIDE = 16

ImageSource = Image | str | Path | bytes


def load_image(source: ImageSource, *, max_pixels: int = MAX_PIXELS) -> Image:
    """Read an image file, encoded bytes or an array into BGR uint8 (H, W, 3).

    Grayscale becomes 3-channel, alpha is dropped, 16-bit is reduced to 8-bit and EXIF orientation is applied.
    Raises ImageInputError naming the problem for missing, empty, corrupt, too large or too small images.
    """
    if isinstance(source, np.ndarray):
        return as_bgr(source)
    if isinstance(source, bytes):
        return decode_image(source, name="<bytes>", max_pixels=max_pixels)
    path = Path(source)
    if not path.is_file():
        raise ImageInputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImageInputError(f"{path}: file is {size} bytes, more than the {MAX_FILE_BYTES} byte limit")
    return decode_image(path.read_bytes(), name=str(path), max_pixels=max_pixels)


def decode_image(data: bytes, *, name: str, max_pixels: int = MAX_PIXELS) -> Image:
    """Decode encoded image bytes (JPEG, PNG, BMP, TIFF, WebP...) to BGR uint8."""
    if not data:
        raise ImageInputError(f"{name}: empty file")
    width, height = _declared_size(data, name)
    if width * height > max_pixels:
        raise ImageInputError(f"{name}: image is {width}x{height}, more than the {max_pixels} pixel limit")
    # IMREAD_COLOR gives 3-channel 8-bit BGR whatever the source layout, and honours EXIF orientation.
    decoded = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if decoded is None:
        raise ImageInputError(f"{name}: not a readable image (corrupt or unsupported format)")
    return _checked_size(decoded.astype(np.uint8, copy=False), name)


def as_bgr(array: np.ndarray, *, name: str = "<array>") -> Image:
    """Normalise an in-memory image to BGR uint8 (H, W, 3): gray, BGRA and 16-bit arrays are accepted."""
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (3, 4)):
        raise ImageInputError(
            f"{name}: expected an (H, W), (H, W, 3) or (H, W, 4) image, got shape {array.shape}"
        )
    if array.dtype == np.uint16:
        array = (array >> 8).astype(np.uint8)
    elif array.dtype != np.uint8:
        raise ImageInputError(f"{name}: expected uint8 or uint16 pixels, got {array.dtype}")
    if array.ndim == 2:
        array = cv2.cvtColor(array, cv2.COLOR_GRAY2BGR)
    elif array.shape[2] == 4:
        array = cv2.cvtColor(array, cv2.COLOR_BGRA2BGR)
    return _checked_size(np.ascontiguousarray(array), name)


def _declared_size(data: bytes, name: str) -> tuple[int, int]:
    """Width and height from the file header, read before decoding so that huge images are refused cheaply."""
    try:
        with PIL.Image.open(io.BytesIO(data)) as header:
            return header.size
    except PIL.Image.DecompressionBombError as error:
        raise ImageInputError(f"{name}: image too large ({error})") from error
    except (PIL.UnidentifiedImageError, OSError, ValueError):
        # Formats Pillow cannot identify may still decode with OpenCV; its own decoder limits apply there.
        return (0, 0)


def _checked_size(image: Image, name: str) -> Image:
    height, width = image.shape[:2]
    if min(height, width) < MIN_SIDE:
        raise ImageInputError(f"{name}: image is {width}x{height}, smaller than {MIN_SIDE} px on a side")
    return image
