"""The event bus: one interface (`EventBus`), an embedded and a NATS JetStream implementation."""

from safecity.core.bus.base import BatchHandler
from safecity.core.bus.base import BatchSubscriber
from safecity.core.bus.base import BusError
from safecity.core.bus.base import DeadLetter
from safecity.core.bus.base import EventBus
from safecity.core.bus.base import Handler
from safecity.core.bus.base import validate_consumer_name
from safecity.core.bus.embedded import EmbeddedBus
from safecity.core.bus.events import Event
from safecity.core.bus.events import as_event
from safecity.core.bus.events import event_class_for
from safecity.core.bus.events import parse_event
from safecity.core.bus.events import register_event
from safecity.core.bus.events import topic_matches
from safecity.core.bus.events import validate_pattern
from safecity.core.bus.events import validate_topic
from safecity.core.bus.factory import BusKind
from safecity.core.bus.factory import create_bus
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
