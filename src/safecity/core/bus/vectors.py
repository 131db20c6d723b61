"""Float32 vectors (face embeddings, appearance vectors) carried in events as base64 text."""

from __future__ import annotations

import base64

import numpy as np


def encode_vector(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def decode_vector(text: str, dim: int, what: str) -> np.ndarray:
    """The vector back; a length other than `dim` is refused, naming `what` it is."""
    values = np.frombuffer(base64.b64decode(text), dtype=np.float32)
    if values.shape != (dim,):
        raise ValueError(f"{what} vector has {values.size} values, expected {dim}")
    return values
