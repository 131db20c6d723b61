"""Access tokens in URLs (`?token=` of MJPEG, HLS and the live socket) never reach the logs."""

from __future__ import annotations

import io
import logging

from safecity.core.log_redaction import RedactQuerySecrets
from safecity.core.log_redaction import redact_query_secrets

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl"


def test_an_access_log_line_keeps_the_path_but_not_the_token() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactQuerySecrets())
    logger = logging.getLogger("tests.uvicorn.access")
    logger.addHandler(handler)
    logger.propagate = False
    try:  # the arguments uvicorn's access logger passes
        logger.warning(
            '%s - "%s %s HTTP/%s" %d',
            "10.0.0.5:5123",
            "GET",
            f"/api/v1/cameras/cam-1/live.mjpeg?token={JWT}&fps=5",
            "1.1",
            200,
        )
    finally:
        logger.removeHandler(handler)
    line = stream.getvalue()
    assert JWT not in line
    assert "/api/v1/cameras/cam-1/live.mjpeg?token=[redacted]&fps=5" in line


def test_every_spelling_of_a_query_secret_is_redacted() -> None:
    assert (
        redact_query_secrets(f"/live?topics=alert.>&TOKEN={JWT}") == "/live?topics=alert.>&TOKEN=[redacted]"
    )
    assert redact_query_secrets(f"/x?access_token={JWT}") == "/x?access_token=[redacted]"
    assert redact_query_secrets("/x?tokens=1&mytoken=2") == "/x?tokens=1&mytoken=2"
