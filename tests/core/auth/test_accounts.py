"""Users, roles, passwords and tokens."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from safecity.core.auth.passwords import WeakPasswordError
from safecity.core.auth.passwords import hash_password
from safecity.core.auth.passwords import verify_password
from safecity.core.auth.permissions import Permission
from safecity.core.auth.permissions import Role
from safecity.core.auth.permissions import has_permission
from safecity.core.auth.service import UserError
from safecity.core.auth.service import authenticate
from safecity.core.auth.service import create_user
from safecity.core.auth.service import list_users
from safecity.core.auth.service import set_active
from safecity.core.auth.service import set_role
from safecity.core.auth.tokens import InvalidTokenError
from safecity.core.auth.tokens import TokenIssuer
from safecity.core.db import Database

SECRET = "s" * 40


def test_passwords_are_hashed_with_argon2id_and_verified() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "wrong horse battery")


def test_short_passwords_are_refused() -> None:
    with pytest.raises(WeakPasswordError, match="at least 8"):
        hash_password("short")


def test_tokens_carry_the_user_and_role_and_expire() -> None:
    issuer = TokenIssuer(SECRET, timedelta(minutes=5))
    issued = issuer.issue("ayesha", "operator")
    claims = issuer.decode(issued.token)
    assert (claims.username, claims.role) == ("ayesha", "operator")
    stale = issuer.issue("ayesha", "operator", now=datetime.now(UTC) - timedelta(minutes=10))
    with pytest.raises(InvalidTokenError, match="expired"):
        issuer.decode(stale.token)


def test_a_token_signed_with_another_key_is_rejected() -> None:
    forged = TokenIssuer("x" * 40, timedelta(minutes=5)).issue("admin", "admin")
    with pytest.raises(InvalidTokenError):
        TokenIssuer(SECRET, timedelta(minutes=5)).decode(forged.token)


def test_every_role_has_a_distinct_purpose() -> None:
    assert has_permission(Role.ADMIN, Permission.USERS_MANAGE)
    assert not has_permission(Role.ADMIN, Permission.AUDIT_READ)
    assert has_permission(Role.AUDITOR, Permission.AUDIT_READ)
    assert not has_permission(Role.AUDITOR, Permission.EVENTS_READ)
    assert has_permission(Role.TRAFFIC_OFFICER, Permission.CHALLAN_VALIDATE)
    assert not has_permission(Role.OPERATOR, Permission.CHALLAN_VALIDATE)
    assert has_permission(Role.INVESTIGATOR, Permission.PLATES_SEARCH)
    assert not has_permission(Role.OPERATOR, Permission.PLATES_SEARCH)


def test_users_are_created_listed_and_change_role(database: Database) -> None:
    with database.session() as session:
        create_user(session, "bilal", "password-123", "operator", "Bilal Ahmed")
        create_user(session, "ayesha", "password-123", "supervisor")
    with database.session() as session:
        assert [(u.username, u.role) for u in list_users(session)] == [
            ("ayesha", "supervisor"),
            ("bilal", "operator"),
        ]
        assert set_role(session, "bilal", "investigator").role == "investigator"


def test_duplicate_usernames_and_unknown_roles_are_refused(database: Database) -> None:
    with database.session() as session:
        create_user(session, "bilal", "password-123", "operator")
    with database.session() as session, pytest.raises(UserError, match="already exists"):
        create_user(session, "bilal", "password-123", "operator")
    with database.session() as session, pytest.raises(UserError, match="unknown role 'chief'"):
        create_user(session, "zara", "password-123", "chief")


def test_login_needs_the_right_password_and_an_active_account(database: Database) -> None:
    with database.session() as session:
        create_user(session, "bilal", "password-123", "operator")
    with database.session() as session:
        assert authenticate(session, "bilal", "password-123") is not None
        assert authenticate(session, "bilal", "password-124") is None
        assert authenticate(session, "nobody", "password-123") is None
        set_active(session, "bilal", False)
    with database.session() as session:
        assert authenticate(session, "bilal", "password-123") is None
