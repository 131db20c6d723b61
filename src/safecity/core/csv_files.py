"""Reading an uploaded CSV file: UTF-8 text (a byte-order mark allowed) with a header naming its columns.

What each importer shares (hotlist entries, persons of interest): the file as a whole is either usable or a
`CsvFormatError` saying why, before any row is looked at."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from collections.abc import Sequence


class CsvFormatError(ValueError):
    """The file as a whole is unusable: not UTF-8 text, or a header without the required columns."""


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvFormatError(f"the file is not UTF-8 text (byte {exc.start})") from exc


def plain_column_name(header: str) -> str:
    return header.strip().lower()


def dict_reader(
    text: str, required: Sequence[str], column_name: Callable[[str], str] = plain_column_name
) -> csv.DictReader[str]:
    """The rows of `text` by column, named by `column_name` of the header's names; a header without one of
    the `required` columns is a `CsvFormatError` naming them."""
    reader = csv.DictReader(io.StringIO(text))
    header = [column_name(name) for name in reader.fieldnames or []]
    missing = [name for name in required if name not in header]
    if missing:
        raise CsvFormatError(f"line 1: the header lacks the column(s) {', '.join(missing)}")
    reader.fieldnames = header
    return reader
