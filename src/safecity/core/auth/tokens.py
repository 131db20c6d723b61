"""JWT access tokens (HS256, with expiry) via PyJWT."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt

ALGORITHM = "HS256"
ISSUER = "safecity"


class InvalidTokenError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class TokenClaims:
    username: str
    role: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_at: datetime


class TokenIssuer:
    def __init__(self, secret: str, lifetime: timedelta) -> None:
        if len(secret) < 32:
            raise ValueError("the JWT secret must have at least 32 characters")
        self._secret = secret
        self.lifetime = lifetime

    def issue(self, username: str, role: str, *, now: datetime | None = None) -> IssuedToken:
        issued_at = now or datetime.now(UTC)
        expires_at = issued_at + self.lifetime
        claims = {
            "sub": username,
            "role": role,
            "iat": issued_at,
            "exp": expires_at,
            "iss": ISSUER,
            "jti": secrets.token_hex(8),
        }
        return IssuedToken(jwt.encode(claims, self._secret, algorithm=ALGORITHM), expires_at)

    def decode(self, token: str) -> TokenClaims:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"require": ["exp", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidTokenError("token expired") from exc
        except jwt.PyJWTError as exc:
            raise InvalidTokenError(f"invalid token: {exc}") from exc
        return TokenClaims(
            username=str(claims["sub"]),
            role=str(claims.get("role", "")),
            expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
        )


def load_or_create_secret(path: Path) -> str:
    """The signing key kept in the data directory (created once, readable by the owner only)."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    secret = secrets.token_urlsafe(48)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(secret, encoding="utf-8")
    return secret
