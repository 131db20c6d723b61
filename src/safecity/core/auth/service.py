"""User accounts: creation, roles and password login. No HTTP here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.auth.models import User
from safecity.core.auth.passwords import DUMMY_HASH
from safecity.core.auth.passwords import hash_password
from safecity.core.auth.passwords import needs_rehash
from safecity.core.auth.passwords import verify_password
from safecity.core.auth.permissions import Role
from safecity.core.db import utcnow
from safecity.core.errors import ConflictError
from safecity.core.errors import NotFoundError

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,63}$")


class UserError(ConflictError, ValueError):
    """A user operation was refused; the message says why."""


class UserNotFoundError(NotFoundError, UserError):
    pass


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: str
    is_active: bool

    @classmethod
    def of(cls, user: User) -> UserView:
        return cls(user.id, user.username, user.full_name, user.role, user.is_active)


def parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise UserError(f"unknown role {role!r} (one of: {', '.join(r.value for r in Role)})") from None


def create_user(session: Session, username: str, password: str, role: str, full_name: str = "") -> UserView:
    if not USERNAME_PATTERN.match(username):
        raise UserError("username must be 2-64 lower-case letters, digits, '.', '_' or '-'")
    checked_role = parse_role(role)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserError(f"user {username!r} already exists")
    user = User(
        username=username, full_name=full_name, role=checked_role.value, password_hash=hash_password(password)
    )
    session.add(user)
    session.flush()
    return UserView.of(user)


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UserNotFoundError(f"no user {username!r}")
    return user


def list_users(session: Session) -> list[UserView]:
    return [UserView.of(u) for u in session.scalars(select(User).order_by(User.username))]


class LastAdminError(UserError):
    """The change would leave no active administrator (nobody could manage users any more)."""


def _keep_an_admin(session: Session, user: User, *, role: str, active: bool) -> None:
    still_admin = role == Role.ADMIN.value and active
    if not (user.role == Role.ADMIN.value and user.is_active) or still_admin:
        return
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN.value, User.is_active.is_(True), User.id != user.id)
    )
    if not others:
        raise LastAdminError(f"{user.username!r} is the last active admin: make another admin first")


def set_role(session: Session, username: str, role: str) -> UserView:
    user = get_user(session, username)
    checked = parse_role(role).value
    _keep_an_admin(session, user, role=checked, active=user.is_active)
    user.role = checked
    return UserView.of(user)


def set_active(session: Session, username: str, active: bool) -> UserView:
    user = get_user(session, username)
    _keep_an_admin(session, user, role=user.role, active=active)
    user.is_active = active
    return UserView.of(user)


def set_password(session: Session, username: str, password: str) -> UserView:
    """A new password (checked like any other); the old one stops working at once."""
    user = get_user(session, username)
    user.password_hash = hash_password(password)
    return UserView.of(user)


def authenticate(session: Session, username: str, password: str) -> UserView | None:
    """The user when the password is right and the account active; None otherwise (same cost either way)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        verify_password(DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password) or not user.is_active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return UserView.of(user)
