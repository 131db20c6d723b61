"""Camera credentials: kept out of stored URLs, masked in API answers, put back only for the worker."""

from __future__ import annotations

from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

MASK = "***"


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """`rtsp://admin:secret@host/x` → (`rtsp://host/x`, "admin", "secret"); other URLs unchanged."""
    parts = urlsplit(url)
    if not parts.netloc or "@" not in parts.netloc:
        return url, None, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    username, _, password = userinfo.partition(":")
    bare = urlunsplit(parts._replace(netloc=host))
    return bare, unquote(username) or None, unquote(password) if password else None


def _with_userinfo(url: str, userinfo: str) -> str:
    parts = urlsplit(url)
    if not parts.netloc:
        return url  # a file path: nothing to put credentials into
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{parts.netloc}"))


def masked_url(url: str, username: str | None, password: str | None) -> str:
    """What the API shows: the user name, and `***` where the password is."""
    if not username and not password:
        return url
    userinfo = quote(username or "", safe="") + (f":{MASK}" if password else "")
    return _with_userinfo(url, userinfo)


def full_url(url: str, username: str | None, password: str | None) -> str:
    """The address the worker opens, credentials included. Never log or return this."""
    if not username and not password:
        return url
    userinfo = quote(username or "", safe="") + (f":{quote(password, safe='')}" if password else "")
    return _with_userinfo(url, userinfo)
