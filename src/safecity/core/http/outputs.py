"""Response bodies filled from a row: the fields a row holds are read by name, only the others are given."""

from __future__ import annotations

from typing import Any
from typing import TypeVar

from pydantic import BaseModel

Out = TypeVar("Out", bound=BaseModel)


def from_row(model: type[Out], row: object, /, **computed: Any) -> Out:
    """`model` validated from `row`'s attributes of the same names (an ORM row, a dataclass), and from
    `computed` for the fields the row does not hold or holds in another form. A field that is neither is an
    AttributeError, not a silent default."""
    values = {name: getattr(row, name) for name in model.model_fields if name not in computed}
    return model.model_validate({**values, **computed}, from_attributes=True)
