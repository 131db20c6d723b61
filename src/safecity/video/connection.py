"""One camera connection as its readers (the frame source, the recorder) keep it: status, reconnects, errors.

Both readers hold their connection open in a thread that reconnects with backoff until closed; this module
is that loop and the status it reports through `on_state`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from safecity.video.decoder import describe
from safecity.video.reconnect import Backoff
from safecity.video.reconnect import StoppedError
from safecity.video.reconnect import retry_until_stopped
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStatus

log = logging.getLogger(__name__)

StateCallback = Callable[[SourceState], None]


class Connection:
    """A connection's `status`, `reconnects` and `last_error`; every change of status goes to `on_state`.

    `closed` is the reader's own stop signal. `reader` names the reader in log lines ("camera gate-3
    recorder ..."); empty for the frame source. `url` is the address without credentials.
    """

    def __init__(
        self,
        camera_id: str,
        url: str,
        on_state: StateCallback | None,
        closed: threading.Event,
        *,
        reader: str = "",
    ) -> None:
        self.camera_id = camera_id
        self.status: SourceStatus | None = None
        self.reconnects = 0
        self.last_error: str | None = None
        self._url = url
        self._on_state = on_state
        self._closed = closed
        self._name = f"camera {camera_id} {reader}".rstrip()
        self._lock = threading.Lock()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def set_status(self, status: SourceStatus, reason: str = "") -> None:
        with self._lock:
            if status is self.status or self.status is SourceStatus.CLOSED:
                return
            self.status = status
        log.info("%s %s%s", self._name, status.value, f": {reason}" if reason else "")
        if self._on_state is not None:
            try:
                self._on_state(SourceState(self.camera_id, status, time.time(), reason))
            except Exception:  # a listener's bug must not stop the camera
                log.exception("%s: on_state callback failed", self._name)

    def came_online(self) -> None:
        """The first data of a session arrived; after an outage that is a reconnect."""
        if self.status is SourceStatus.OFFLINE:
            self.reconnects += 1
        self.set_status(SourceStatus.ONLINE)

    def went_offline(self, reason: str) -> None:
        self.last_error = reason
        if not self.closed and self.status is not SourceStatus.OFFLINE:
            log.warning("%s (%s) offline: %s", self._name, self._url, reason)
            self.set_status(SourceStatus.OFFLINE, reason)

    def keep_open(self, session: Callable[[], bool], backoff: Backoff) -> None:
        """Run `session` (one connection; True when the stream is over for good) again after each failure,
        waiting per `backoff`, until it is over or the connection is closed. Runs in the reader's thread."""
        try:
            while not self.closed:
                if retry_until_stopped(session, self._closed, backoff, name=self._url):
                    if not self.closed:
                        self.set_status(SourceStatus.ENDED, "end of file")
                    break
        except StoppedError:
            pass
        except Exception as exc:  # a bug must not stop the camera silently
            log.exception("%s: stopped by an unexpected error", self._name)
            self.last_error = describe(exc)
            self.set_status(SourceStatus.OFFLINE, f"internal error: {describe(exc)}")
