"""Camera health: offline, stalled, frozen, covered, defocused and moved cameras, from real CCTV frames."""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np
import pytest
from tests.support.media import Image
from tests.support.media import cycle

from safecity.video.frame import Frame
from safecity.video.health import CameraHealthMonitor
from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthStatus
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStats
from safecity.video.source_state import SourceStatus

FPS = 5.0
T0 = 1_800_000_000.0


class Recorder:
    def __init__(self) -> None:
        self.changes: list[HealthChange] = []

    def __call__(self, change: HealthChange) -> None:
        self.changes.append(change)

    @property
    def path(self) -> list[HealthStatus]:
        return [change.current for change in self.changes]


def online_monitor() -> tuple[CameraHealthMonitor, Recorder]:
    changes = Recorder()
    monitor = CameraHealthMonitor("cam-7", on_change=changes)
    monitor.observe_state(SourceState("cam-7", SourceStatus.CONNECTING, T0))
    monitor.observe_state(SourceState("cam-7", SourceStatus.ONLINE, T0))
    return monitor, changes


def feed(monitor: CameraHealthMonitor, images: Iterable[Image], start: float) -> float:
    """Frames at 5 fps from `start`; returns the time after the last one."""
    at = start
    for index, image in enumerate(images):
        monitor.observe_frame(Frame("cam-7", index, at, at - T0, image))
        at += 1.0 / FPS
    return at


def seconds(images: list[Image], duration: float) -> list[Image]:
    return list(cycle(images, int(duration * FPS)))


def test_a_working_camera_is_online_and_reports_nothing_else(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    feed(monitor, seconds(vtest_small, 60), T0)

    assert changes.path == [HealthStatus.CONNECTING, HealthStatus.ONLINE]
    assert monitor.status is HealthStatus.ONLINE
    assert monitor.metrics().fps == pytest.approx(FPS, rel=0.1)


def test_identical_frames_make_a_camera_frozen_until_the_picture_moves(
    vtest_small: list[Image],
) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 15), T0)
    at = feed(monitor, [vtest_small[0]] * int(15 * FPS), at)
    assert monitor.status is HealthStatus.FROZEN
    feed(monitor, seconds(vtest_small, 10), at)

    assert changes.path[-2:] == [HealthStatus.FROZEN, HealthStatus.ONLINE]
    frozen = changes.changes[-2]
    assert frozen.camera_id == "cam-7"
    assert frozen.previous is HealthStatus.ONLINE
    assert "identical frames" in frozen.reason
    assert frozen.at - (T0 + 15) == pytest.approx(10, abs=1)  # after frozen_seconds of identical frames


def test_a_dark_picture_means_a_covered_lens(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 15), T0)
    covered = [(image * 0.06).astype(np.uint8) for image in vtest_small]
    feed(monitor, seconds(covered, 15), at)

    assert monitor.status is HealthStatus.COVERED
    assert "covered" in changes.changes[-1].reason
    assert changes.changes[-1].metrics.brightness is not None
    assert changes.changes[-1].metrics.brightness < 20


def test_a_blurred_picture_means_a_defocused_camera(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 15), T0)
    blurred = [cv2.GaussianBlur(image, (0, 0), 4) for image in vtest_small]
    at = feed(monitor, seconds(blurred, 15), at)
    assert monitor.status is HealthStatus.DEFOCUSED
    feed(monitor, seconds(vtest_small, 5), at)

    assert changes.path[-2:] == [HealthStatus.DEFOCUSED, HealthStatus.ONLINE]
    assert "blurred" in changes.changes[-2].reason


def test_a_moved_camera_is_reported_until_an_operator_accepts_the_new_view(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 15), T0)
    height, width = vtest_small[0].shape[:2]
    shift = np.float32([[1, 0, 0.2 * width], [0, 1, 0.15 * height]])
    moved = [
        cv2.warpAffine(image, shift, (width, height), borderMode=cv2.BORDER_REFLECT) for image in vtest_small
    ]
    at = feed(monitor, seconds(moved, 30), at)
    assert monitor.status is HealthStatus.SCENE_CHANGED  # it stays reported while the camera stays moved

    monitor.accept_scene(now=at)
    feed(monitor, seconds(moved, 30), at)

    assert changes.path[-2:] == [HealthStatus.SCENE_CHANGED, HealthStatus.ONLINE]
    assert "camera moved" in changes.changes[-2].reason


def test_dimming_light_is_not_a_moved_camera(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 15), T0)
    dusk = [cv2.convertScaleAbs(image, alpha=0.5) for image in vtest_small]
    feed(monitor, seconds(dusk, 30), at)

    assert changes.path == [HealthStatus.CONNECTING, HealthStatus.ONLINE]


def test_a_lost_connection_is_offline_with_the_sources_reason(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 5), T0)
    monitor.observe_state(SourceState("cam-7", SourceStatus.OFFLINE, at, "Connection refused"))
    monitor.observe_state(SourceState("cam-7", SourceStatus.ONLINE, at + 30))
    feed(monitor, seconds(vtest_small, 2), at + 30)

    assert changes.path == [
        HealthStatus.CONNECTING,
        HealthStatus.ONLINE,
        HealthStatus.OFFLINE,
        HealthStatus.ONLINE,
    ]
    assert changes.changes[2].reason == "Connection refused"
    assert changes.changes[2].at == at


def test_a_camera_that_stops_sending_frames_goes_offline_and_back(vtest_small: list[Image]) -> None:
    monitor, changes = online_monitor()
    at = feed(monitor, seconds(vtest_small, 5), T0)
    monitor.check(now=at + 5)
    assert monitor.status is HealthStatus.ONLINE  # a short gap is not an outage
    monitor.check(now=at + 11)
    assert monitor.status is HealthStatus.OFFLINE
    feed(monitor, seconds(vtest_small, 1), at + 20)

    assert changes.path[-2:] == [HealthStatus.OFFLINE, HealthStatus.ONLINE]
    assert changes.changes[-2].reason.startswith("no frames for 1")


def test_a_gated_still_camera_sending_undecoded_video_is_not_stalled(vtest_small: list[Image]) -> None:
    monitor, _ = online_monitor()
    at = feed(monitor, seconds(vtest_small, 5), T0)
    for second in range(1, 30):  # packets arrive, the gate decodes none of them
        monitor.observe_stream(at + second)
        monitor.check(now=at + second)
    assert monitor.status is HealthStatus.ONLINE
    monitor.check(now=at + 29 + 11)  # then the video itself stops
    assert monitor.status is HealthStatus.OFFLINE


def test_metrics_carry_the_sources_fps_and_bitrate(vtest_small: list[Image]) -> None:
    monitor, _ = online_monitor()
    stats = SourceStats(fps=12.5, bitrate_bps=2_000_000)
    monitor.observe_frame(Frame("cam-7", 0, T0, 0.0, vtest_small[0]), stats)

    assert monitor.metrics().fps == 12.5
    assert monitor.metrics().bitrate_bps == 2_000_000


def test_a_failing_listener_does_not_stop_health_tracking(vtest_small: list[Image]) -> None:
    def broken(change: HealthChange) -> None:
        raise RuntimeError("listener bug")

    monitor = CameraHealthMonitor("cam-7", on_change=broken)
    monitor.observe_state(SourceState("cam-7", SourceStatus.OFFLINE, T0, "timeout"))

    assert monitor.status is HealthStatus.OFFLINE


def test_a_malformed_frame_is_a_clear_error() -> None:
    monitor, _ = online_monitor()
    with pytest.raises(ValueError, match=r"expected a BGR image"):
        monitor.observe_frame(Frame("cam-7", 0, T0, 0.0, np.zeros((10, 10), np.uint8)))
