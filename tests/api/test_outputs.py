"""`from_row`: a response body read from a row by field name, with the computed fields given."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pydantic import BaseModel

from safecity.core.http.outputs import from_row


@dataclass
class Row:
    id: int
    name: str
    secret: str


class Inner(BaseModel):
    name: str


class RowOut(BaseModel):
    id: int
    name: str
    label: str
    inner: Inner


def test_fields_are_read_by_name_and_computed_ones_given() -> None:
    row = Row(7, "gate", "s3cret")
    out = from_row(RowOut, row, label="Gate 7", inner=row)
    assert out.model_dump() == {"id": 7, "name": "gate", "label": "Gate 7", "inner": {"name": "gate"}}


def test_a_field_neither_held_nor_given_is_an_error() -> None:
    with pytest.raises(AttributeError, match="label"):
        from_row(RowOut, Row(7, "gate", "s3cret"), inner=Inner(name="x"))
