"""Cross-process wake-ups for the embedded bus on SQLite: a directory of named pipes beside the database.

Every started bus makes a FIFO in `<database file>-bus-wakeup/` and reads it from its event loop; once a
publish commits, the publisher writes one byte, without blocking, into every other FIFO there.

Why named pipes: SQLite tells a connection nothing about other connections' commits (its hooks are per
connection), and WAL mode works only between processes on one host (they share memory), so a host-local
mechanism reaches every process that can use the file. Watching the `-wal` file would fire on every write,
consumers' offset commits included; a UNIX socket beside the database could exceed the 107-byte limit on
socket paths, which a FIFO, opened like a file, does not have. A FIFO whose reader is gone (its process was
killed) refuses a non-blocking open for writing with ENXIO, and the publisher removes it.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

_SUFFIX = ".fifo"


class FifoWakeup:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._own: Path | None = None
        self._reader: int | None = None
        # Held open so the pipe always has a writer: without one, a reader sees end-of-file after every
        # publisher closes, and the event loop would report it readable forever.
        self._keepalive_writer: int | None = None

    def announce_in(self, session: Session) -> None:
        event.listen(session, "after_commit", lambda _session: self.ring_others(), once=True)

    def ring_others(self) -> None:
        """Write a byte into every other bus's FIFO; remove those whose reader is gone."""
        for fifo in self.directory.glob(f"*{_SUFFIX}"):
            if fifo != self._own:
                _ring(fifo)

    async def start(self, wake: Callable[[], None]) -> None:
        """Never fails the bus: without a pipe (a read-only directory, say) it relies on its poll."""
        if self._reader is not None:
            return
        try:
            reader = self._make_pipe()
        except OSError as error:
            logger.warning(
                "bus: cannot listen for wake-ups in %s (%s); events from other processes wait for the poll",
                self.directory,
                error,
            )
            return
        asyncio.get_running_loop().add_reader(reader, _drain, reader, wake)

    def _make_pipe(self) -> int:
        """Our pipe, in place and open for reading; returns the reading end."""
        self.directory.mkdir(exist_ok=True)
        name = secrets.token_hex(8)
        # Made under a name publishers ignore and renamed once it has a reader, so a publisher never takes
        # a pipe being set up for one left by a dead process.
        unready = self.directory / f".{name}.unready"
        os.mkfifo(unready)
        try:
            self._reader = os.open(unready, os.O_RDONLY | os.O_NONBLOCK)
            self._keepalive_writer = os.open(unready, os.O_WRONLY | os.O_NONBLOCK)
            own = self.directory / f"{name}{_SUFFIX}"
            unready.rename(own)
            self._own = own
        except BaseException:
            unready.unlink(missing_ok=True)
            self._close_descriptors()
            raise
        return self._reader

    async def close(self) -> None:
        if self._own is not None:
            self._own.unlink(missing_ok=True)
            self._own = None
        if self._reader is not None:
            asyncio.get_running_loop().remove_reader(self._reader)
        self._close_descriptors()

    def _close_descriptors(self) -> None:
        for descriptor in (self._reader, self._keepalive_writer):
            if descriptor is not None:
                os.close(descriptor)
        self._reader = self._keepalive_writer = None

    def health(self) -> dict[str, Any]:
        return {
            "kind": "sqlite named pipes",
            "directory": str(self.directory),
            "listening": self._own is not None,
        }


def _drain(reader: int, wake: Callable[[], None]) -> None:
    with contextlib.suppress(BlockingIOError):
        while os.read(reader, 4096):
            pass
    wake()


def _ring(fifo: Path) -> None:
    """Never raises: it runs after the publish committed, which must not look failed for a missed wake-up."""
    try:
        descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return  # its bus closed meanwhile
    except OSError as error:
        if error.errno == errno.ENXIO:
            with contextlib.suppress(OSError):
                fifo.unlink(missing_ok=True)
        else:
            logger.warning("bus: cannot wake the bus listening on %s: %s", fifo, error)
        return
    try:
        os.write(descriptor, b"\0")
    except BlockingIOError:
        pass  # the pipe is full: its reader has wake-ups pending already
    except OSError as error:
        logger.warning("bus: cannot wake the bus listening on %s: %s", fifo, error)
    finally:
        os.close(descriptor)
