"""Recording: stream-copied segments, an index that survives restarts, retention with holds, clip export."""

from __future__ import annotations

import itertools
import shutil
import time
from pathlib import Path

import av
import numpy as np
import pytest

from safecity.video.clip_export import ClipError
from safecity.video.clip_export import export_clip
from safecity.video.playback import timeline
from safecity.video.reconnect import Backoff
from safecity.video.recorder import SegmentRecorder
from safecity.video.retention import RetentionPolicy
from safecity.video.retention import apply_retention
from safecity.video.retention import purge_segments
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStatus

T0 = 1_800_000_000.0
DAY = 86_400.0


def record_file(clip: Path, store: SegmentStore, camera_id: str, start_time: float) -> list[Segment]:
    """Record a whole file as fast as it reads (no pacing) into 5-second segments."""
    recorder = SegmentRecorder(
        str(clip), camera_id, store, segment_seconds=5, realtime=False, start_time=start_time
    ).start()
    assert wait_for(lambda: recorder.status is SourceStatus.ENDED)
    recorder.close()
    return store.segments(camera_id, start=start_time)


def wait_for(condition: object, timeout: float = 15.0) -> bool:
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


def packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


def frames(path: Path) -> list[av.VideoFrame]:
    with av.open(str(path)) as container:
        return list(container.decode(video=0))


@pytest.fixture
def store(tmp_path: Path) -> SegmentStore:
    return SegmentStore(tmp_path / "recordings")


def test_a_stream_is_recorded_in_contiguous_segments_by_stream_copy(
    h264_clip: Path, store: SegmentStore
) -> None:
    segments = record_file(h264_clip, store, "cam-1", T0)

    assert [round(s.start - T0, 3) for s in segments] == [0, 5, 10, 15, 20, 25]
    assert all(a.end == pytest.approx(b.start, abs=0.002) for a, b in itertools.pairwise(segments))
    assert segments[-1].end == pytest.approx(T0 + 30, abs=0.002)
    recorded = [packet for segment in segments for packet in packets(segment.path)]
    assert recorded == packets(h264_clip)  # the very same compressed bytes: nothing was re-encoded
    assert all(frames(segment.path)[0].key_frame for segment in segments)
    assert segments[0].path.relative_to(store.root).parts[:2] == ("cam-1", "2027-01-15")


def test_a_looping_file_is_recorded_for_as_long_as_it_plays_on_one_continuous_timeline(
    short_clip: Path, store: SegmentStore
) -> None:
    recorder = SegmentRecorder(
        str(short_clip), "cam-loop", store, segment_seconds=1, realtime=False, start_time=T0, loop=True
    ).start()
    # The clip is 2 s long: 6 s of footage means it was recorded three times over.
    assert wait_for(lambda: any(s.end >= T0 + 6 for s in store.segments("cam-loop", start=T0)))
    assert recorder.status is SourceStatus.ONLINE
    recorder.close()

    segments = store.segments("cam-loop", start=T0)
    assert segments[0].start == T0
    # no gap at the loop points: the recordings listing sees one stretch of footage
    assert timeline(store, "cam-loop", T0, segments[-1].end).gaps == []


def test_the_index_is_rebuilt_from_disk_after_a_restart(h264_clip: Path, store: SegmentStore) -> None:
    recorded = record_file(h264_clip, store, "cam-1", T0)

    restarted = SegmentStore(store.root)
    report = restarted.rebuild()

    assert report.segments == 6
    assert restarted.segments("cam-1") == recorded
    assert [s.path for s in restarted.segments("cam-1", T0 + 7, T0 + 12)] == [
        recorded[1].path,
        recorded[2].path,
    ]


def test_a_segment_cut_short_by_a_crash_is_recovered_on_restart(h264_clip: Path, store: SegmentStore) -> None:
    segment = record_file(h264_clip, store, "cam-1", T0)[0]
    data = segment.path.read_bytes()
    crashed = segment.path.with_name(f"{round(segment.start * 1000)}.partial.mp4")
    crashed.write_bytes(data[: len(data) * 6 // 10])  # the process died while writing this one
    segment.path.unlink()
    garbage = segment.path.with_name(f"{round((T0 + 99) * 1000)}.partial.mp4")
    garbage.write_bytes(b"\x00" * 100)

    restarted = SegmentStore(store.root)
    report = restarted.rebuild()

    assert (report.recovered, report.discarded) == (1, 1)
    recovered = restarted.segments("cam-1")[0]
    assert recovered.start == segment.start
    assert 1.0 < recovered.duration < segment.duration
    assert len(frames(recovered.path)) >= 10
    assert not garbage.exists()


def test_a_camera_id_that_is_not_a_safe_folder_name_is_refused(h264_clip: Path, store: SegmentStore) -> None:
    with pytest.raises(ValueError, match="not usable as a folder name"):
        SegmentRecorder(str(h264_clip), "../etc", store)


def test_a_recorder_on_a_corrupt_file_reports_offline_and_records_nothing(
    tmp_path: Path, store: SegmentStore
) -> None:
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(np.random.default_rng(3).integers(0, 256, 20_000, dtype=np.uint8).tobytes())
    states: list[SourceState] = []
    recorder = SegmentRecorder(
        str(corrupt), "cam-1", store, on_state=states.append, backoff=Backoff(0.05, 0.1)
    ).start()
    try:
        assert wait_for(lambda: recorder.status is SourceStatus.OFFLINE)
    finally:
        recorder.close()

    offline = next(s for s in states if s.status is SourceStatus.OFFLINE)
    assert "cannot open" in offline.reason
    assert store.segments() == []


# ------------------------------------------------------------------------------------------------ retention
def test_retention_by_age_deletes_old_footage_but_never_held_footage(
    h264_clip: Path, store: SegmentStore
) -> None:
    old = record_file(h264_clip, store, "cam-1", T0 - 10 * DAY)
    recent = record_file(h264_clip, store, "cam-1", T0 - 1 * DAY)
    held_window = (old[2].start, old[2].end)

    def is_held(camera_id: str, start: float, end: float) -> bool:
        return camera_id == "cam-1" and start < held_window[1] and held_window[0] < end

    result = apply_retention(store, RetentionPolicy(max_age_days=7), now=T0, is_held=is_held)

    assert store.segments() == [old[2], *recent]
    assert set(result.deleted) == set(old) - {old[2]}
    assert result.kept_for_holds == 1
    assert not any(segment.path.exists() for segment in result.deleted)
    assert old[2].path.exists()


def test_retention_by_quota_deletes_oldest_first_across_cameras(h264_clip: Path, store: SegmentStore) -> None:
    first = record_file(h264_clip, store, "cam-1", T0)
    second = record_file(h264_clip, store, "cam-2", T0 + 100)
    quota = sum(s.size_bytes for s in second) + first[-1].size_bytes

    result = apply_retention(store, RetentionPolicy(max_total_bytes=quota), now=T0 + 200)

    assert result.deleted == first[:-1]
    assert store.segments() == [first[-1], *second]
    assert result.total_bytes <= quota


def test_quota_retention_skips_held_footage_even_if_the_quota_stays_exceeded(
    h264_clip: Path, store: SegmentStore
) -> None:
    segments = record_file(h264_clip, store, "cam-1", T0)

    result = apply_retention(store, RetentionPolicy(max_total_bytes=0), now=T0, is_held=lambda *_: True)

    assert result.deleted == []
    assert result.kept_for_holds == len(segments)
    assert store.segments() == segments


def test_a_failing_hold_check_keeps_the_footage(h264_clip: Path, store: SegmentStore) -> None:
    segments = record_file(h264_clip, store, "cam-1", T0 - 30 * DAY)

    def broken(camera_id: str, start: float, end: float) -> bool:
        raise ConnectionError("holds database unreachable")

    result = apply_retention(store, RetentionPolicy(max_age_days=1), now=T0, is_held=broken)

    assert result.deleted == []
    assert store.segments() == segments


def test_the_view_on_disk_sees_finished_segments_without_an_index(
    h264_clip: Path, store: SegmentStore
) -> None:
    first = record_file(h264_clip, store, "cam-1", T0)
    second = record_file(h264_clip, store, "cam-2", T0 + 100)
    (first[0].path.parent / "1.partial.mp4").write_bytes(b"")  # a segment still being written

    on_disk = RecordingsOnDisk(store.root)

    assert on_disk.segments() == sorted([*first, *second])
    assert on_disk.segments("cam-1", start=first[1].start, end=first[1].end) == [first[1]]
    assert on_disk.segments("../cam-1") == []
    assert on_disk.segments("cam-9") == []


def test_a_dry_run_purge_deletes_nothing_and_names_what_it_would(
    h264_clip: Path, store: SegmentStore
) -> None:
    segments = record_file(h264_clip, store, "cam-1", T0 - 10 * DAY)

    result = purge_segments(RecordingsOnDisk(store.root), ended_before=T0, dry_run=True)

    assert result.deleted == segments
    assert all(segment.path.exists() for segment in segments)


def test_a_nonsensical_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="max_age_days must be positive"):
        RetentionPolicy(max_age_days=0)


# ---------------------------------------------------------------------------------------------- clip export
def test_a_clip_across_segments_is_one_mp4_with_the_original_frames(
    h264_clip: Path, store: SegmentStore, tmp_path: Path
) -> None:
    record_file(h264_clip, store, "cam-1", T0)

    info = export_clip(store, "cam-1", T0 + 3.5, T0 + 17.2, tmp_path / "export" / "clip.mp4")

    assert info.start == pytest.approx(T0 + 3.0)  # back to the keyframe before the requested start
    assert info.end == pytest.approx(T0 + 17.2)
    assert info.segments == 4
    clip_frames = frames(info.path)
    assert len(clip_frames) == 143  # 3.0 s .. 17.2 s at 10 fps
    source_frames = frames(h264_clip)
    at_ten_seconds = next(f for f in clip_frames if f.time == pytest.approx(7.0))
    assert np.array_equal(
        at_ten_seconds.to_ndarray(format="bgr24"), source_frames[100].to_ndarray(format="bgr24")
    )


def test_a_clip_keeps_an_outage_as_a_gap_in_time(
    h264_clip: Path, store: SegmentStore, tmp_path: Path
) -> None:
    segments = record_file(h264_clip, store, "cam-1", T0)
    store.delete(segments[1])  # no footage from 5 s to 10 s

    info = export_clip(store, "cam-1", T0, T0 + 15, tmp_path / "gap.mp4")

    times = [f.time for f in frames(info.path)]
    assert max(np.diff(times)) == pytest.approx(5.1)
    assert info.segments == 2


def test_a_clip_with_no_footage_is_a_clear_error(
    h264_clip: Path, store: SegmentStore, tmp_path: Path
) -> None:
    record_file(h264_clip, store, "cam-1", T0)
    with pytest.raises(ClipError, match="no recordings of camera cam-1"):
        export_clip(store, "cam-1", T0 + 100, T0 + 200, tmp_path / "none.mp4")
    with pytest.raises(ClipError, match="must be after its start"):
        export_clip(store, "cam-1", T0 + 10, T0 + 5, tmp_path / "backwards.mp4")
    assert not (tmp_path / "none.mp4").exists()


def test_recordings_copied_to_a_new_disk_are_found_there(
    h264_clip: Path, store: SegmentStore, tmp_path: Path
) -> None:
    record_file(h264_clip, store, "cam-1", T0)
    moved = tmp_path / "new-disk"
    shutil.copytree(store.root, moved)

    restored = SegmentStore(moved)
    restored.rebuild()

    assert len(restored.segments("cam-1")) == 6
    assert export_clip(restored, "cam-1", T0, T0 + 30, tmp_path / "all.mp4").packets == 300
