"""Playback of recorded footage: segments and gaps of a window, the window as one MP4, and as HLS.

The footage is a 40-second clip recorded three times over by the real recorder (one 40-s segment per loop);
every frame shows its own number, so a decoded frame tells which moment of the recording it is.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import av
import pytest
from tests.support.media import Image
from tests.support.media import probe_duration
from tests.support.recordings import record_loops
from tests.support.timecode import frame_number
from tests.support.timecode import write_timecoded_clip

from safecity.video import hls
from safecity.video.fmp4 import read_fragments
from safecity.video.playback import Gap
from safecity.video.playback import NoFootageError
from safecity.video.playback import timeline
from safecity.video.playback import window_mp4
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

T0 = 1_800_000_000.0
FPS = 10
GOP_SECONDS = 1.0
LOOP_SECONDS = 40


@pytest.fixture(scope="module")
def recorded(vtest_small: list[Image], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A recordings folder holding camera cam-1's three 40-s segments from T0."""
    folder = tmp_path_factory.mktemp("playback")
    clip = write_timecoded_clip(folder / "clip.mp4", vtest_small, LOOP_SECONDS, fps=FPS)
    record_loops(clip, folder / "recordings", "cam-1", T0, loops=3)
    return folder / "recordings"


@pytest.fixture
def store(recorded: Path) -> RecordingsOnDisk:
    return RecordingsOnDisk(recorded)


def moment_of(frame: av.VideoFrame, loop: int) -> float:
    """When the frame was recorded, given which loop of the clip it belongs to."""
    return T0 + loop * LOOP_SECONDS + frame_number(frame.to_ndarray(format="gray")) / FPS


def first_frame(path: Path) -> av.VideoFrame:
    with av.open(str(path)) as container:
        return next(container.decode(video=0))


def test_the_recorder_made_three_contiguous_40_second_segments(store: RecordingsOnDisk) -> None:
    segments = store.segments("cam-1")

    assert [s.start - T0 for s in segments] == pytest.approx([0, 40, 80])
    assert [s.end - T0 for s in segments] == pytest.approx([40, 80, 120])


def test_a_timeline_lists_the_segments_of_a_window_and_the_stretches_nothing_covers(
    store: RecordingsOnDisk, tmp_path: Path
) -> None:
    source = store.segments("cam-1")[0]
    holey = SegmentStore(tmp_path / "recordings")
    for start in (T0, T0 + 40, T0 + 100):  # nothing from T0+80 to T0+100: the camera was offline
        partial = holey.partial_path("cam-1", start)
        shutil.copy(source.path, partial)
        holey.finish(partial, "cam-1", start, start + 40)

    found = timeline(holey, "cam-1", T0 - 10, T0 + 150)

    assert [s.start - T0 for s in found.segments] == [0, 40, 100]
    assert found.gaps == [Gap(T0 - 10, T0), Gap(T0 + 80, T0 + 100), Gap(T0 + 140, T0 + 150)]
    assert found.recorded_seconds == pytest.approx(120)
    assert timeline(holey, "cam-1", T0 + 10, T0 + 70).gaps == []  # contiguous segments leave no gap


def test_a_95_second_window_across_three_segments_is_one_playable_mp4_starting_at_its_start(
    store: RecordingsOnDisk, tmp_path: Path
) -> None:
    start = T0 + 12.5
    path = window_mp4(store, "cam-1", start, start + 95, tmp_path / "cache")

    assert probe_duration(path) == pytest.approx(95, abs=1)
    shown_at = moment_of(first_frame(path), loop=0)
    assert start - GOP_SECONDS <= shown_at <= start  # the keyframe at or before the start
    with av.open(str(path)) as container:
        assert container.streams.video[0].codec_context.name == "h264"
        assert moment_of(list(container.decode(video=0))[-1], loop=2) == pytest.approx(start + 95, abs=0.1)


def test_the_same_window_is_served_from_the_cache_until_its_segments_change(
    store: RecordingsOnDisk, tmp_path: Path
) -> None:
    made = window_mp4(store, "cam-1", T0 + 5, T0 + 15, tmp_path / "cache")
    made.write_bytes(made.read_bytes())  # same content, new inode: only a rebuild would replace it
    marker = made.stat().st_ino

    again = window_mp4(store, "cam-1", T0 + 5, T0 + 15, tmp_path / "cache")

    assert again == made
    assert again.stat().st_ino == marker


def test_a_window_with_no_footage_is_refused_naming_the_camera_and_window(store: RecordingsOnDisk) -> None:
    with pytest.raises(
        NoFootageError, match="cam-1 recorded nothing between 2027-01-15T09:00:00Z and 2027-01-15T09:01:40Z"
    ):
        window_mp4(store, "cam-1", T0 + 3600, T0 + 3700, Path("/nonexistent"))
    with pytest.raises(NoFootageError, match="cam-2"):
        hls.playlist(store, "cam-2", T0, T0 + 60, lambda ms, name: name)


def test_segments_are_indexed_by_their_fragments_one_per_keyframe(store: RecordingsOnDisk) -> None:
    segment = store.segments("cam-1")[0]

    index = read_fragments(segment.path)

    assert len(index.fragments) == LOOP_SECONDS / GOP_SECONDS
    assert [index.seconds(f) for f in index.fragments[:3]] == [0.0, 1.0, 2.0]
    assert index.fragments[-1].offset + index.fragments[-1].size <= segment.size_bytes


def test_hls_plays_the_window_by_wall_time_from_the_recorded_bytes(store: RecordingsOnDisk) -> None:
    start = T0 + 12.5
    text = hls.playlist(store, "cam-1", start, start + 95, lambda ms, name: f"{ms}/{name}")
    lines = text.splitlines()

    assert lines[0] == "#EXTM3U"
    assert lines[-1] == "#EXT-X-ENDLIST"
    assert text.count("#EXT-X-DISCONTINUITY") == 2  # each recorded file starts a timeline of its own
    maps = re.findall(r'#EXT-X-MAP:URI="(\d+)/init.mp4"', text)
    assert [int(ms) for ms in maps] == [round(s.start * 1000) for s in store.segments("cam-1")]
    dates = re.findall(r"#EXT-X-PROGRAM-DATE-TIME:(\S+)", text)
    assert dates[0] == "2027-01-15T08:00:12.000Z"  # the GOP that holds the window's start
    durations = [float(d) for d in re.findall(r"#EXTINF:([\d.]+),", text)]
    assert len(durations) == len(dates)
    assert sum(durations) == pytest.approx(96, abs=1)  # whole GOPs from 12 s to 107.5 s
    assert max(durations) <= int(re.findall(r"#EXT-X-TARGETDURATION:(\d+)", text)[0])


def test_every_hls_segment_decodes_after_its_init_section(store: RecordingsOnDisk, tmp_path: Path) -> None:
    start = T0 + 12.5
    text = hls.playlist(store, "cam-1", start, start + 95, lambda ms, name: f"{ms}/{name}")
    decoded: list[float] = []
    for loop, segment in enumerate(store.segments("cam-1")):
        ms = round(segment.start * 1000)
        stream = tmp_path / f"{ms}.mp4"
        names = re.findall(rf"^{ms}/(\d+)-(\d+)\.m4s$", text, flags=re.MULTILINE)
        with stream.open("wb") as file:
            file.write(hls.init_section(store, "cam-1", ms))
            for first, last in names:
                file.write(hls.media_section(store, "cam-1", ms, int(first), int(last)))
        with av.open(str(stream)) as container:
            decoded += [moment_of(frame, loop) for frame in container.decode(video=0)]

    assert decoded[0] == pytest.approx(T0 + 12)
    assert decoded == sorted(decoded)  # in order, nothing repeated across the segment boundaries
    assert len(decoded) == pytest.approx(96 * FPS, abs=2)


def test_a_media_segment_that_does_not_exist_is_not_found(store: RecordingsOnDisk) -> None:
    segment: Segment = store.segments("cam-1")[0]
    ms = round(segment.start * 1000)

    with pytest.raises(NoFootageError, match="has fragments 0-39, not 38-40"):
        hls.media_section(store, "cam-1", ms, 38, 40)
    with pytest.raises(NoFootageError, match="no recording starting at"):
        hls.init_section(store, "cam-1", ms + 1)


def test_the_segment_being_written_covers_the_live_edge_and_a_stale_partial_file_does_not(
    store: RecordingsOnDisk, tmp_path: Path
) -> None:
    live = RecordingsOnDisk(tmp_path / "recordings")
    source = store.segments("cam-1")[0]
    writing = live.partial_path("cam-1", T0 + 40)
    shutil.copy(source.path, writing)
    os.utime(writing, (T0 + 55, T0 + 55))  # its last fragment was flushed at T0+55
    abandoned = live.partial_path("cam-2", T0)
    shutil.copy(source.path, abandoned)
    os.utime(abandoned, (T0 + 10, T0 + 10))  # a recorder that died long ago

    in_progress = live.in_progress("cam-1", now=T0 + 56)
    found = timeline(live, "cam-1", T0 + 30, T0 + 55, in_progress=in_progress)

    assert in_progress is not None
    assert (in_progress.start, in_progress.end) == (T0 + 40, T0 + 55)
    assert found.gaps == [Gap(T0 + 30, T0 + 40)]  # nothing finished yet; the live edge is covered
    assert found.in_progress == in_progress
    assert live.segments("cam-1") == []  # not playable until it is finished
    assert live.in_progress("cam-2", now=T0 + 56) is None
