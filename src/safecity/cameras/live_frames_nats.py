"""Live pictures through a NATS JetStream key-value bucket, so API nodes and workers share no disk.

The bucket (`BusNames(prefix).bucket("live_frames")`, in memory, one value per key) keeps each camera's
newest JPEG under `<camera id>.clean` and `<camera id>.overlay` (a camera id's dots are written as `=`, which
ids never hold, so each key has exactly two tokens). Its TTL is short: a dead worker's pictures disappear
and the API answers "no picture yet". The time a picture was taken travels in a header.

Workers put from their camera threads; the put hands the picture to the event loop, which sends one picture
per key at a time, always the newest (a slow or absent server never queues more than one per key). A picture
larger than the server's `max_payload` is scaled down to fit. Readers get the newest with a direct get and
follow a camera with an ordered consumer on its keys (the server pushes each new picture: no polling).
A follower marks its camera as watched on `<viewers subject>.<camera id>` (plain NATS); only watched cameras
send every picture (`live_demand`). The bucket lives in the server's memory, so a restarted server has lost
it: every client makes it again when it reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncGenerator
from collections.abc import Coroutine
from typing import Any

from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.errors import Error as NatsError
from nats.js import JetStreamContext
from nats.js.api import DeliverPolicy
from nats.js.api import KeyValueConfig
from nats.js.api import StorageType
from nats.js.errors import BucketNotFoundError
from nats.js.errors import NotFoundError

from safecity.cameras.jpeg_fit import fit_jpeg
from safecity.cameras.live_demand import IDLE_SECONDS
from safecity.cameras.live_demand import VIEWER_REFRESH_SECONDS
from safecity.cameras.live_demand import LiveDemand
from safecity.cameras.live_frames import LiveFrame
from safecity.cameras.live_frames import LiveFramesUnavailableError
from safecity.cameras.schemas import check_camera_id
from safecity.core.bus.nats_connect import ConnectionCallbacks
from safecity.core.bus.nats_connect import connect
from safecity.core.logs import get_logger

log = get_logger(__name__)

DEFAULT_TTL_SECONDS = 30.0
FRAME_AT_HEADER = "Safecity-Frame-At"
KV_OPERATION_HEADER = "KV-Operation"  # set on a deleted or purged key's marker
FOLLOWER_GONE_SECONDS = 5.0  # the server deletes a follower's consumer this long after it unsubscribed
HEADER_ROOM = 1024  # bytes of max_payload kept for the subject and headers
CLEAN, OVERLAY = "clean", "overlay"


def frame_key(camera_id: str, *, overlay: bool) -> str:
    return f"{_key_root(camera_id)}.{OVERLAY if overlay else CLEAN}"


def _key_root(camera_id: str) -> str:
    return check_camera_id(camera_id).replace(".", "=")


class NatsLiveFrames:
    def __init__(
        self,
        *,
        url: str,
        bucket: str,
        viewers_subject: str,
        ttl: float = DEFAULT_TTL_SECONDS,
        idle_seconds: float | None = IDLE_SECONDS,
        connect_timeout: float = 2.0,
        start_timeout: float = 30.0,
        reconnect_wait: float = 0.5,
        request_timeout: float = 2.0,
    ) -> None:
        if ttl <= 0:
            raise ValueError(f"live frames TTL must be positive, got {ttl}")
        self._url = url
        self._bucket = bucket
        self._ttl = ttl
        self._connect_timeout = connect_timeout
        self._start_timeout = start_timeout
        self._reconnect_wait = reconnect_wait
        self._request_timeout = request_timeout
        self._stream = f"KV_{bucket}"  # the key-value protocol's names for a bucket's stream and subjects
        self._subjects = f"$KV.{bucket}."
        self._viewers_subject = viewers_subject
        self._demand = LiveDemand(idle_seconds)
        self._marked_at: dict[str, float] = {}  # when `watch` last sent a camera's viewer mark
        self._client: Client | None = None
        self._jetstream: JetStreamContext | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._max_picture_bytes = 0
        self._lock = threading.Lock()
        self._unsent: dict[str, LiveFrame] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # senders, and followers' clean-ups
        self._shrunk: set[str] = set()  # cameras already logged for pictures over max_payload
        self._failing = False
        self._closing = False

    @property
    def bucket(self) -> str:
        return self._bucket

    # lifecycle

    async def start(self) -> None:
        if self._client is not None:
            return
        client: Client | None = None
        try:
            client = await connect(
                self._url,
                name="safecity-live-frames",
                callbacks=ConnectionCallbacks(self._on_error, self._on_disconnected, self._on_reconnected),
                connect_timeout=self._connect_timeout,
                reconnect_wait=self._reconnect_wait,
                start_timeout=self._start_timeout,
            )
            jetstream = client.jetstream(timeout=self._request_timeout)
            await self._ensure_bucket(jetstream)
            await client.subscribe(f"{self._viewers_subject}.*", cb=self._on_viewer)
        except Exception as error:
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.close()
            raise LiveFramesUnavailableError(
                f"cannot open the live pictures bucket {self._bucket!r} on NATS at {self._url}: {error!r}"
            ) from error
        self._client, self._jetstream = client, jetstream
        self._loop = asyncio.get_running_loop()
        self._max_picture_bytes = client.max_payload - HEADER_ROOM

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._client is not None:
            self._closing = True
            with contextlib.suppress(Exception):
                await self._client.close()
        self._client = self._jetstream = self._loop = None
        self._closing = False

    async def _on_error(self, error: Exception) -> None:
        log.warning("live pictures: NATS connection error", url=self._url, error=repr(error))

    async def _on_disconnected(self) -> None:
        if self._closing:
            return
        log.warning("live pictures: disconnected from NATS; reconnecting", url=self._url)

    async def _on_reconnected(self) -> None:
        """A restarted server has lost the bucket (memory storage): the first to reconnect makes it again."""
        log.info("live pictures: reconnected to NATS", url=self._url)
        if self._jetstream is not None:
            try:
                await self._ensure_bucket(self._jetstream)
            except NatsError as error:
                log.warning("live pictures bucket not made again", bucket=self._bucket, error=repr(error))

    async def _ensure_bucket(self, jetstream: JetStreamContext) -> None:
        try:
            status = await (await jetstream.key_value(self._bucket)).status()
        except BucketNotFoundError:
            config = KeyValueConfig(
                bucket=self._bucket,
                description="safecity: the newest picture of each camera",
                history=1,
                ttl=self._ttl,
                storage=StorageType.MEMORY,
                direct=True,
            )
            await jetstream.create_key_value(config)
            return
        if status.ttl != self._ttl:
            log.info("live pictures bucket kept with its own TTL", bucket=self._bucket, ttl=status.ttl)

    # writing

    def put(self, camera_id: str, jpeg: bytes, at: float | None = None, *, overlay: bool = False) -> None:
        loop = self._loop
        if loop is None:
            raise RuntimeError("live frames: put() before start() or after close()")
        if not self._demand.wanted(_key_root(camera_id), overlay=overlay):
            return
        key = frame_key(camera_id, overlay=overlay)
        frame = LiveFrame(self._fitting(camera_id, jpeg), time.time() if at is None else at)
        with self._lock:
            sending = key in self._unsent
            self._unsent[key] = frame
        if not sending:
            loop.call_soon_threadsafe(self._start_sender, key)

    def forget(self, camera_id: str) -> None:
        """Drop unsent pictures; the stored ones expire with the TTL (the camera's next worker may already
        be writing there)."""
        with self._lock:
            for overlay in (False, True):
                self._unsent.pop(frame_key(camera_id, overlay=overlay), None)
        self._demand.forget(_key_root(camera_id))

    async def _on_viewer(self, message: Msg) -> None:
        self._demand.watched(message.subject.rsplit(".", 1)[-1])

    def _fitting(self, camera_id: str, jpeg: bytes) -> bytes:
        if len(jpeg) <= self._max_picture_bytes:
            return jpeg
        fitted = fit_jpeg(jpeg, self._max_picture_bytes)
        if camera_id not in self._shrunk:
            self._shrunk.add(camera_id)
            log.warning(
                "live pictures larger than NATS max_payload are scaled down",
                camera_id=camera_id,
                picture_bytes=len(jpeg),
                max_payload=self._max_picture_bytes + HEADER_ROOM,
                sent_bytes=len(fitted),
            )
        return fitted

    def _start_sender(self, key: str) -> None:
        self._in_background(self._send_newest(key))

    def _in_background(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """A task `close()` waits for (or cancels), referenced until done."""
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _send_newest(self, key: str) -> None:
        """Send the key's newest picture until no newer one is waiting."""
        try:
            while True:
                with self._lock:
                    frame = self._unsent.get(key)
                if frame is None:
                    return
                await self._publish(key, frame)
                with self._lock:
                    if self._unsent.get(key) is frame:
                        del self._unsent[key]
                        return
        except BaseException:
            with self._lock:  # the next put starts a sender again
                self._unsent.pop(key, None)
            raise

    async def _publish(self, key: str, frame: LiveFrame) -> None:
        assert self._jetstream is not None
        try:
            await self._jetstream.publish(
                self._subjects + key, frame.jpeg, headers={FRAME_AT_HEADER: repr(frame.at)}
            )
        except NatsError as error:
            if not self._failing:
                self._failing = True
                log.warning("live pictures cannot be stored on NATS", bucket=self._bucket, error=repr(error))
            return
        if self._failing:
            self._failing = False
            log.info("live pictures are stored on NATS again", bucket=self._bucket)

    # reading

    async def latest(self, camera_id: str, *, overlay: bool = False) -> LiveFrame | None:
        frame = await self._get(frame_key(camera_id, overlay=True)) if overlay else None
        return frame or await self._get(frame_key(camera_id, overlay=False))

    async def _get(self, key: str) -> LiveFrame | None:
        jetstream = self._started()
        try:
            message = await jetstream.get_msg(self._stream, subject=self._subjects + key, direct=True)
        except NotFoundError:
            return None
        except NatsError as error:
            raise LiveFramesUnavailableError(f"live pictures cannot be read from NATS: {error!r}") from error
        return _frame_of(message.headers, message.data)

    async def follow(
        self, camera_id: str, *, overlay: bool = False, interval: float
    ) -> AsyncGenerator[LiveFrame, None]:
        newest = _Newest(prefer_overlay=overlay, overlay_outlives_clean_by=self._ttl)
        root = _key_root(camera_id)
        subject = f"{self._subjects}{root}.*"  # both variants
        try:
            subscription = await self._started().subscribe(
                subject,
                stream=self._stream,
                cb=newest.offer,
                ordered_consumer=True,
                deliver_policy=DeliverPolicy.LAST_PER_SUBJECT,
                inactive_threshold=FOLLOWER_GONE_SECONDS,
            )
        except NatsError as error:
            raise LiveFramesUnavailableError(
                f"live pictures cannot be followed on NATS: {error!r}"
            ) from error
        self._demand.watched(root)  # a worker in this process need not wait for the mark to come back
        marking = self._in_background(self._mark_watched(root))
        try:
            while True:
                yield await newest.next()
                await asyncio.sleep(interval)
        finally:
            marking.cancel()
            # Shielded: a streaming response whose client went away is cancelled at every await (anyio),
            # and a half-done unsubscribe leaves the consumer's heartbeat task behind.
            await asyncio.shield(self._in_background(_unsubscribe(subscription)))

    async def watch(self, camera_id: str) -> None:
        """One viewer mark, at most every `VIEWER_REFRESH_SECONDS` per camera (a tile reads often)."""
        root = _key_root(camera_id)
        now = time.monotonic()
        if now - self._marked_at.get(root, -VIEWER_REFRESH_SECONDS) < VIEWER_REFRESH_SECONDS:
            return
        self._marked_at[root] = now
        self._demand.watched(root)
        if self._client is not None:
            with contextlib.suppress(NatsError):
                await self._client.publish(f"{self._viewers_subject}.{root}", b"")

    async def _mark_watched(self, root: str) -> None:
        """Tell the camera's worker, wherever it runs, that someone watches (see `live_demand`)."""
        assert self._client is not None
        while True:
            with contextlib.suppress(NatsError):
                await self._client.publish(f"{self._viewers_subject}.{root}", b"")
            await asyncio.sleep(VIEWER_REFRESH_SECONDS)

    def _started(self) -> JetStreamContext:
        if self._jetstream is None:
            raise RuntimeError("live frames: read before start() or after close()")
        return self._jetstream


async def _unsubscribe(subscription: JetStreamContext.PushSubscription) -> None:
    with contextlib.suppress(NatsError):
        await subscription.unsubscribe()


class _Newest:
    """The newest clean and overlay pictures a follower was sent; `next()` waits for one not yet taken."""

    def __init__(self, *, prefer_overlay: bool, overlay_outlives_clean_by: float) -> None:
        self._prefer_overlay = prefer_overlay
        self._overlay_outlives_clean_by = overlay_outlives_clean_by
        self._frames: dict[bool, LiveFrame] = {}
        self._taken: LiveFrame | None = None
        self._arrived = asyncio.Event()

    async def offer(self, message: Msg) -> None:
        overlay = message.subject.endswith("." + OVERLAY)
        frame = _frame_of(message.headers, message.data)
        if frame is None:
            self._frames.pop(overlay, None)
        else:
            self._frames[overlay] = frame
        self._arrived.set()

    async def next(self) -> LiveFrame:
        while True:
            frame = self._pick()
            if frame is not None and frame != self._taken:  # a consumer reset may deliver one again
                self._taken = frame
                return frame
            self._arrived.clear()
            await self._arrived.wait()

    def _pick(self) -> LiveFrame | None:
        """The overlay when asked for it, unless the worker stopped drawing it (a clean picture newer by
        more than the store keeps pictures)."""
        clean, overlay = self._frames.get(False), self._frames.get(True)
        if not self._prefer_overlay or overlay is None:
            return clean
        if clean is not None and clean.at - overlay.at > self._overlay_outlives_clean_by:
            return clean
        return overlay


def _frame_of(headers: dict[str, str] | None, data: bytes | None) -> LiveFrame | None:
    """The picture a stored message holds; None for a deleted key's marker."""
    headers = headers or {}
    if KV_OPERATION_HEADER in headers or not data:
        return None
    try:
        at = float(headers[FRAME_AT_HEADER])
    except (KeyError, ValueError):
        at = time.time()  # written by something else than safecity: "now" is the best guess
    return LiveFrame(data, at)
