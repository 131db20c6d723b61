"""The retention sweep as a singleton job of the cluster: every `retention.sweep_every_hours` one API node
runs the plan's sweeper over every data class and writes its report into the audit log (`retention.sweep`,
actor `retention`). The first sweep waits a few minutes after start, so a node restarting in a loop does not
sweep in a loop."""

from __future__ import annotations

import asyncio
import logging

from safecity.core.audit.actors import audit_change
from safecity.core.clock import Clock
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob
from safecity.core.leadership import repeat_in_thread
from safecity.evidence.purgers import RETENTION_ACTOR
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention import RetentionPlan
from safecity.evidence.retention import SweepReport

log = logging.getLogger(__name__)
FIRST_SWEEP_AFTER_SECONDS = 300.0


class RetentionSweeps:
    def __init__(
        self, plan: RetentionPlan, context: RetentionContext, clock: Clock, every_seconds: float
    ) -> None:
        self.plan = plan
        self.context = context
        self.clock = clock
        self.every_seconds = every_seconds

    def sweep_once(self) -> SweepReport:
        """Sweep every class now and audit what was deleted."""
        report = self.plan.sweeper(self.context).sweep(self.clock.now(), dry_run=False)
        with self.context.database.session() as session:
            audit_change(session, RETENTION_ACTOR, "retention.sweep", "retention", "sweep", report.to_dict())
        deleted = ", ".join(f"{line.name} {line.count}" for line in report.lines if line.count)
        log.info("retention sweep: deleted %s", deleted or "nothing")
        for line in report.lines:
            if line.error:
                log.error("retention of %s failed: %s", line.name, line.error)
        return report

    async def run(self) -> None:
        await asyncio.sleep(min(FIRST_SWEEP_AFTER_SECONDS, self.every_seconds))
        await repeat_in_thread(
            self.sweep_once, self.every_seconds, log_failure=log.exception, failure="retention sweep failed"
        )


def retention_jobs(services: Services, plan: RetentionPlan) -> list[SingletonJob]:
    """The sweep as a singleton job, or none when `retention.sweep_every_hours` is unset (sweeps then run
    only with `safecity retention sweep`)."""
    hours = services.settings.retention.sweep_every_hours
    if hours is None:
        return []
    context = RetentionContext(services.settings, services.database, services.media)
    sweeps = RetentionSweeps(plan, context, services.clock, hours * 3600)
    return [SingletonJob("retention sweep", sweeps.run)]
