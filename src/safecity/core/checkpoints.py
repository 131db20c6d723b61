"""Signed checkpoints of the hash-chained logs, kept outside the database.

A checkpoint says "at `time`, log `log` had `seq` entries ending in `head`" and is signed with the
installation's Ed25519 key (`core/signing.py`). Checkpoints are appended, one JSON line each, to a file per
log in `data_dir/checkpoints/` — a store that someone who can only write to the database cannot rewrite, and
whose lines they cannot forge without the key. `audit verify` and `evidence verify` compare the chains with
every checkpoint, so rewriting history that a checkpoint has seen (cutting entries off, editing one and
re-hashing the rest, re-hashing a custody chain, deleting an item with its custody) is caught and the
checkpoint that caught it is named. Why a file and not the NATS stream or a second database role:
docs/evidence.md ("Signed checkpoints").

Each line carries a running `number`, so a line removed from the middle or the end of the file is noticed
too (the end only while a later checkpoint exists: the file is append-only by design, see the docs).
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from safecity.core.signing import fingerprint
from safecity.core.signing import signature_valid

CHECKPOINT_DIR = "checkpoints"
# An entry stamped before the checkpoint that did not yet include it may still have been committing when
# the head was read; only entries older than this before a checkpoint and missing from it are forged.
COMMIT_GRACE_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """One signed statement about a log; `state` carries what a log of several chains needs (custody)."""

    log: str
    number: int
    seq: int
    head: str
    time: datetime
    state: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.log} checkpoint #{self.number} ({self.time.isoformat(timespec='seconds')})"

    def signed_bytes(self) -> bytes:
        return _canonical(self._payload())

    def _payload(self) -> dict[str, Any]:
        return {
            "log": self.log,
            "number": self.number,
            "seq": self.seq,
            "head": self.head,
            "time": self.time.isoformat(timespec="microseconds"),
            "state": dict(self.state),
        }


@dataclass(slots=True)
class CheckpointLog:
    """The checkpoints read back from a file with the problems found in the file itself."""

    checkpoints: list[Checkpoint] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def latest(self) -> Checkpoint | None:
        return self.checkpoints[-1] if self.checkpoints else None


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("utf-8")


class CheckpointFile:
    """The append-only file of one log's checkpoints (`data_dir/checkpoints/<log>.jsonl`)."""

    def __init__(self, data_dir: Path, log: str) -> None:
        self.log = log
        self.path = data_dir / CHECKPOINT_DIR / f"{log}.jsonl"

    def append(
        self,
        key: Ed25519PrivateKey,
        *,
        seq: int,
        head: str,
        time: datetime,
        state: Mapping[str, Any] | None = None,
    ) -> Checkpoint:
        """Sign and append the next checkpoint; the file is locked so processes number it in turn."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        with os.fdopen(descriptor, "r+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            number = sum(1 for line in handle if line.strip()) + 1
            checkpoint = Checkpoint(self.log, number, seq, head, time, dict(state or {}))
            line = {
                **checkpoint._payload(),
                "key": fingerprint(key.public_key()),
                "signature": key.sign(checkpoint.signed_bytes()).hex(),
            }
            handle.write(_canonical(line) + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        return checkpoint

    def read(self, public_key: Ed25519PublicKey) -> CheckpointLog:
        """Every checkpoint whose signature holds; a bad line, a foreign key or a gap is a problem."""
        result = CheckpointLog()
        if not self.path.exists():
            return result
        expected_key = fingerprint(public_key)
        with self.path.open("rb") as handle:
            lines = [line for line in handle.read().splitlines() if line.strip()]
        for position, raw in enumerate(lines, start=1):
            where = f"{self.path.name} line {position}"
            try:
                fields = json.loads(raw)
                checkpoint = Checkpoint(
                    log=str(fields["log"]),
                    number=int(fields["number"]),
                    seq=int(fields["seq"]),
                    head=str(fields["head"]),
                    time=datetime.fromisoformat(str(fields["time"])),
                    state=dict(fields.get("state") or {}),
                )
                signature = bytes.fromhex(str(fields["signature"]))
            except (ValueError, KeyError, TypeError):
                result.problems.append(f"{where}: not a checkpoint")
                continue
            if fields.get("key") != expected_key:
                result.problems.append(f"{where}: signed by another key ({fields.get('key')})")
                continue
            if not signature_valid(public_key, signature, checkpoint.signed_bytes()):
                result.problems.append(f"{where}: the signature does not match (the line was altered)")
                continue
            if checkpoint.log != self.log or checkpoint.number != position:
                result.problems.append(
                    f"{where}: is {checkpoint.log} checkpoint #{checkpoint.number} (checkpoints were removed "
                    "or moved)"
                )
            result.checkpoints.append(checkpoint)
        return result
