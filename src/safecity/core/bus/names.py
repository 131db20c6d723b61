"""The names a deployment uses on a shared NATS server, all derived from one prefix (`bus.prefix`).

Two deployments (or two test runs) on one NATS server pick different prefixes and never see each other's
stream, subjects, key-value buckets, object stores or durable consumers.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecity.config.platform import check_bus_prefix


@dataclass(frozen=True, slots=True)
class BusNames:
    prefix: str = "safecity"

    def __post_init__(self) -> None:
        check_bus_prefix(self.prefix)  # the same rule the settings apply to `bus.prefix`

    @property
    def subject_root(self) -> str:
        return self.prefix

    @property
    def stream(self) -> str:
        """The JetStream stream of events: `SAFECITY_EVENTS` for the default prefix."""
        return f"{self.prefix.upper().replace('-', '_')}_EVENTS"

    def bucket(self, name: str) -> str:
        """A key-value bucket or object store of this deployment, e.g. `safecity_live_frames`."""
        return f"{self.prefix}_{name}"

    def durable(self, consumer: str, part: str | None = None) -> str:
        """A durable consumer's name on the server: `<prefix>_<consumer>__<part>` for one of a consumer's
        durables (`nats_durables`), `<prefix>_<consumer>` for its single durable of before (the consumer
        keeps its plain name inside safecity)."""
        return f"{self.prefix}_{consumer}" if part is None else f"{self.prefix}_{consumer}__{part}"
