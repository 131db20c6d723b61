"""Refresh tokens: rotating, revocable, stored hashed, one family per password login. No HTTP here.

- `start` (at login) creates a family that lives `session` long (a shift, 12 h by default).
- `rotate` trades a live token for its successor. A token already rotated is accepted once more within
  `grace` (two windows of one console refreshing at the same moment); after that, presenting it again means
  it was copied: the whole family is revoked, so the thief's and the owner's tokens both stop working.
- `revoke` (logout, idle lock) ends a family; `revoke_user` ends every login of a user (disabled account,
  new password).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from safecity.core.auth import secret_tokens
from safecity.core.auth.models import RefreshToken
from safecity.core.auth.models import User
from safecity.core.auth.service import UserView


class RefreshRefusedError(Exception):
    """The refresh token cannot be used; the message says why (unknown, expired, revoked, reused)."""


class RefreshReusedError(RefreshRefusedError):
    """A rotated token came back after the grace: it was copied, and its family is now revoked."""

    def __init__(self, username: str) -> None:
        super().__init__("refresh token used twice: every token of this login is revoked")
        self.username = username


@dataclass(frozen=True, slots=True)
class IssuedRefresh:
    token: str
    family: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Rotated:
    user: UserView
    refresh: IssuedRefresh


def _issue(
    session: Session, username: str, family: str, expires_at: datetime, now: datetime
) -> IssuedRefresh:
    issued = secret_tokens.issue(32)
    session.add(
        RefreshToken(
            family=family,
            username=username,
            token_hash=issued.sha256,
            created_at=now,
            expires_at=expires_at,
        )
    )
    session.flush()
    return IssuedRefresh(issued.token, family, expires_at)


def start(session: Session, username: str, *, now: datetime, lifetime: timedelta) -> IssuedRefresh:
    """A new family for a password login."""
    return _issue(session, username, secrets.token_hex(16), now + lifetime, now)


def rotate(session: Session, token: str, *, now: datetime, grace: timedelta) -> Rotated:
    """The user and the token's successor; raises RefreshRefusedError (and may revoke the family)."""
    row = session.scalar(select(RefreshToken).where(RefreshToken.token_hash == secret_tokens.digest(token)))
    if row is None:
        raise RefreshRefusedError("unknown refresh token")
    if row.revoked_at is not None:
        raise RefreshRefusedError(f"refresh token revoked ({row.revoked_reason})")
    if row.expires_at <= now:
        raise RefreshRefusedError("session over: log in again")
    if row.rotated_at is not None and now - row.rotated_at > grace:
        revoke_family(session, row.family, reason="reused", now=now)
        raise RefreshReusedError(row.username)
    user = session.scalar(select(User).where(User.username == row.username))
    if user is None or not user.is_active:
        revoke_family(session, row.family, reason="account disabled", now=now)
        raise RefreshRefusedError("account disabled")
    if row.rotated_at is None:
        row.rotated_at = now
    return Rotated(UserView.of(user), _issue(session, row.username, row.family, row.expires_at, now))


def revoke_family(session: Session, family: str, *, reason: str, now: datetime) -> int:
    """Revoke every live token of a family; the number revoked."""
    return _revoke(session, RefreshToken.family == family, reason=reason, now=now)


def revoke(session: Session, token: str, *, reason: str, now: datetime) -> bool:
    """Revoke the family of `token` (logout); False when the token is unknown."""
    family = session.scalar(
        select(RefreshToken.family).where(RefreshToken.token_hash == secret_tokens.digest(token))
    )
    if family is None:
        return False
    revoke_family(session, family, reason=reason, now=now)
    return True


def revoke_user(session: Session, username: str, *, reason: str, now: datetime) -> int:
    """Revoke every login of a user; the number of tokens revoked."""
    return _revoke(session, RefreshToken.username == username, reason=reason, now=now)


def _revoke(session: Session, where: object, *, reason: str, now: datetime) -> int:
    result = session.execute(
        update(RefreshToken)
        .where(where, RefreshToken.revoked_at.is_(None))  # type: ignore[arg-type]
        .values(revoked_at=now, revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
