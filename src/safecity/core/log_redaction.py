"""Secrets in URLs never reach the logs: the console's MJPEG, snapshot and live-socket URLs carry a
short-lived media ticket as `?ticket=`, since an <img> or a WebSocket cannot send a header, and uvicorn's
access log prints the full path. Access tokens are refused in URLs, but a client that still sends one as
`?token=` must not have it logged either."""

from __future__ import annotations

import logging
import re

_QUERY_SECRET = re.compile(r"(?i)([?&](?:token|access_token|api_key|ticket|refresh_token)=)[^&\s\"']+")
REDACTED = "[redacted]"


def redact_query_secrets(text: str) -> str:
    return _QUERY_SECRET.sub(rf"\1{REDACTED}", text)


class RedactQuerySecrets(logging.Filter):
    """Rewrites a record's message and string arguments with `?token=...` values replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_query_secrets(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact_query_secrets(a) if isinstance(a, str) else a for a in record.args)
        return True
