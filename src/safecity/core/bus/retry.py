"""How long to wait before delivering a failed event again."""

from __future__ import annotations

from dataclasses import dataclass

from tenacity import wait_exponential


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff: `first_delay`, doubling per failed attempt, capped at `max_delay` (seconds)."""

    first_delay: float = 0.5
    max_delay: float = 30.0

    def wait(self) -> wait_exponential:
        """The same backoff as a tenacity wait strategy."""
        return wait_exponential(multiplier=self.first_delay, max=self.max_delay)

    def delay_after(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        return float(min(self.first_delay * 2 ** (attempt - 1), self.max_delay))
