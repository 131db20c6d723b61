"""Playback over the API: a camera's recorded segments and gaps, and any window as MP4 or HLS, audited.

The footage is a 40-second clip recorded three times over by the real recorder (three 40-s segments from
T0); every frame shows its own number, so a decoded frame tells which moment of the recording it is.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

import av
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.config import Settings
from safecity.core.audit.models import AuditEntry
from safecity.core.http.services import Services
from safecity.video.segment_store import recordings_dir
from tests.api.conftest import auth_once as auth
from tests.conftest import shared_path
from tests.support.media import probe_duration
from tests.support.media import read_frames
from tests.support.recordings import record_loops
from tests.support.timecode import frame_number
from tests.support.timecode import write_timecoded_clip

T0 = dt.datetime(2027, 1, 15, 8, 0, tzinfo=dt.UTC)
FPS = 10
LOOP_SECONDS = 40
PURPOSE = {"purpose": "investigating incident INC-7", "case_ref": "INC-7"}


@pytest.fixture(scope="module")
def footage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("footage")
    frames = read_frames(shared_path("media/vtest.avi"), 60, (384, 288))
    clip = write_timecoded_clip(folder / "clip.mp4", frames, LOOP_SECONDS, fps=FPS)
    record_loops(clip, folder / "recordings", "cam-1", T0.timestamp(), loops=3)
    return folder / "recordings"


@pytest.fixture
def recorded(client: TestClient, settings: Settings, footage: Path) -> TestClient:
    """The API with camera cam-1 registered and its three segments in the recordings folder."""
    shutil.copytree(footage, recordings_dir(settings.data_dir))
    body = {"id": "cam-1", "name": "Mall Road", "url": "rtsp://10.0.0.5/stream1"}
    assert client.post("/api/v1/cameras", json=body, headers=auth(client, "admin")).status_code == 201
    return client


def window(start_s: float, end_s: float, **more: str) -> dict[str, str]:
    return {
        "start": (T0 + dt.timedelta(seconds=start_s)).isoformat(),
        "end": (T0 + dt.timedelta(seconds=end_s)).isoformat(),
        **PURPOSE,
        **more,
    }


def moment_of(frame: av.VideoFrame, loop: int) -> dt.datetime:
    seconds = loop * LOOP_SECONDS + frame_number(frame.to_ndarray(format="gray")) / FPS
    return T0 + dt.timedelta(seconds=seconds)


def test_a_95_second_window_across_three_segments_downloads_as_one_mp4_that_plays_from_its_start(
    recorded: TestClient, tmp_path: Path
) -> None:
    response = recorded.get(
        "/api/v1/cameras/cam-1/video", params=window(12.5, 107.5), headers=auth(recorded, "operator")
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "video/mp4"
    assert 'filename="cam-1_20270115T080012Z_20270115T080147Z.mp4"' in response.headers["content-disposition"]
    download = tmp_path / "download.mp4"
    download.write_bytes(response.content)
    assert probe_duration(download) == pytest.approx(95, abs=1)
    with av.open(str(download)) as container:
        first = next(container.decode(video=0))
    start = T0 + dt.timedelta(seconds=12.5)
    assert start - dt.timedelta(seconds=1) <= moment_of(first, loop=0) <= start  # within one GOP, not after


def test_the_download_answers_range_requests(recorded: TestClient) -> None:
    params = window(12.5, 107.5)
    whole = recorded.get("/api/v1/cameras/cam-1/video", params=params, headers=auth(recorded, "operator"))
    headers = {**auth(recorded, "operator"), "Range": "bytes=1000-1999"}

    part = recorded.get("/api/v1/cameras/cam-1/video", params=params, headers=headers)

    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(whole.content)}"
    assert part.content == whole.content[1000:2000]


def test_hls_plays_the_window_by_wall_time_and_every_segment_is_fetched_with_the_same_access(
    recorded: TestClient, tmp_path: Path
) -> None:
    headers = auth(recorded, "operator")
    response = recorded.get(
        "/api/v1/cameras/cam-1/video", params=window(12.5, 107.5, format="hls"), headers=headers
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.apple.mpegurl")
    playlist = response.text
    assert re.findall(r"#EXT-X-PROGRAM-DATE-TIME:(\S+)", playlist)[0] == "2027-01-15T08:00:12.000Z"
    uris = [line for line in playlist.splitlines() if line and not line.startswith("#")]
    maps = re.findall(r'#EXT-X-MAP:URI="([^"]+)"', playlist)
    assert len(maps) == 3
    assert all("purpose=investigating" in uri and "case_ref=INC-7" in uri for uri in maps + uris)
    assert recorded.get(uris[0].split("?")[0], headers=headers).status_code == 422  # the purpose is required

    moments: list[dt.datetime] = []
    for loop, init in enumerate(maps):
        stream = tmp_path / f"{loop}.mp4"
        prefix = init.split("init.mp4")[0]
        parts = [init] + [uri for uri in uris if uri.startswith(prefix)]
        with stream.open("wb") as file:
            for uri in parts:
                fetched = recorded.get(uri, headers=headers)
                assert fetched.status_code == 200, fetched.text
                file.write(fetched.content)
        with av.open(str(stream)) as container:
            moments += [moment_of(frame, loop) for frame in container.decode(video=0)]
    assert moments[0] == T0 + dt.timedelta(seconds=12)
    assert moments == sorted(moments)
    assert len(moments) == pytest.approx(96 * FPS, abs=2)


def test_the_recordings_of_a_window_list_segments_and_gaps(recorded: TestClient) -> None:
    response = recorded.get(
        "/api/v1/cameras/cam-1/recordings", params=window(-60, 180), headers=auth(recorded, "investigator")
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert [(s["start"], s["end"]) for s in body["segments"]] == [
        ("2027-01-15T08:00:00Z", "2027-01-15T08:00:40Z"),
        ("2027-01-15T08:00:40Z", "2027-01-15T08:01:20Z"),
        ("2027-01-15T08:01:20Z", "2027-01-15T08:02:00Z"),
    ]
    assert all(s["bytes"] > 0 for s in body["segments"])
    assert body["gaps"] == [
        {"start": "2027-01-15T07:59:00Z", "end": "2027-01-15T08:00:00Z"},
        {"start": "2027-01-15T08:02:00Z", "end": "2027-01-15T08:03:00Z"},
    ]
    assert body["recorded_seconds"] == pytest.approx(120)
    assert not any(s["in_progress"] for s in body["segments"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # a folder read: no database involved
def test_the_segment_being_written_is_listed_in_progress_so_the_live_edge_is_not_a_gap(
    recorded: TestClient, settings: Settings, footage: Path
) -> None:
    began = time.time() - 5  # a recorder started a segment 5 s ago and has flushed fragments since
    writing = (
        recordings_dir(settings.data_dir) / "cam-1" / day_of(began) / f"{round(began * 1000)}.partial.mp4"
    )
    writing.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(next(footage.glob("cam-1/*/*.mp4")), writing)
    flushed = writing.stat().st_mtime
    params = {**PURPOSE, "start": iso(began - 10), "end": iso(flushed)}

    body = recorded.get(
        "/api/v1/cameras/cam-1/recordings", params=params, headers=auth(recorded, "operator")
    ).json()

    [live] = body["segments"]
    assert live["in_progress"] is True
    assert (moment(live["start"]), moment(live["end"])) == (
        pytest.approx(began, abs=0.001),
        pytest.approx(flushed, abs=0.001),
    )
    assert [(moment(g["start"]), moment(g["end"])) for g in body["gaps"]] == [
        (pytest.approx(began - 10, abs=0.001), pytest.approx(began, abs=0.001))
    ]


def iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def moment(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()


def day_of(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"start": "2027-01-15T08:00:00"}, "start", "needs a time zone"),
        ({"end": "2027-01-15T08:00:00+00:00"}, "end", "must be after start"),
        ({"end": "2027-01-15T09:00:01Z"}, "end", "at most 3600 s"),
        ({"start": "yesterday"}, "start", "datetime"),
        ({"format": "avi"}, "format", "'mp4' or 'hls'"),
    ],
)
def test_a_bad_window_is_refused_naming_the_field(
    recorded: TestClient, params: dict[str, str], field: str, message: str
) -> None:
    response = recorded.get(
        "/api/v1/cameras/cam-1/video", params={**window(0, 60), **params}, headers=auth(recorded, "operator")
    )

    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", field]
    assert message in error["msg"]


def test_a_window_with_no_footage_is_not_found_with_a_clear_message(recorded: TestClient) -> None:
    response = recorded.get(
        "/api/v1/cameras/cam-1/video", params=window(600, 700), headers=auth(recorded, "operator")
    )

    assert response.status_code == 404
    assert response.json()["detail"] == (
        "camera cam-1 recorded nothing between 2027-01-15T08:10:00Z and 2027-01-15T08:11:40Z"
    )
    unknown = recorded.get(
        "/api/v1/cameras/cam-9/recordings", params=window(0, 60), headers=auth(recorded, "operator")
    )
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "no camera 'cam-9'"


def test_playback_needs_a_purpose_and_a_role_that_reads_events_and_every_access_is_audited(
    recorded: TestClient,
) -> None:
    params = window(0, 30, format="hls")
    no_purpose = {k: v for k, v in params.items() if k not in PURPOSE}

    missing = recorded.get(
        "/api/v1/cameras/cam-1/video", params=no_purpose, headers=auth(recorded, "operator")
    )
    auditor = recorded.get("/api/v1/cameras/cam-1/video", params=params, headers=auth(recorded, "auditor"))
    played = recorded.get("/api/v1/cameras/cam-1/video", params=params, headers=auth(recorded, "operator"))

    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "purpose"]
    assert auditor.status_code == 403
    assert played.status_code == 200
    services: Services = recorded.app.state.services  # type: ignore[attr-defined]
    with services.database.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "recording.play")).all()
        assert [(e.actor, e.purpose, e.case_ref, e.object_id) for e in entries] == [
            ("operator", PURPOSE["purpose"], "INC-7", "/api/v1/cameras/cam-1/video")
        ]
