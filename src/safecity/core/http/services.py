"""The long-lived objects a running API node holds, reachable from any route."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta
from typing import TYPE_CHECKING

from fastapi import Request

from safecity.config import Settings
from safecity.core.auth.throttle import LoginThrottle
from safecity.core.auth.tokens import TokenIssuer
from safecity.core.auth.tokens import load_or_create_secret
from safecity.core.clock import SYSTEM_CLOCK
from safecity.core.clock import Clock
from safecity.core.db import Database
from safecity.core.http.runtimes import Runtimes
from safecity.core.media import MediaStore
from safecity.core.ratelimit import node_rate_limiter

if TYPE_CHECKING:
    from safecity.core.bus import EventBus


@dataclass
class Services:
    settings: Settings
    database: Database
    media: MediaStore
    bus: EventBus
    tokens: TokenIssuer
    login_throttle: LoginThrottle
    clock: Clock = SYSTEM_CLOCK  # where routes and timers read "now"; tests put a fake clock here
    runtimes: Runtimes = field(default_factory=Runtimes)

    @classmethod
    def build(cls, settings: Settings, database: Database, bus: EventBus) -> Services:
        secret = settings.auth.jwt_secret or load_or_create_secret(settings.data_dir / "jwt-secret.key")
        return cls(
            settings=settings,
            database=database,
            media=MediaStore(settings.media_dir),
            bus=bus,
            tokens=TokenIssuer(
                secret,
                access_lifetime(settings),
                timedelta(seconds=settings.auth.media_ticket_seconds),
            ),
            login_throttle=LoginThrottle(
                node_rate_limiter("1/second", settings.api_nodes), settings.auth.login_free_failures
            ),
        )


def access_lifetime(settings: Settings) -> timedelta:
    auth = settings.auth
    if auth.access_token_seconds is not None:
        return timedelta(seconds=auth.access_token_seconds)
    return timedelta(minutes=auth.access_token_minutes)


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services
