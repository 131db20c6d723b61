"""Publishing the signed checkpoints of the audit log and the custody chains: every minute as a singleton
job of the cluster (only when a log moved) and at every evidence export (always)."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from safecity.core.audit.checkpoints import audit_checkpoints
from safecity.core.audit.checkpoints import publish_audit_checkpoint
from safecity.core.audit.service import head
from safecity.core.checkpoints import Checkpoint
from safecity.core.clock import Clock
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob
from safecity.core.leadership import repeat_in_thread
from safecity.core.signing import load_or_create_signing_key
from safecity.evidence.custody_checkpoints import custody_checkpoints
from safecity.evidence.custody_checkpoints import publish_custody_checkpoint

log = logging.getLogger(__name__)
CHECKPOINT_EVERY_SECONDS = 60.0


class Checkpointer:
    def __init__(self, database: Database, data_dir: Path, clock: Clock) -> None:
        self.database = database
        self.data_dir = data_dir
        self.clock = clock
        self._last_audit_head: tuple[int, str] | None = None

    def publish(self, *, always: bool) -> list[Checkpoint]:
        """Sign both logs' heads; with `always=False` only the logs that moved since the last call."""
        key = load_or_create_signing_key(self.data_dir)
        now = self.clock.now()
        published: list[Checkpoint] = []
        with self.database.session() as session:
            audit_head = head(session)
            if always or audit_head != self._last_audit_head:
                store = audit_checkpoints(self.data_dir)
                published.append(publish_audit_checkpoint(session, store, key, now))
                self._last_audit_head = audit_head
            custody = publish_custody_checkpoint(
                session, custody_checkpoints(self.data_dir), key, now, always=always
            )
        if custody is not None:
            published.append(custody)
        return published

    async def run(self) -> None:
        await repeat_in_thread(
            partial(self.publish, always=False),
            CHECKPOINT_EVERY_SECONDS,
            log_failure=log.exception,
            failure="publishing the signed checkpoints failed",
        )


def checkpoint_jobs(services: Services) -> list[SingletonJob]:
    checkpointer = Checkpointer(services.database, services.settings.data_dir, services.clock)
    return [SingletonJob("signed checkpoints", checkpointer.run)]
