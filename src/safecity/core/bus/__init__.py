"""The event bus: one interface (`EventBus`), an embedded and a NATS JetStream implementation."""

from safecity.core.bus.base import (
    BatchHandler,
    BatchSubscriber,
    BusError,
    DeadLetter,
    EventBus,
    Handler,
    validate_consumer_name,
)
from safecity.core.bus.embedded import EmbeddedBus
from safecity.core.bus.events import (
    Event,
    as_event,
    event_class_for,
    parse_event,
    register_event,
    topic_matches,
    validate_pattern,
    validate_topic,
)
from safecity.core.bus.factory import BusKind, create_bus
from safecity.core.bus.idempotency import IdempotencyGuard
from safecity.core.bus.live import LiveFeed
from safecity.core.bus.names import BusNames
from safecity.core.bus.nats import NatsBus
from safecity.core.bus.retry import RetryPolicy

__all__ = [
    "BatchHandler",
    "BatchSubscriber",
    "BusError",
    "BusKind",
    "BusNames",
    "DeadLetter",
    "EmbeddedBus",
    "Event",
    "EventBus",
    "Handler",
    "IdempotencyGuard",
    "LiveFeed",
    "NatsBus",
    "RetryPolicy",
    "as_event",
    "create_bus",
    "event_class_for",
    "parse_event",
    "register_event",
    "topic_matches",
    "validate_consumer_name",
    "validate_pattern",
    "validate_topic",
]
