"""Starts the command-and-control background work on an API node: the alert consumer, the escalation timer
and the optional webhook notifier."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

from safecity.alerts.consumer import AlertConsumer
from safecity.alerts.escalation import EscalationTimer
from safecity.alerts.webhook import WebhookNotifier
from safecity.core.http.services import Services


@dataclass
class AlertsRuntime:
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    webhook: WebhookNotifier | None = None

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self.webhook is not None:
            await self.webhook.close()


async def start_alerts(services: Services) -> AlertsRuntime:
    settings = services.settings.alerts
    runtime = AlertsRuntime()
    await AlertConsumer(services.database, services.bus).start()
    timer = EscalationTimer(services.database, services.bus, settings.escalate_after_seconds, services.clock)
    runtime.tasks.append(
        asyncio.create_task(timer.run(settings.escalation_check_seconds), name="alert escalation")
    )
    if settings.webhook_url:
        runtime.webhook = WebhookNotifier(
            settings.webhook_url, attempts=settings.webhook_attempts, timeout=settings.webhook_timeout_seconds
        )
        await runtime.webhook.start(services.bus)
    return runtime
