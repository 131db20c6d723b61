"""Pydantic validation errors as one line for people: each problem's field path and message, never the
value given (it may be personal data)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

_VALUE_ERROR = "Value error, "


def field_path(loc: Sequence[str | int]) -> str:
    """`cameras.0.name`: where a problem is, as a dotted path."""
    return ".".join(str(part) for part in loc)


def problems(error: ValidationError, *, prefix: str = "", root: str = "", own_text: bool = False) -> str:
    """`name: Field required; date_of_birth: Input should be a valid date`.

    `prefix` goes before every path (the place of the validated item in a larger file), `root` stands for the
    empty path of a whole-model problem; `own_text` drops pydantic's "Value error, " from the messages of
    our own validators so that they read as written."""
    parts = []
    for problem in error.errors():
        message = str(problem["msg"])
        if own_text:
            message = message.removeprefix(_VALUE_ERROR)
        parts.append(f"{prefix}{field_path(problem['loc']) or root}: {message}")
    return "; ".join(parts)
