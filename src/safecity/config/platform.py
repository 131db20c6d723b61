"""The platform sections of safecity.yaml: `http:`, `bus:`, `auth:`, `api_nodes:` and `logging:`."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices
from pydantic import BaseModel
from pydantic import Field
from pydantic import field_validator

REDIS_URL_SCHEMES = ("redis://", "rediss://", "redis+unix://")


class HttpSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    max_upload_mb: float = Field(50, gt=0, description="Larger request bodies are refused with 413.")
    cors_origins: list[str] = Field(default_factory=list)
    console_dir: Path | None = Field(
        None, description="The built web console to serve; by default web/dist beside the package."
    )
    metrics_token: str | None = Field(
        None,
        min_length=16,
        description="Bearer token Prometheus sends to scrape /metrics; without it only users with "
        "system.manage may read the metrics.",
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="Addresses or networks (e.g. 10.0.0.0/8) of the reverse proxies whose X-Forwarded-For "
        "and X-Forwarded-Proto are believed; from anyone else those headers are ignored (the client "
        "address in rate limits and the audit log is then the connecting address).",
    )

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses_or_networks(cls, proxies: list[str]) -> list[str]:
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"{proxy!r} is not an IP address or network") from None
        return proxies


_BUS_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


def check_bus_prefix(prefix: str) -> str:
    """The prefix itself, or ValueError naming what is wrong with it (NATS names allow no dots or spaces)."""
    if not _BUS_PREFIX.fullmatch(prefix):
        raise ValueError(
            f"bus prefix {prefix!r} must be 1-32 letters, digits, '_' or '-', starting with a letter or digit"
        )
    return prefix


class BusSettings(BaseModel):
    kind: Literal["embedded", "nats"] = "embedded"
    nats_url: str = "nats://127.0.0.1:4222"
    prefix: str = Field(
        "safecity",
        description="Prefixes the NATS stream, subjects, key-value buckets and durable consumers, so "
        "several deployments (or test runs) can share one NATS server.",
    )
    start_timeout_seconds: float = Field(
        30.0,
        gt=0,
        description="How long start-up keeps trying to reach NATS before it reports the bus unreachable "
        "(a worker then says so and tries again).",
    )

    @field_validator("prefix")
    @classmethod
    def _a_nats_name(cls, prefix: str) -> str:
        return check_bus_prefix(prefix)


class AuthSettings(BaseModel):
    jwt_secret: str | None = Field(
        None, description="HS256 signing key; when empty a random key is created in the data directory."
    )
    access_token_minutes: int = Field(60, ge=1, le=24 * 60)
    access_token_seconds: int | None = Field(
        None,
        ge=5,
        le=24 * 3600,
        description="The access token's lifetime in seconds; overrides access_token_minutes when set (tests, "
        "strict sites). The console refreshes it silently before it ends.",
    )
    session_hours: float = Field(
        12.0,
        gt=0,
        le=7 * 24,
        description="A login's refresh tokens work this long (one shift); then the user logs in again.",
    )
    refresh_reuse_grace_seconds: int = Field(
        10,
        ge=0,
        le=120,
        description="A refresh token rotated this recently may be presented once more (two console windows "
        "refreshing at the same moment); later reuse revokes the whole login.",
    )
    media_ticket_seconds: int = Field(
        60,
        ge=5,
        le=600,
        description="Lifetime of a media ticket: the signed, single-purpose credential an <img>, <video>, "
        "MJPEG or WebSocket URL carries instead of the access token.",
    )
    idle_lock_minutes: int = Field(
        15, ge=0, le=24 * 60, description="The console locks after this long without input (0: never)."
    )
    login_free_failures: int = Field(
        5,
        ge=1,
        validation_alias=AliasChoices("login_free_failures", "login_attempts_per_minute"),
        description="Wrong passwords per username and client address before logins from there wait (15 s, "
        "doubling, at most 15 min); an address gets 4x over all usernames, and a username 4x over the "
        "addresses it never logged in from (its usual addresses are never locked out).",
    )


class ApiNodeSettings(BaseModel):
    """What several `safecity serve` processes behind one address share (one node needs none of it)."""

    redis_url: str | None = Field(
        None,
        description="Redis that holds the rate-limit budgets (logins, panic, public lookups) for every API "
        "node; when empty each node counts in its own memory, right for a single node.",
    )
    redis_key_prefix: str = Field(
        "safecity",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_:-]{0,63}$",
        description="Prefixes this deployment's keys, so several deployments can share one Redis.",
    )
    leader_retry_seconds: float = Field(
        5.0,
        gt=0,
        le=60,
        description="How often a standby node tries to take over the cluster's singleton jobs (the "
        "escalation timer, the clip job, ...) and the leader checks that it still holds them.",
    )

    @field_validator("redis_url")
    @classmethod
    def _a_redis_url(cls, url: str | None) -> str | None:
        if url and not url.startswith(REDIS_URL_SCHEMES):
            raise ValueError("not a Redis URL (redis://host:6379/0, rediss://... or redis+unix://...)")
        return url or None


class LoggingSettings(BaseModel):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    json_output: bool = Field(False, description="One JSON object per log line (for log shippers).")
