"""The file adapter: a CSV of records per system (batch loads from the province), read on first use and again
whenever the file changes; lookups answer from memory."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Generic

from sqlalchemy.orm import Session

from safecity.registries.csv_records import RecordFileError
from safecity.registries.csv_records import parse_records_csv
from safecity.registries.errors import RegistryUnavailableError
from safecity.registries.interfaces import RecordT
from safecity.registries.keys import LookupKey
from safecity.registries.systems import RegistrySystem


class CsvRegistry(Generic[RecordT]):
    def __init__(self, system: RegistrySystem, file: Path, record: type[RecordT]) -> None:
        self.system = system
        self.file = file
        self.record = record
        self._lock = threading.Lock()
        self._loaded_version: tuple[int, int] | None = None
        self._records: dict[str, RecordT] = {}
        self._load_error: RegistryUnavailableError | None = None

    def lookup(self, session: Session, key: LookupKey) -> RecordT | None:
        return self._current().get(key.subject)

    def _current(self) -> dict[str, RecordT]:
        try:
            stat = self.file.stat()
        except OSError as error:
            raise RegistryUnavailableError(
                self.system, f"cannot read {self.file}: {error.strerror}"
            ) from error
        version = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if version != self._loaded_version:
                self._loaded_version = version
                self._load_error = None
                try:
                    self._records = self._load()
                except RegistryUnavailableError as error:
                    self._records, self._load_error = {}, error  # this version is not parsed again
            if self._load_error is not None:
                raise self._load_error
            return self._records

    def _load(self) -> dict[str, RecordT]:
        try:
            text = self.file.read_text(encoding="utf-8-sig")
            records = parse_records_csv(text, self.record)
        except (OSError, UnicodeDecodeError) as error:
            raise RegistryUnavailableError(self.system, f"cannot read {self.file}: {error}") from error
        except RecordFileError as error:
            raise RegistryUnavailableError(self.system, f"{self.file} has errors: {error}") from error
        return {record.lookup_key().subject: record for record in records}
