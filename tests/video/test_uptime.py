"""Uptime per camera per day from status changes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthMetrics
from safecity.video.health_types import HealthStatus
from safecity.video.uptime import StatusInterval
from safecity.video.uptime import UptimeTracker
from safecity.video.uptime import daily_uptime

HOUR = 3600.0
KARACHI = ZoneInfo("Asia/Karachi")  # UTC+5, no daylight saving
MIDNIGHT = dt.datetime(2026, 3, 1, tzinfo=KARACHI).timestamp()


def test_a_day_with_six_hours_offline_is_75_percent_available() -> None:
    tracker = UptimeTracker()
    tracker.record("cam-1", HealthStatus.ONLINE, MIDNIGHT)
    tracker.record("cam-1", HealthStatus.OFFLINE, MIDNIGHT + 6 * HOUR)
    tracker.record("cam-1", HealthStatus.ONLINE, MIDNIGHT + 12 * HOUR)

    [day] = tracker.daily("cam-1", until=MIDNIGHT + 24 * HOUR, tz=KARACHI)

    assert day.day == dt.date(2026, 3, 1)
    assert day.observed_seconds == pytest.approx(24 * HOUR)
    assert day.available_percent == pytest.approx(75.0)
    assert day.healthy_percent == pytest.approx(75.0)


def test_a_covered_camera_is_available_but_not_healthy() -> None:
    tracker = UptimeTracker()
    tracker.record("cam-1", HealthStatus.ONLINE, MIDNIGHT)
    tracker.record("cam-1", HealthStatus.COVERED, MIDNIGHT + 12 * HOUR)

    [day] = tracker.daily("cam-1", until=MIDNIGHT + 24 * HOUR, tz=KARACHI)

    assert day.available_percent == pytest.approx(100.0)
    assert day.healthy_percent == pytest.approx(50.0)


def test_an_outage_across_midnight_is_split_between_the_two_local_days() -> None:
    start = MIDNIGHT + 22 * HOUR
    intervals = [
        StatusInterval("cam-1", HealthStatus.ONLINE, start - 22 * HOUR, start),
        StatusInterval("cam-1", HealthStatus.OFFLINE, start, start + 4 * HOUR),  # 22:00 to 02:00 local
        StatusInterval("cam-1", HealthStatus.ONLINE, start + 4 * HOUR, start + 26 * HOUR),
    ]

    first, second = daily_uptime(intervals, KARACHI)

    assert (first.day, second.day) == (dt.date(2026, 3, 1), dt.date(2026, 3, 2))
    assert first.available_seconds == pytest.approx(22 * HOUR)
    assert second.available_seconds == pytest.approx(22 * HOUR)
    assert second.observed_seconds == pytest.approx(24 * HOUR)


def test_time_the_camera_was_not_watched_does_not_count() -> None:
    tracker = UptimeTracker()
    tracker.record("cam-1", HealthStatus.ONLINE, MIDNIGHT + 8 * HOUR)  # added to the system at 08:00
    tracker.record("cam-1", HealthStatus.CLOSED, MIDNIGHT + 10 * HOUR)
    tracker.record("cam-1", HealthStatus.ONLINE, MIDNIGHT + 20 * HOUR)

    [day] = tracker.daily("cam-1", until=MIDNIGHT + 22 * HOUR, tz=KARACHI)

    assert day.observed_seconds == pytest.approx(4 * HOUR)
    assert day.available_percent == pytest.approx(100.0)


def test_cameras_are_tracked_separately_from_health_changes() -> None:
    tracker = UptimeTracker()
    for camera, status in [("a", HealthStatus.ONLINE), ("b", HealthStatus.OFFLINE)]:
        tracker.observe(HealthChange(camera, None, status, MIDNIGHT, "", HealthMetrics()))

    assert tracker.cameras == ["a", "b"]
    assert tracker.daily("a", until=MIDNIGHT + HOUR, tz=KARACHI)[0].available_percent == 100.0
    assert tracker.daily("b", until=MIDNIGHT + HOUR, tz=KARACHI)[0].available_percent == 0.0


def test_a_status_from_the_past_is_rejected() -> None:
    tracker = UptimeTracker()
    tracker.record("cam-1", HealthStatus.ONLINE, MIDNIGHT + HOUR)
    with pytest.raises(ValueError, match="earlier than the last one"):
        tracker.record("cam-1", HealthStatus.OFFLINE, MIDNIGHT)


def test_a_camera_never_seen_has_no_days() -> None:
    assert UptimeTracker().daily("ghost", until=MIDNIGHT) == []
