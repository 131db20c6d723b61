"""The lookup cache: answered records in `registry_cache`, so a restart does not forget them."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Generic

from pydantic import ValidationError
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.registries.interfaces import RecordT
from safecity.registries.keys import LookupKey
from safecity.registries.models import RegistryCacheEntry
from safecity.registries.systems import RegistrySystem


class RegistryCache(Generic[RecordT]):
    def __init__(self, system: RegistrySystem, record: type[RecordT], keep_seconds: float) -> None:
        self.system = system
        self.record = record
        self.keep = timedelta(seconds=keep_seconds)  # the longest any caller may accept (the stale window)

    def get(
        self, session: Session, key: LookupKey, *, now: datetime, max_age_seconds: float
    ) -> RecordT | None:
        """The cached record when it was fetched less than `max_age_seconds` ago."""
        if max_age_seconds <= 0:
            return None
        entry = session.get(RegistryCacheEntry, (self.system.value, key.subject))
        if entry is None or now - entry.fetched_at >= timedelta(seconds=max_age_seconds):
            return None
        try:
            return self.record.model_validate(entry.record)
        except ValidationError:
            return None  # written by an older version with other fields: fetch again

    def put(self, session: Session, key: LookupKey, record: RecordT, *, now: datetime) -> None:
        session.execute(
            delete(RegistryCacheEntry).where(
                RegistryCacheEntry.system == self.system.value,
                RegistryCacheEntry.fetched_at < now - self.keep,
            )
        )
        payload = record.model_dump(mode="json")
        entry = session.get(RegistryCacheEntry, (self.system.value, key.subject))
        if entry is None:
            try:
                with session.begin_nested():
                    session.add(
                        RegistryCacheEntry(
                            system=self.system.value, subject=key.subject, record=payload, fetched_at=now
                        )
                    )
                return
            except IntegrityError:  # another request (or API node) cached it meanwhile: update theirs
                entry = session.get(
                    RegistryCacheEntry, (self.system.value, key.subject), populate_existing=True
                )
                if entry is None:
                    return
        entry.record, entry.fetched_at = payload, now
        session.flush()
