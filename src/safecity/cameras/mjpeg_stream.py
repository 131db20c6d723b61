"""The MJPEG live view's pacing: wait for the first picture only so long, and stop when the viewer is gone.

A camera that sends nothing would otherwise hold the request forever: no picture means nothing is written,
so the server never notices that the client left.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from collections.abc import Awaitable
from collections.abc import Callable
from typing import TypeVar

FIRST_PICTURE_SECONDS = 10.0  # a live camera sends several a second; none in this long means none is coming
DISCONNECT_POLL_SECONDS = 1.0

_Picture = TypeVar("_Picture")


class NoPictureError(Exception):
    """The camera sent no picture in time."""


async def first_picture(pictures: AsyncIterator[_Picture], within: float) -> _Picture:
    try:
        return await asyncio.wait_for(anext(pictures), within)
    except (TimeoutError, StopAsyncIteration):
        raise NoPictureError from None


async def next_picture_or_gone(
    pictures: AsyncIterator[_Picture],
    gone: Callable[[], Awaitable[bool]],
    poll: float = DISCONNECT_POLL_SECONDS,
) -> _Picture | None:
    """The next picture, or None once `gone()` says the viewer left (checked every `poll` seconds)."""
    waiting = asyncio.ensure_future(anext(pictures))
    try:
        while True:
            done, _ = await asyncio.wait({waiting}, timeout=poll)
            if done:
                try:
                    return waiting.result()
                except StopAsyncIteration:
                    return None
            if await gone():
                return None
    finally:
        if not waiting.done():
            waiting.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await waiting
