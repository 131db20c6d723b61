"""Classify a source address and choose the FFmpeg options that suit it."""

from __future__ import annotations

import enum
from pathlib import Path
from urllib.parse import unquote
from urllib.parse import urlparse

from safecity.video.source_state import SourceError


class StreamKind(enum.StrEnum):
    FILE = "file"
    RTSP = "rtsp"
    HTTP = "http"  # MJPEG over HTTP, HLS playlists, progressive files served over HTTP


_LIVE_KINDS = {StreamKind.RTSP, StreamKind.HTTP}


def classify(url: str) -> tuple[StreamKind, str]:
    """The kind of address and the location to hand to FFmpeg (a plain path for files)."""
    if not url or not url.strip():
        raise SourceError("empty source address")
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme in {"rtsp", "rtsps"}:
        return StreamKind.RTSP, url
    if scheme in {"http", "https"}:
        return StreamKind.HTTP, url
    if scheme == "file":
        return StreamKind.FILE, unquote(parsed.path)
    if scheme == "" or (len(scheme) == 1 and url[1:3] in {":\\", ":/"}):  # plain or Windows drive path
        return StreamKind.FILE, url
    raise SourceError(
        f"unsupported source scheme {scheme!r} in {redact(url)} (use a path, rtsp:// or http(s)://)"
    )


def is_live(kind: StreamKind) -> bool:
    return kind in _LIVE_KINDS


def default_options(kind: StreamKind) -> dict[str, str]:
    """FFmpeg demuxer options; callers' options override these."""
    if kind is StreamKind.RTSP:
        # TCP: no smeared frames from UDP loss on city networks; frames as soon as they arrive.
        # A 1 s stream analysis (default 5 s): first frame after (re)connecting in ~2.1 s instead of ~3.1 s
        # against the test server, still long enough to see a keyframe from typical cameras.
        return {
            "rtsp_transport": "tcp",
            "fflags": "nobuffer",
            "flags": "low_delay",
            "analyzeduration": "1000000",
        }
    # HTTP gets FFmpeg's defaults: "nobuffer" would starve the HLS demuxer of its segments.
    return {}


def recording_options(kind: StreamKind) -> dict[str, str]:
    """FFmpeg demuxer options for the recorder (stream copy); callers' options override these.

    RTSP: the stream's parameters come from the camera's SDP, so the probe reads one packet (`probesize` 32)
    instead of analysing a second of video, and no `nobuffer`: the packets read while probing (the session's
    first keyframe among them) are kept and recorded rather than thrown away. Against the test server a
    session's first packet is recorded ~0.1 s after connecting instead of ~2 s (a 1 s analysis whose
    packets were dropped, then the wait for the next keyframe). `recorder.PROBE_FALLBACK` covers cameras
    whose SDP does not carry the parameters.
    """
    if kind is StreamKind.RTSP:
        return {"rtsp_transport": "tcp", "probesize": "32", "analyzeduration": "0", "fpsprobesize": "0"}
    return default_options(kind)


def check_file(path: str) -> None:
    file = Path(path)
    if not file.exists():
        raise SourceError(f"video file not found: {path}")
    if not file.is_file():
        raise SourceError(f"not a regular file: {path}")
    if file.stat().st_size == 0:
        raise SourceError(f"video file is empty (0 bytes): {path}")


def redact(url: str) -> str:
    """The address with any password hidden, safe for logs and events."""
    parsed = urlparse(url)
    if parsed.password is None:
        return url
    netloc = parsed.netloc.replace(f":{parsed.password}@", ":***@")
    return parsed._replace(netloc=netloc).geturl()
