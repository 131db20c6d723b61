"""The long-lived objects a running API node holds, reachable from any route."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from fastapi import Request

from safecity.config import Settings
from safecity.core.auth.tokens import TokenIssuer, load_or_create_secret
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.ratelimit import RateLimiter

if TYPE_CHECKING:
    from safecity.core.bus import EventBus


@dataclass
class Services:
    settings: Settings
    database: Database
    media: MediaStore
    bus: EventBus
    tokens: TokenIssuer
    login_limiter: RateLimiter
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, settings: Settings, database: Database, bus: EventBus) -> Services:
        secret = settings.auth.jwt_secret or load_or_create_secret(settings.data_dir / "jwt-secret.key")
        return cls(
            settings=settings,
            database=database,
            media=MediaStore(settings.media_dir),
            bus=bus,
            tokens=TokenIssuer(secret, timedelta(minutes=settings.auth.access_token_minutes)),
            login_limiter=RateLimiter(f"{settings.auth.login_attempts_per_minute}/minute"),
        )


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services
