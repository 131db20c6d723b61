"""The custody chains against their signed checkpoints (`core/checkpoints.py`).

A custody checkpoint lists `[entry count, head hash]` of every item whose chain moved since the previous
checkpoint (all items in the first one), so the file grows with activity, not with the vault. Replaying the
file gives, per item, the newest signed point of its chain; the chain in the database must still pass
through it. `seq` is the vault's total number of custody entries, `head` the sha256 of the listed state.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.checkpoints import COMMIT_GRACE_SECONDS
from safecity.core.checkpoints import Checkpoint
from safecity.core.checkpoints import CheckpointFile
from safecity.core.checkpoints import CheckpointLog
from safecity.evidence.models import CustodyEntry
from safecity.evidence.models import EvidenceItem

CUSTODY_LOG = "custody"


def custody_checkpoints(data_dir: Path) -> CheckpointFile:
    return CheckpointFile(data_dir, CUSTODY_LOG)


def publish_custody_checkpoint(
    session: Session, store: CheckpointFile, key: Ed25519PrivateKey, now: datetime, *, always: bool = True
) -> Checkpoint | None:
    """Sign the heads of the chains that moved since the last checkpoint (`now` is read before them);
    with `always=False`, nothing when no entry was added since (custody rows are never deleted)."""
    last = _last_checkpoint(store)
    total = session.scalar(select(func.count()).select_from(CustodyEntry)) or 0
    if last is not None and last[1] == total and not always:
        return None
    query = select(EvidenceItem.id, EvidenceItem.custody_count, EvidenceItem.custody_head)
    if last is not None:
        moved = select(CustodyEntry.item_id).where(
            CustodyEntry.time >= last[0] - timedelta(seconds=COMMIT_GRACE_SECONDS)
        )
        query = query.where(EvidenceItem.id.in_(moved))
    items = {str(item_id): [count, head] for item_id, count, head in session.execute(query)}
    state = {"items": items}
    digest = hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
    return store.append(key, seq=total, head=digest, time=now, state=state)


def _last_checkpoint(store: CheckpointFile) -> tuple[datetime, int] | None:
    """The time and entry count of the file's last line, unverified: a forged line could only change which
    chains the next checkpoint lists, never what the verifier trusts."""
    if not store.path.exists():
        return None
    for raw in reversed(store.path.read_bytes().splitlines()):
        try:
            fields = json.loads(raw)
            return datetime.fromisoformat(str(fields["time"])), int(fields["seq"])
        except (ValueError, KeyError, TypeError):
            continue
    return None


@dataclass(frozen=True, slots=True)
class SignedHead:
    count: int
    head: str
    checkpoint: Checkpoint


def signed_heads(checkpoints: CheckpointLog) -> tuple[dict[int, SignedHead], list[str]]:
    """Each item's newest signed (count, head); a chain that got shorter between checkpoints is a problem."""
    heads: dict[int, SignedHead] = {}
    problems: list[str] = []
    for checkpoint in checkpoints.checkpoints:
        items: dict[str, Any] = dict(checkpoint.state.get("items") or {})
        for item_key, (count, head) in items.items():
            item_id = int(item_key)
            earlier = heads.get(item_id)
            if earlier is not None and int(count) < earlier.count:
                problems.append(
                    f"item {item_id} custody: {checkpoint.name} signed {count} entries, fewer than "
                    f"{earlier.checkpoint.name} ({earlier.count})"
                )
            heads[item_id] = SignedHead(int(count), str(head), checkpoint)
    return heads, problems


def custody_checkpoint_problems(session: Session, checkpoints: CheckpointLog) -> list[str]:
    """Items deleted with their custody, chains cut back or rewritten under a checkpoint, and entries or
    items that appeared after the newest checkpoint but are dated before it (forged)."""
    heads, problems = signed_heads(checkpoints)
    for item_id, signed in sorted(heads.items()):
        problem = _disagreement(session, item_id, signed)
        if problem:
            problems.append(problem)
    if checkpoints.latest is not None:
        problems += _backdated(session, heads, checkpoints.latest)
    return problems


def _disagreement(session: Session, item_id: int, signed: SignedHead) -> str | None:
    where = f"{signed.checkpoint.name} signed its custody at {signed.count} entries"
    if session.get(EvidenceItem, item_id) is None:
        return f"item {item_id} was deleted with its custody: {where}"
    if signed.count == 0:
        return None
    entry_hash = session.scalar(
        select(CustodyEntry.hash).where(CustodyEntry.item_id == item_id, CustodyEntry.seq == signed.count)
    )
    if entry_hash is None:
        return f"item {item_id} custody entries were deleted: {where}, entry {signed.count} is gone"
    if entry_hash != signed.head:
        return (
            f"item {item_id} custody was rewritten: {where} with head {signed.head[:16]}…, entry "
            f"{signed.count} now has {entry_hash[:16]}…"
        )
    return None


def _backdated(session: Session, heads: dict[int, SignedHead], latest: Checkpoint) -> list[str]:
    cutoff = latest.time - timedelta(seconds=COMMIT_GRACE_SECONDS)
    rows = session.execute(
        select(CustodyEntry.item_id, CustodyEntry.seq, CustodyEntry.time)
        .where(CustodyEntry.time < cutoff)
        .order_by(CustodyEntry.item_id, CustodyEntry.seq)
    )
    problems = []
    for item_id, seq, time in rows:
        signed = heads.get(item_id)
        if signed is None or seq > signed.count:
            problems.append(
                f"item {item_id} custody entry {seq} is in no checkpoint although dated "
                f"{time.isoformat(timespec='seconds')}, before {latest.name} (forged)"
            )
    return problems
