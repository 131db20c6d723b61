"""Secret tokens handed to a client (a panicking phone, a reporting citizen) so that it can prove later that a
stored row is its own: the client keeps the token, the row keeps only its sha256, and a presented token is
checked against that digest in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SecretToken:
    token: str  # for the client, never stored
    sha256: str  # for the row


def issue(nbytes: int = 24) -> SecretToken:
    """A new random URL-safe token of `nbytes` random bytes, and its digest."""
    token = secrets.token_urlsafe(nbytes)
    return SecretToken(token, digest(token))


def digest(token: str) -> str:
    """The hex sha256 of a token, as stored (and looked up) in place of the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def matches(stored_sha256: str, token: str) -> bool:
    """Whether `token` is the one whose digest was stored (constant-time)."""
    return hmac.compare_digest(stored_sha256, digest(token))
