"""The audit log against its signed checkpoints (`core/checkpoints.py`): publish the head, and find what a
database writer did to entries a checkpoint had already seen."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.models import AuditEntry
from safecity.core.audit.service import ChainProblem
from safecity.core.audit.service import head
from safecity.core.audit.service import verify_chain
from safecity.core.checkpoints import COMMIT_GRACE_SECONDS
from safecity.core.checkpoints import Checkpoint
from safecity.core.checkpoints import CheckpointFile
from safecity.core.checkpoints import CheckpointLog
from safecity.core.signing import load_or_create_signing_key

AUDIT_LOG = "audit"


def audit_checkpoints(data_dir: Path) -> CheckpointFile:
    return CheckpointFile(data_dir, AUDIT_LOG)


def publish_audit_checkpoint(
    session: Session, store: CheckpointFile, key: Ed25519PrivateKey, now: datetime
) -> Checkpoint:
    """Sign the log's current head. `now` is read before the head, so every entry older than it by more
    than a commit's duration is inside the checkpoint."""
    seq, head_hash = head(session)
    return store.append(key, seq=seq, head=head_hash, time=now)


@dataclass(slots=True)
class AuditVerification:
    checked: int = 0
    chain_problem: ChainProblem | None = None
    checkpoints: int = 0
    anchored_up_to: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.chain_problem is None and not self.problems

    @property
    def all_problems(self) -> list[str]:
        chain = [self.chain_problem.reason] if self.chain_problem else []
        return chain + self.problems


def verify_audit(session: Session, data_dir: Path) -> AuditVerification:
    """The chain itself, then every checkpoint against it (with the installation's key)."""
    public_key = load_or_create_signing_key(data_dir).public_key()
    report = AuditVerification()
    report.checked, report.chain_problem = verify_chain(session)
    checkpoints = audit_checkpoints(data_dir).read(public_key)
    report.checkpoints = len(checkpoints.checkpoints)
    report.problems = checkpoints.problems + checkpoint_problems(session, checkpoints)
    latest = checkpoints.latest
    report.anchored_up_to = latest.seq if latest else 0
    return report


def checkpoint_problems(session: Session, checkpoints: CheckpointLog) -> list[str]:
    """Truncation and rewriting (the first checkpoint that disagrees with the log), entries added after the
    newest checkpoint but dated before it (forged), and a log that shrank between checkpoints."""
    problems: list[str] = []
    previous: Checkpoint | None = None
    for checkpoint in checkpoints.checkpoints:
        if previous is not None and checkpoint.seq < previous.seq:
            problems.append(
                f"{checkpoint.name} signed {checkpoint.seq} entries, fewer than {previous.name} "
                f"({previous.seq}): the log was cut back between them"
            )
        previous = checkpoint
    for checkpoint in checkpoints.checkpoints:
        disagreement = _disagreement(session, checkpoint)
        if disagreement:
            problems.append(disagreement)
            break
    if checkpoints.latest is not None:
        problems += _backdated_after(session, checkpoints.latest)
    return problems


def _disagreement(session: Session, checkpoint: Checkpoint) -> str | None:
    if checkpoint.seq == 0:
        return None
    entry_hash = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == checkpoint.seq))
    if entry_hash is None:
        last = session.scalar(select(func.max(AuditEntry.seq))) or 0
        return (
            f"audit entries {last + 1}–{checkpoint.seq} were deleted: {checkpoint.name} signed "
            f"{checkpoint.seq} entries, the log now ends at entry {last}"
        )
    if entry_hash != checkpoint.head:
        return (
            f"audit entries up to {checkpoint.seq} were rewritten: {checkpoint.name} signed head "
            f"{checkpoint.head[:16]}… at entry {checkpoint.seq}, the log now has {entry_hash[:16]}…"
        )
    return None


def _backdated_after(session: Session, latest: Checkpoint) -> list[str]:
    cutoff = latest.time - timedelta(seconds=COMMIT_GRACE_SECONDS)
    rows = session.execute(
        select(AuditEntry.seq, AuditEntry.time)
        .where(AuditEntry.seq > latest.seq, AuditEntry.time < cutoff)
        .order_by(AuditEntry.seq)
    ).all()
    return [
        f"audit entry {seq} was added after {latest.name}, which signed {latest.seq} entries, but is dated "
        f"{time.isoformat(timespec='seconds')}, before it (forged)"
        for seq, time in rows
    ]
