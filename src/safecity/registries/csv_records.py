"""Registry records from CSV: a header line naming our fields (docs/integrations.md, CSV formats), one
record per line; list fields (a FIR's sections, its accused) separated by `;`. Every bad row is reported with
its line and field, and a file with any bad row is refused whole (half a registry answering "no such record"
for the rest would mislead)."""

from __future__ import annotations

import csv
import io
from typing import Any
from typing import get_origin

from pydantic import ValidationError

from safecity.registries.field_mapping import describe_validation_error
from safecity.registries.interfaces import RecordT

LIST_SEPARATOR = ";"
MAX_REPORTED_ROWS = 10


class RecordFileError(ValueError):
    """The file cannot be used; `problems` names each bad line and field (the message the first few)."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:MAX_REPORTED_ROWS]
        more = f" (and {len(problems) - len(shown)} more)" if len(problems) > len(shown) else ""
        super().__init__("; ".join(shown) + more)
        self.problems = problems


def required_columns(record: type[RecordT]) -> list[str]:
    return [name for name, info in record.model_fields.items() if info.is_required()]


def parse_records_csv(text: str, record: type[RecordT]) -> list[RecordT]:
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in required_columns(record) if column not in header]
    if missing:
        raise RecordFileError([f"the CSV header lacks column(s) {', '.join(missing)}"])
    list_fields = {name for name, info in record.model_fields.items() if get_origin(info.annotation) is list}
    records: list[RecordT] = []
    problems: list[str] = []
    for line, row in enumerate(reader, start=2):
        values: dict[str, Any] = {}
        for column, raw in row.items():
            if column is None:
                continue  # more cells than header columns: csv puts them under None
            cell = (raw or "").strip()
            name = column.strip()
            if name in list_fields:
                values[name] = [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]
            elif cell:
                values[name] = cell
        try:
            records.append(record.model_validate(values))
        except ValidationError as error:
            problems.append(f"line {line}: {describe_validation_error(error)}")
    if problems:
        raise RecordFileError(problems)
    return records
