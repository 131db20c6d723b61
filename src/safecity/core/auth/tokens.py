"""JWT access tokens and media tickets (HS256, with expiry) via PyJWT.

A media ticket is a second kind of token for URLs a browser loads itself (<img>, <video>, MJPEG, the live
WebSocket), which cannot carry an Authorization header: short-lived and marked with its own audience, so a
ticket is refused as a bearer token and an access token is refused as a ticket."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import jwt

ALGORITHM = "HS256"
ISSUER = "safecity"
MEDIA_AUDIENCE = "safecity-media"


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
    def __init__(
        self, secret: str, lifetime: timedelta, ticket_lifetime: timedelta = timedelta(seconds=60)
    ) -> None:
        if len(secret) < 32:
            raise ValueError("the JWT secret must have at least 32 characters")
        self._secret = secret
        self.lifetime = lifetime
        self.ticket_lifetime = ticket_lifetime

    def issue(self, username: str, role: str, *, now: datetime | None = None) -> IssuedToken:
        return self._signed(username, role, now, self.lifetime, {"jti": secrets.token_hex(8)})

    def issue_media_ticket(self, username: str, role: str, *, now: datetime | None = None) -> IssuedToken:
        """A ticket for media URLs only (see the module's doc); it lives `ticket_lifetime`."""
        return self._signed(username, role, now, self.ticket_lifetime, {"aud": MEDIA_AUDIENCE})

    def _signed(
        self, username: str, role: str, now: datetime | None, lifetime: timedelta, extra: dict[str, str]
    ) -> IssuedToken:
        issued_at = now or datetime.now(UTC)
        expires_at = issued_at + lifetime
        claims = {"sub": username, "role": role, "iat": issued_at, "exp": expires_at, "iss": ISSUER, **extra}
        return IssuedToken(jwt.encode(claims, self._secret, algorithm=ALGORITHM), expires_at)

    def decode(self, token: str) -> TokenClaims:
        """An access token's claims (a media ticket is refused: PyJWT rejects an audience nobody expects)."""
        return self._decode(token, audience=None)

    def decode_media_ticket(self, ticket: str) -> TokenClaims:
        return self._decode(ticket, audience=MEDIA_AUDIENCE)

    def _decode(self, token: str, *, audience: str | None) -> TokenClaims:
        required = ["exp", "sub", "aud"] if audience else ["exp", "sub"]
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                audience=audience,
                options={"require": required},
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
