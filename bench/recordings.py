"""Playback of recordings through the API (embedded stack, in process), printed as JSON.

    python bench/recordings.py [--minutes 12] [--seeks 50] [--width 1280 --height 720 --fps 25 --gop 50]

Footage: a one-minute H.264 clip made from the CCTV sample (vtest.avi, scaled to --width x --height, a
keyframe every --gop frames), recorded --minutes times over by the real recorder (`SegmentRecorder`, looping
file, not paced): one-minute segments on one continuous timeline, as a camera's would be.

1. Seek: `--seeks` random moments t; each is what a player does to start at t: GET the HLS playlist of
   [t, t + 5 min], GET the first EXT-X-MAP and the first media segment, decode the first frame. Time from
   the first request to that frame: p50 / p95 / max (goal p95 ≤ 500 ms). The MP4 of a 10-s window from t
   (request → first frame of the file) is reported too.
2. Export: GET `format=mp4` of a 10-minute window (cache emptied before each run) until the answer starts
   (the route answers once the file is whole), vs `ffmpeg -f concat -c copy -movflags +faststart` of the same
   segments into a file. Ratio = ffmpeg's time ÷ ours (goal ≥ 0.9); the median of --runs runs each. The time
   until the body has been read through the in-process test transport is reported too.
3. Soak (`--part soak`, or both with the default `--part all`): a real RTSP camera (the GStreamer test server,
   tests/support/rtsp_server.py, streaming the clip from its start to each client) recorded by the real
   recorder with its production settings (60-s segments, its reconnect backoff) for --soak-minutes; every
   --drop-every seconds the server is killed for --outage-seconds, as a camera that reboots or loses its
   link. Recorded ÷ online = seconds of footage that fall while the camera was up ÷ seconds it was up
   (goal ≥ 0.99 over 30 minutes with a drop every 3 minutes: `--soak-minutes 30 --drop-every 180`). Also:
   the gaps the recordings listing shows (one per outage expected, nothing more) and, after each return of
   the camera (its server ready again): until the recorder had the first packet of the new session
   (`back_to_first_packet_s`: the wait for the next attempt plus connecting and probing) and until the
   first recorded frame (`lost_after_return_s`, the footage lost).

    python bench/recordings.py --part soak [--soak-minutes 3 --drop-every 40 --outage-seconds 5]
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
from fastapi.testclient import TestClient

from safecity.config import load_settings
from safecity.core.auth.models import User
from safecity.core.auth.passwords import hash_password
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.video.playback import timeline
from safecity.video.recorder import SegmentRecorder
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStatus

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.rtsp import RtspServer
from tests.support.rtsp import rtsp_unavailable_reason

PASSWORD = "bench-password-1"
CAMERA = "bench-cam"
T0 = 1_800_000_000.0
PURPOSE = {"purpose": "benchmark of playback"}
LEAN_PROBE = {"probesize": "32", "analyzeduration": "0"}
SHARED = Path(os.environ.get("SAFECITY_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
SAMPLE = SHARED / "media" / "vtest.avi"


def make_clip(path: Path, size: tuple[int, int], fps: int, gop: int, seconds: int = 60) -> Path:
    with av.open(str(SAMPLE)) as source:
        frames = [
            np.asarray(cv2.resize(frame.to_ndarray(format="bgr24"), size), dtype=np.uint8)
            for frame in source.decode(video=0)
        ]
    with av.open(str(path), mode="w") as output:
        stream = output.add_stream("libx264", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, fps)
        stream.options = {"preset": "veryfast", "g": str(gop), "keyint_min": str(gop), "bf": "0"}
        for number in range(seconds * fps):
            image = frames[number % len(frames)]
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="bgr24")):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return path


def record(clip: Path, root: Path, minutes: int) -> list[Segment]:
    store = SegmentStore(root)
    recorder = SegmentRecorder(
        str(clip), CAMERA, store, segment_seconds=3600, realtime=False, start_time=T0, loop=True
    ).start()
    try:
        while len(store.segments(CAMERA)) < minutes:
            time.sleep(0.05)
    finally:
        recorder.close()
    for extra in store.segments(CAMERA)[minutes:]:
        store.delete(extra)
    return store.segments(CAMERA)


def iso(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{round(seconds % 1 * 1000):03d}Z"


def first_frame(data: bytes) -> None:
    """Decode the answer's first frame as a player does: the init section tells the codec, nothing is probed
    (PyAV's default probing decodes several frames ahead, which no player does before showing the first)."""
    with av.open(io.BytesIO(data), mode="r", options=LEAN_PROBE) as container:
        next(container.decode(video=0))


def seek_hls(client: TestClient, headers: dict[str, str], at: float) -> float:
    began = time.perf_counter()
    params = {"start": iso(at), "end": iso(at + 300), "format": "hls", **PURPOSE}
    playlist = client.get(f"/api/v1/cameras/{CAMERA}/video", params=params, headers=headers)
    playlist.raise_for_status()
    lines = playlist.text.splitlines()
    init_uri = next(line for line in lines if line.startswith("#EXT-X-MAP")).split('"')[1]
    media_uri = next(line for line in lines if line and not line.startswith("#"))
    init = client.get(init_uri, headers=headers)
    media = client.get(media_uri, headers=headers)
    first_frame(init.content + media.content)
    return time.perf_counter() - began


def seek_mp4(client: TestClient, headers: dict[str, str], at: float) -> float:
    began = time.perf_counter()
    params = {"start": iso(at), "end": iso(at + 10), **PURPOSE}
    response = client.get(f"/api/v1/cameras/{CAMERA}/video", params=params, headers=headers)
    response.raise_for_status()
    first_frame(response.content)
    return time.perf_counter() - began


def export_api(client: TestClient, headers: dict[str, str], start: float, cache: Path) -> tuple[float, float]:
    """Seconds until the answer starts (the MP4 is made: the route sends it only once it is whole), and until
    its last byte has been read through the in-process test transport."""
    shutil.rmtree(cache, ignore_errors=True)
    params = {"start": iso(start), "end": iso(start + 600), **PURPOSE}
    began = time.perf_counter()
    with client.stream("GET", f"/api/v1/cameras/{CAMERA}/video", params=params, headers=headers) as response:
        response.raise_for_status()
        made = time.perf_counter() - began
        for _ in response.iter_bytes(1 << 20):
            pass
    return made, time.perf_counter() - began


def export_ffmpeg(segments: list[Segment], work: Path) -> float:
    listing = work / "concat.txt"
    listing.write_text("".join(f"file '{segment.path}'\n" for segment in segments))
    output = work / "ffmpeg.mp4"
    output.unlink(missing_ok=True)
    began = time.perf_counter()
    command = ["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing)]
    subprocess.run([*command, "-c", "copy", "-movflags", "+faststart", str(output)], check=True)
    return time.perf_counter() - began


def stats_ms(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(float(np.percentile(values, 50)) * 1000, 1),
        "p95_ms": round(float(np.percentile(values, 95)) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def run(minutes: int, seeks: int, runs: int, size: tuple[int, int], fps: int, gop: int) -> dict[str, Any]:
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        settings = load_settings(None, data_dir=work / "data", database_url=f"sqlite:///{work}/bench.db")
        clip = make_clip(work / "clip.mp4", size, fps, gop)
        segments = record(clip, recordings_dir(settings.data_dir), minutes)
        footage_end = segments[-1].end
        upgrade(settings.resolved_database_url)
        database = Database(settings.resolved_database_url)
        with database.session() as session:
            session.add_all(
                User(username=role, role=role, password_hash=hash_password(PASSWORD))
                for role in ("admin", "operator")
            )
        database.dispose()
        from safecity.app import create_app  # here: the soak needs no API

        with TestClient(create_app(settings)) as client:
            admin, operator = (
                {"Authorization": "Bearer " + _token(client, user)} for user in ("admin", "operator")
            )
            camera = {"id": CAMERA, "name": "Benchmark", "url": "rtsp://10.0.0.5/stream1"}
            client.post("/api/v1/cameras", json=camera, headers=admin).raise_for_status()
            seek_hls(client, operator, T0 + 1)  # warm-up: imports, first connections
            hls_times = [seek_hls(client, operator, rng.uniform(T0, footage_end - 10)) for _ in range(seeks)]
            mp4_times = [seek_mp4(client, operator, rng.uniform(T0, footage_end - 10)) for _ in range(seeks)]
            window_start = T0 + rng.uniform(0, max(footage_end - T0 - 600, 0))
            window_segments = [s for s in segments if s.overlaps(window_start, window_start + 600)]
            cache = settings.data_dir / "cache" / "playback"
            ours, downloads, theirs = [], [], []
            for _ in range(runs):
                made, downloaded = export_api(client, operator, window_start, cache)
                ours.append(made)
                downloads.append(downloaded)
                theirs.append(export_ffmpeg(window_segments, work))
            exported = next(cache.glob("*.mp4")).stat().st_size
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    return {
        "benchmark": "recordings playback through the API (embedded stack, in process)",
        "footage": {
            "minutes": minutes,
            "size": f"{size[0]}x{size[1]}",
            "fps": fps,
            "gop_frames": gop,
            "segment_mb": round(segments[0].size_bytes / 1e6, 1),
        },
        "seek_hls_first_frame": {"samples": seeks, **stats_ms(hls_times)},
        "seek_mp4_10s_window_first_frame": {"samples": seeks, **stats_ms(mp4_times)},
        "export_10_min": {
            "segments": len(window_segments),
            "mb": round(exported / 1e6, 1),
            "api_made_s": round(ours_s, 3),
            "api_made_and_read_s": round(statistics.median(downloads), 3),
            "ffmpeg_concat_copy_s": round(theirs_s, 3),
            "speed_ratio": round(theirs_s / ours_s, 3),
        },
    }


def soak(
    minutes: float, drop_every: float, outage: float, size: tuple[int, int], fps: int, gop: int
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # each connection plays the clip from its start: it must outlast the longest stretch between drops
        clip = make_clip(work / "clip.mp4", size, fps, gop, seconds=round(drop_every + 30))
        server = RtspServer(clip)
        store = SegmentStore(work / "recordings")
        states: list[SourceState] = []
        recorder = SegmentRecorder(server.url, CAMERA, store, segment_seconds=60.0, on_state=states.append)
        online: list[tuple[float, float]] = []
        try:
            server.start()
            up = time.time()
            recorder.start()
            soak_end = up + minutes * 60
            while True:
                time.sleep(max(min(up + drop_every, soak_end) - time.time(), 0))
                server.stop()
                online.append((up, time.time()))
                if time.time() >= soak_end:
                    break
                time.sleep(outage)
                server.start()
                up = time.time()
        finally:
            recorder.close()
            server.stop()
        segments = store.segments(CAMERA)
    first, last = online[0][0], online[-1][1]
    gaps = timeline(store, CAMERA, first, last).gaps
    outages = [(down, up) for (_, down), (up, _) in itertools.pairwise(online)]
    edges = [(first, first), *outages, (last, last)]  # the soak's start and end are edges too
    came_online = [s.at for s in states if s.status is SourceStatus.ONLINE]
    first_packet = [next((at for at in came_online if at >= up), None) for up, _ in online[1:]]
    back_to_first_packet = [
        at - up for at, (up, _) in zip(first_packet, online[1:], strict=True) if at is not None
    ]
    online_s = sum(high - low for low, high in online)
    recorded_online_s = sum(_overlap(s.start, s.end, low, high) for s in segments for low, high in online)
    resumed = [next((s.start for s in segments if s.start >= up), None) for up, _ in online[1:]]
    lost_after_return = [
        start - up for start, (up, _) in zip(resumed, online[1:], strict=True) if start is not None
    ]
    return {
        "benchmark": "continuous recording of an RTSP camera that drops (real GStreamer RTSP server)",
        "soak": {
            "minutes": minutes,
            "drop_every_s": drop_every,
            "outage_s": outage,
            "size": f"{size[0]}x{size[1]}",
            "fps": fps,
            "gop_frames": gop,
            "drops": len(outages),
            "online_s": round(online_s, 1),
            "recorded_while_online_s": round(recorded_online_s, 1),
            "recorded_over_online": round(recorded_online_s / online_s, 4),
            "segments": len(segments),
            "gaps_listed": len(gaps),
            "gaps_not_at_an_outage": sum(
                not any(g.start <= down + 1 and g.end >= up for down, up in edges) for g in gaps
            ),
            "back_to_first_packet_s": stats_s(back_to_first_packet),
            "lost_after_return_s": stats_s(lost_after_return),
        },
    }


def _overlap(start: float, end: float, low: float, high: float) -> float:
    return max(0.0, min(end, high) - max(start, low))


def stats_s(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {"mean": round(statistics.mean(values), 2), "max": round(max(values), 2)}


def _token(client: TestClient, username: str) -> str:
    response = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
    response.raise_for_status()
    return str(response.json()["access_token"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=int, default=12)
    parser.add_argument("--seeks", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--gop", type=int, default=50)
    parser.add_argument("--part", choices=("all", "playback", "soak"), default="all")
    parser.add_argument("--soak-minutes", type=float, default=3.0)
    parser.add_argument("--drop-every", type=float, default=40.0, help="seconds between camera drops")
    parser.add_argument("--outage-seconds", type=float, default=5.0)
    args = parser.parse_args()
    if not SAMPLE.is_file():
        sys.exit(f"the CCTV sample {SAMPLE} is missing")
    size = (args.width, args.height)
    result: dict[str, Any] = {}
    if args.part in ("all", "playback"):
        result |= run(args.minutes, args.seeks, args.runs, size, args.fps, args.gop)
    if args.part in ("all", "soak"):
        if reason := rtsp_unavailable_reason():
            sys.exit(f"the soak needs the GStreamer RTSP server: {reason}")
        result |= {
            "soak": soak(args.soak_minutes, args.drop_every, args.outage_seconds, size, args.fps, args.gop)
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
