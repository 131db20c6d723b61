"""The chain of custody: an append-only, hash-chained log per evidence item.

Each entry's hash covers the item id, its position, time, action, actor, purpose, case reference, details
and the previous entry's hash, so editing, deleting, inserting or reordering an entry breaks the chain at
that entry. The item row pins the chain's head and length, so cutting entries off the end is noticed too.
The same functions check a chain exported into a bundle, offline (`entry_hash_of` on plain dicts).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.db import utcnow
from safecity.evidence.models import CustodyEntry
from safecity.evidence.models import EvidenceItem

GENESIS_HASH = "0" * 64
_APPEND_ATTEMPTS = 20


class CustodyAction(StrEnum):
    COLLECTED = "collected"
    VIEWED = "viewed"
    EXPORTED = "exported"
    SHARED = "shared"
    REDACTED = "redacted"
    RETENTION_CHANGED = "retention_changed"
    PURGED = "purged"


def canonical_json(value: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(value or {}), sort_keys=True, separators=(",", ":"), default=str)


def entry_hash_of(entry: Mapping[str, Any]) -> str:
    """The hash of one entry given as a mapping (a database row's fields or an exported JSON entry)."""
    material = json.dumps(
        [
            entry["item_id"],
            entry["seq"],
            entry["time"],
            entry["action"],
            entry["actor"],
            entry["role"],
            entry["purpose"],
            entry["case_ref"],
            entry["details"],
            entry["prev_hash"],
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def entry_to_dict(entry: CustodyEntry) -> dict[str, Any]:
    """The exported form of an entry; `time` as ISO-8601 with microseconds, as hashed."""
    return {
        "item_id": entry.item_id,
        "seq": entry.seq,
        "time": entry.time.isoformat(timespec="microseconds"),
        "action": entry.action,
        "actor": entry.actor,
        "role": entry.role,
        "purpose": entry.purpose,
        "case_ref": entry.case_ref,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def record(
    session: Session,
    item: EvidenceItem,
    action: CustodyAction,
    actor: Actor,
    *,
    purpose: str = "",
    case_ref: str = "",
    details: Mapping[str, Any] | None = None,
    time: datetime | None = None,
) -> CustodyEntry:
    """Append one entry to `item`'s chain inside the caller's transaction and move the item's head."""
    for _ in range(_APPEND_ATTEMPTS):
        session.flush()
        last = session.execute(
            select(CustodyEntry.seq, CustodyEntry.hash)
            .where(CustodyEntry.item_id == item.id)
            .order_by(CustodyEntry.seq.desc())
            .limit(1)
        ).first()
        seq, prev = (1, GENESIS_HASH) if last is None else (int(last[0]) + 1, str(last[1]))
        entry = CustodyEntry(
            item_id=item.id,
            seq=seq,
            time=time or utcnow(),
            action=action.value,
            actor=actor.username,
            role=actor.role,
            purpose=purpose,
            case_ref=case_ref,
            details=canonical_json(details),
            prev_hash=prev,
        )
        entry.hash = entry_hash_of(entry_to_dict(entry))
        try:
            with session.begin_nested():
                session.add(entry)
                item.custody_head = entry.hash
                item.custody_count = seq
        except IntegrityError:
            continue  # another writer took this position; retry on the new head
        return entry
    raise RuntimeError(f"could not append to the custody log of item {item.id}: too much contention")


def chain(session: Session, item_id: int) -> list[CustodyEntry]:
    return list(
        session.scalars(
            select(CustodyEntry).where(CustodyEntry.item_id == item_id).order_by(CustodyEntry.seq)
        )
    )


def chain_problems(
    entries: Sequence[Mapping[str, Any]], item_id: int, *, head: str | None = None, count: int | None = None
) -> list[str]:
    """Everything wrong with one item's chain, each naming the entry; [] when intact."""
    problems: list[str] = []
    prev = GENESIS_HASH
    for position, entry in enumerate(entries, start=1):
        where = f"item {item_id} custody entry {entry.get('seq')}"
        if entry.get("item_id") != item_id:
            problems.append(f"{where}: belongs to item {entry.get('item_id')}")
        if entry.get("seq") != position:
            problems.append(f"{where}: out of sequence (expected entry {position}; one is missing or added)")
        if entry.get("prev_hash") != prev:
            problems.append(f"{where}: link to the previous entry is broken (previous hash differs)")
        if entry_hash_of(entry) != entry.get("hash"):
            problems.append(f"{where} ({entry.get('action')}): contents were altered (hash differs)")
        prev = str(entry.get("hash"))
    if count is not None and len(entries) != count:
        problems.append(f"item {item_id} custody: {len(entries)} entries but the item records {count}")
    elif head is not None and entries and prev != head:
        problems.append(f"item {item_id} custody: the last entry is not the head the item records")
    return problems
