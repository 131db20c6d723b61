"""The command-and-control background work of an API node: the alert consumer and the optional webhook
notifier on every node, and the escalation timer, a singleton job (one node of the cluster runs it)."""

from __future__ import annotations

from dataclasses import dataclass

from safecity.alerts.consumer import AlertConsumer
from safecity.alerts.escalation import EscalationTimer
from safecity.alerts.webhook import WebhookNotifier
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob


@dataclass
class AlertsRuntime:
    webhook: WebhookNotifier | None = None

    async def stop(self) -> None:
        if self.webhook is not None:
            await self.webhook.close()


async def start_alerts(services: Services) -> AlertsRuntime:
    settings = services.settings.alerts
    runtime = AlertsRuntime()
    await AlertConsumer(services.database, services.bus).start()
    if settings.webhook_url:
        runtime.webhook = WebhookNotifier(
            settings.webhook_url, attempts=settings.webhook_attempts, timeout=settings.webhook_timeout_seconds
        )
        await runtime.webhook.start(services.bus)
    return runtime


def escalation_job(services: Services) -> SingletonJob:
    """Escalate alerts nobody acknowledged in time, every `alerts.escalation_check_seconds`."""
    settings = services.settings.alerts
    timer = EscalationTimer(services.database, services.bus, settings.escalate_after_seconds, services.clock)
    return SingletonJob("alert escalation", lambda: timer.run(settings.escalation_check_seconds))
