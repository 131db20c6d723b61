"""Recordings stay on the worker that recorded them: an API node with a different data directory lists them
from the database's recording index and plays them by fetching each segment from the worker's address.

A real worker (in a thread, with its own data directory) records a looping clip in 2-second segments and
serves them at `--address`; the API node shares only PostgreSQL and `auth.jwt_secret` with it.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.cameras.worker_recordings import RECORDINGS_KEY_HEADER
from safecity.cameras.worker_recordings import recordings_key
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.auth.models import User
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.video.segment_store import recordings_dir
from safecity.video.synthetic import crossing_square_clip
from safecity.worker.runtime import BackgroundWorker
from safecity.worker.worker import WorkerOptions
from tests.api.conftest import _PASSWORD_HASH
from tests.api.conftest import token_for
from tests.support.media import probe_duration

pytestmark = pytest.mark.postgres

SECRET = "a-secret-every-node-of-this-cluster-shares"
PURPOSE = {"purpose": "reviewing footage recorded on a worker"}


@dataclass
class Cluster:
    api: TestClient
    api_settings: Settings
    worker_settings: Settings
    worker_url: str
    token: str

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def cluster(tmp_path: Path, postgres_url: str) -> Iterator[Cluster]:
    def node_settings(name: str) -> Settings:
        return load_settings(
            None,
            data_dir=tmp_path / name,
            database_url=postgres_url,
            auth={"jwt_secret": SECRET},
            cluster={"lease_seconds": 4, "renew_seconds": 1},
        )

    api_settings, worker_settings = node_settings("api"), node_settings("worker")
    upgrade(postgres_url)
    database = Database(postgres_url)
    with database.session() as session:
        session.add_all(User(username=r, role=r, password_hash=_PASSWORD_HASH) for r in ("admin", "operator"))
    database.dispose()
    worker_url = f"http://127.0.0.1:{free_port()}"
    with TestClient(create_app(api_settings)) as api:
        admin = {"Authorization": f"Bearer {token_for(api, 'admin')}"}
        camera = {
            "id": "cam-1",
            "name": "Gate",
            "url": str(crossing_square_clip(tmp_path / "clip.mp4")),
            "loop": True,
        }
        assert api.post("/api/v1/cameras", json=camera, headers=admin).status_code == 201
        options = WorkerOptions(
            worker_id="w1",
            address=worker_url,
            segment_seconds=2.0,
            use_detector=False,
            anpr=False,
            follow_signals=False,
        )
        worker = BackgroundWorker(worker_settings, options).start()
        try:
            yield Cluster(api, api_settings, worker_settings, worker_url, token_for(api, "operator"))
        finally:
            worker.stop()


def listed_segments(cluster: Cluster, at_least: int) -> list[dict[str, str]]:
    """The recordings the API lists for the last two minutes, once at least `at_least` are finished."""
    deadline = time.monotonic() + 120
    while True:
        now = dt.datetime.now(dt.UTC)
        params = {"start": (now - dt.timedelta(minutes=2)).isoformat(), "end": now.isoformat(), **PURPOSE}
        response = cluster.api.get(
            "/api/v1/cameras/cam-1/recordings", params=params, headers=cluster.headers()
        )
        assert response.status_code == 200, response.text
        segments: list[dict[str, str]] = response.json()["segments"]
        if len(segments) >= at_least:
            return segments
        assert time.monotonic() < deadline, f"only {len(segments)} segments listed"
        time.sleep(0.5)


def start_ms(segment: dict[str, str]) -> int:
    return round(dt.datetime.fromisoformat(segment["start"]).timestamp() * 1000)


def test_an_api_node_without_the_workers_disk_lists_and_plays_its_recordings(
    cluster: Cluster, tmp_path: Path
) -> None:
    segments = listed_segments(cluster, at_least=3)
    window = {"start": segments[0]["start"], "end": segments[2]["end"], **PURPOSE}

    response = cluster.api.get("/api/v1/cameras/cam-1/video", params=window, headers=cluster.headers())

    assert response.status_code == 200, response.text
    download = tmp_path / "window.mp4"
    download.write_bytes(response.content)
    expected = (
        dt.datetime.fromisoformat(segments[2]["end"]) - dt.datetime.fromisoformat(segments[0]["start"])
    ).total_seconds()
    assert probe_duration(download) == pytest.approx(expected, abs=0.5)
    assert not recordings_dir(cluster.api_settings.data_dir).exists()  # nothing recorded on the API's disk
    assert any(recordings_dir(cluster.worker_settings.data_dir).glob("cam-1/*/*.mp4"))
    fetched = cluster.api_settings.data_dir / "cache" / "worker-segments" / "cam-1"
    assert sorted(p.name for p in fetched.glob("*.mp4"))[:3] == [
        f"{start_ms(s)}-{round(dt.datetime.fromisoformat(s['end']).timestamp() * 1000)}.mp4"
        for s in segments[:3]
    ]


def test_hls_playback_fetches_the_segments_from_the_worker_too(cluster: Cluster) -> None:
    segments = listed_segments(cluster, at_least=2)
    window = {"start": segments[0]["start"], "end": segments[1]["end"], "format": "hls", **PURPOSE}

    playlist = cluster.api.get("/api/v1/cameras/cam-1/video", params=window, headers=cluster.headers())

    assert playlist.status_code == 200, playlist.text
    media = [line for line in playlist.text.splitlines() if line.startswith("/api/") or "URI=" in line]
    first_media = next(line for line in media if line.startswith("/api/"))
    part = cluster.api.get(first_media, headers=cluster.headers())
    assert part.status_code == 200
    assert part.content[4:8] in (b"moof", b"styp")


def test_the_worker_serves_a_finished_segment_only_to_holders_of_the_cluster_key(cluster: Cluster) -> None:
    segment = listed_segments(cluster, at_least=1)[0]
    url = f"{cluster.worker_url}/recordings/cam-1/{start_ms(segment)}.mp4"
    key = {RECORDINGS_KEY_HEADER: recordings_key(cluster.worker_settings)}

    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={RECORDINGS_KEY_HEADER: "guessed"}).status_code == 401
    served = httpx.get(url, headers=key)
    assert served.status_code == 200
    assert len(served.content) == int(segment["bytes"])


def test_nothing_but_an_indexed_segment_can_be_reached(cluster: Cluster) -> None:
    key = {RECORDINGS_KEY_HEADER: recordings_key(cluster.worker_settings)}
    listed_segments(cluster, at_least=1)  # the worker is serving
    attempts = [
        "/recordings/..%2F..%2Fjwt-secret.key/1.mp4",
        "/recordings/%2E%2E/1.mp4",
        "/recordings/cam-1/..%2Fx.mp4",
        "/recordings/.hidden/1.mp4",
        "/recordings/cam-1/not-a-number.mp4",
        "/recordings/cam-1/1.mp4",  # no such segment
    ]

    answers = {path: httpx.get(cluster.worker_url + path, headers=key).status_code for path in attempts}

    assert answers == dict.fromkeys(attempts, 404)
