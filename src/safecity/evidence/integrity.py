"""`safecity evidence verify`: re-hash every item's file and custody chain, check the chains against their
signed checkpoints; name whatever was altered."""

from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.checkpoints import CheckpointLog
from safecity.core.media import MediaCorruptedError
from safecity.core.media import MediaError
from safecity.core.media import MediaNotFoundError
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence.custody_checkpoints import custody_checkpoint_problems
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceItem
from safecity.evidence.vault import metadata_snapshot


@dataclass(slots=True)
class VaultReport:
    items: int = 0
    files: int = 0
    custody_entries: int = 0
    checkpoints: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_vault(
    session: Session, media: MediaStore, checkpoints: CheckpointLog | None = None
) -> VaultReport:
    """Every item's file, chain and metadata; with `checkpoints`, also what they signed (and the problems
    found in the checkpoint file itself)."""
    report = VaultReport()
    for item in session.scalars(select(EvidenceItem).order_by(EvidenceItem.id)):
        report.items += 1
        entries = [custody.entry_to_dict(entry) for entry in custody.chain(session, item.id)]
        report.custody_entries += len(entries)
        report.problems += custody.chain_problems(
            entries, item.id, head=item.custody_head, count=item.custody_count
        )
        report.problems += _metadata_problems(item, entries)
        if item.status != ITEM_PURGED:
            report.files += 1
            report.problems += _file_problems(item, media)
    if checkpoints is not None:
        report.checkpoints = len(checkpoints.checkpoints)
        report.problems += checkpoints.problems + custody_checkpoint_problems(session, checkpoints)
    return report


def _metadata_problems(item: EvidenceItem, entries: list[dict[str, object]]) -> list[str]:
    if not entries or entries[0].get("action") != custody.CustodyAction.COLLECTED:
        return [f"item {item.id}: custody does not start with 'collected'"]
    try:
        recorded = json.loads(str(entries[0]["details"]))["metadata"]
    except (ValueError, KeyError, TypeError):
        return [f"item {item.id}: the 'collected' entry holds no metadata"]
    current = metadata_snapshot(item)
    changed = sorted(
        name for name in current.keys() | recorded.keys() if current.get(name) != recorded.get(name)
    )
    if changed:
        return [f"item {item.id}: metadata altered since collection ({', '.join(changed)})"]
    return []


def _file_problems(item: EvidenceItem, media: MediaStore) -> list[str]:
    try:
        media.verify(item.sha256)
    except MediaCorruptedError:
        return [f"item {item.id}: file {_safe_path(media, item.sha256)} was altered (sha256 differs)"]
    except MediaNotFoundError:
        return [f"item {item.id}: file with sha256 {item.sha256} is missing from the media store"]
    except MediaError as exc:
        return [f"item {item.id}: {exc}"]
    return []


def _safe_path(media: MediaStore, sha256: str) -> str:
    try:
        return str(media.path(sha256))
    except MediaError:
        return sha256
