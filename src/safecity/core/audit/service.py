"""Append-only, hash-chained audit log.

Each entry's hash covers its sequence number, every column and the previous entry's hash, so changing,
deleting or reordering any row breaks the chain at that row. The sequence number is the primary key, so two
writers racing for the same position cannot fork the chain: the loser retries on the new head.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.core.audit.models import AuditEntry
from safecity.core.db import utcnow

GENESIS_HASH = "0" * 64
_APPEND_ATTEMPTS = 20
_local_append_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """What to record. `purpose` and `case_ref` are mandatory for personal-data reads (see http.access)."""

    actor: str
    role: str
    action: str
    object_type: str = ""
    object_id: str = ""
    purpose: str = ""
    case_ref: str = ""
    client_address: str = ""
    details: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int
    reason: str


def _canonical_details(details: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(details or {}), sort_keys=True, separators=(",", ":"), default=str)


def _record_columns(record: AuditRecord) -> dict[str, Any]:
    """The entry's columns a record gives: each of its fields, the details as canonical JSON."""
    columns = {field.name: getattr(record, field.name) for field in fields(AuditRecord)}
    return columns | {"details": _canonical_details(record.details)}


def entry_hash(entry: AuditEntry) -> str:
    material = json.dumps(
        [
            entry.seq,
            entry.time.isoformat(timespec="microseconds"),
            entry.actor,
            entry.role,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.purpose,
            entry.case_ref,
            entry.client_address,
            entry.details,
            entry.prev_hash,
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def head(session: Session) -> tuple[int, str]:
    """The last entry's sequence number and hash ((0, GENESIS_HASH) for an empty log)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (0, GENESIS_HASH) if last is None else (int(last[0]), str(last[1]))


def append(session: Session, record: AuditRecord, *, time: datetime | None = None) -> AuditEntry:
    """Add one entry inside the caller's transaction (so the action and its audit commit together)."""
    with _local_append_lock:
        for _ in range(_APPEND_ATTEMPTS):
            last_seq, last_hash = head(session)
            entry = AuditEntry(
                **_record_columns(record), seq=last_seq + 1, time=time or utcnow(), prev_hash=last_hash
            )
            entry.hash = entry_hash(entry)
            try:
                with session.begin_nested():
                    session.add(entry)
                return entry
            except IntegrityError:
                continue  # another writer took this position; retry on the new head
    raise RuntimeError("could not append to the audit log: too much contention")


def entries(session: Session, *, batch: int = 1000) -> Iterator[AuditEntry]:
    after = 0
    while True:
        rows = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.seq > after).order_by(AuditEntry.seq).limit(batch)
            )
        )
        if not rows:
            return
        yield from rows
        after = rows[-1].seq


def verify_chain(session: Session) -> tuple[int, ChainProblem | None]:
    """Walk the chain; return (entries checked, the first problem or None)."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in entries(session):
        if entry.seq != expected_seq:
            return checked, ChainProblem(
                expected_seq, f"entry {expected_seq} is missing (next is {entry.seq})"
            )
        if entry.prev_hash != expected_prev:
            return checked, ChainProblem(
                entry.seq,
                f"entry {entry.seq}: link to entry {entry.seq - 1} is broken (previous hash differs)",
            )
        if entry_hash(entry) != entry.hash:
            return checked, ChainProblem(
                entry.seq, f"entry {entry.seq}: contents were altered (hash differs)"
            )
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
    return checked, None
