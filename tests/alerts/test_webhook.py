"""The webhook notifier retries transient failures (tenacity) and gives up at once on a 4xx."""

from __future__ import annotations

import httpx
import pytest
from tenacity import wait_none

from safecity.alerts.events import AlertCreated
from safecity.alerts.schemas import AlertView
from safecity.alerts.webhook import WebhookNotifier
from tests.alerts.fakes import START


def _event() -> AlertCreated:
    view = AlertView(
        id=1,
        kind="rule",
        source_topic="rule.crowd",
        severity="high",
        status="new",
        title="Crowd",
        camera_id="c1",
        subject="gate",
        count=1,
        first_seen=START,
        last_seen=START,
        latitude=None,
        longitude=None,
        details={},
        requires_confirmation=False,
        acknowledged_at=None,
        acknowledged_by=None,
        assigned_user=None,
        assigned_unit=None,
        dismissed_reason=None,
        escalation_level=0,
        escalated_at=None,
        confirmed_at=None,
        confirmed_by=None,
        resolved_at=None,
        incident_id=None,
        updated_at=START,
    )
    return AlertCreated(alert=view, action="created")


def _notifier(statuses: list[int], seen: list[httpx.Request]) -> WebhookNotifier:
    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(statuses[min(len(seen), len(statuses)) - 1])

    client = httpx.AsyncClient(transport=httpx.MockTransport(respond))
    return WebhookNotifier("https://hooks.example/alerts", attempts=4, client=client, wait=wait_none())


async def test_transient_failures_are_retried_until_delivered() -> None:
    seen: list[httpx.Request] = []
    notifier = _notifier([503, 502, 200], seen)
    event = _event()
    await notifier.handle(event)
    assert len(seen) == 3
    assert notifier.delivered == 1
    assert seen[-1].headers["X-Safecity-Event"] == "alert.created"
    assert AlertCreated.model_validate_json(seen[-1].content).alert.title == "Crowd"


async def test_gives_up_after_the_last_attempt_and_at_once_on_a_client_error() -> None:
    seen: list[httpx.Request] = []
    with pytest.raises(httpx.HTTPStatusError):
        await _notifier([500], seen).handle(_event())
    assert len(seen) == 4
    seen.clear()
    with pytest.raises(httpx.HTTPStatusError):
        await _notifier([404], seen).handle(_event())
    assert len(seen) == 1
