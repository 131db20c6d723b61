"""Reading an uploaded CSV: UTF-8 text with a header; the file as a whole is usable or says why not."""

from __future__ import annotations

import pytest

from safecity.core.csv_files import CsvFormatError
from safecity.core.csv_files import decode
from safecity.core.csv_files import dict_reader


def test_decode_drops_a_byte_order_mark_and_refuses_other_encodings() -> None:
    assert decode("\ufeffplate,reason\n".encode()) == "plate,reason\n"
    with pytest.raises(CsvFormatError, match=r"not UTF-8 text \(byte 7\)"):
        decode("plate,r\xe9ason\n".encode("latin-1"))


def test_rows_are_read_by_normalised_column_names() -> None:
    reader = dict_reader(" Plate ,REASON\nLEB-06-5700,stolen\n", ["plate", "reason"])

    assert [dict(row) for row in reader] == [{"plate": "LEB-06-5700", "reason": "stolen"}]


def test_a_header_without_a_required_column_names_the_missing_ones() -> None:
    with pytest.raises(CsvFormatError, match=r"line 1: the header lacks the column\(s\) reason, case_ref"):
        dict_reader("plate,vehicle\nLEB-06-5700,car\n", ["plate", "reason", "case_ref"])
