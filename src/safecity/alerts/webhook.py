"""Optional outbound notification: POST each new or escalated alert to a webhook, with retries (tenacity)."""

from __future__ import annotations

import httpx
from tenacity import AsyncRetrying
from tenacity import retry_if_exception
from tenacity import stop_after_attempt
from tenacity import wait_exponential
from tenacity.wait import WaitBaseT

from safecity.core.bus import Event
from safecity.core.bus import EventBus

CONSUMER = "alerts-webhook"
PATTERNS = ("alert.created", "alert.escalated")


def _retryable(error: BaseException) -> bool:
    """Network trouble, 5xx and 429 are worth another try; other 4xx mean the request itself is wrong."""
    if isinstance(error, httpx.HTTPStatusError):
        return error.response.status_code >= 500 or error.response.status_code == 429
    return isinstance(error, httpx.TransportError)


class WebhookNotifier:
    """A durable bus consumer; after the last attempt the event goes to the bus's dead letters."""

    def __init__(
        self,
        url: str,
        *,
        attempts: int = 5,
        timeout: float = 5.0,
        client: httpx.AsyncClient | None = None,
        wait: WaitBaseT | None = None,
    ) -> None:
        self.url = url
        self._attempts = attempts
        self._client = client or httpx.AsyncClient(timeout=timeout)
        self._wait = wait or wait_exponential(multiplier=0.5, max=30)
        self.delivered = 0

    async def start(self, bus: EventBus) -> None:
        await bus.subscribe(CONSUMER, PATTERNS, self.handle, max_deliver=1)

    async def handle(self, event: Event) -> None:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._attempts),
            wait=self._wait,
            retry=retry_if_exception(_retryable),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                response = await self._client.post(
                    self.url,
                    content=event.to_json(),
                    headers={"Content-Type": "application/json", "X-Safecity-Event": event.type},
                )
                response.raise_for_status()
        self.delivered += 1

    async def close(self) -> None:
        await self._client.aclose()
