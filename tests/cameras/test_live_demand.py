"""Live pictures are sent on demand: all of a watched camera, a clean one now and then of the others."""

from __future__ import annotations

from safecity.cameras.live_demand import VIEWER_HOLD_SECONDS
from safecity.cameras.live_demand import LiveDemand


def test_an_unwatched_camera_sends_a_clean_picture_every_idle_interval_and_no_overlay() -> None:
    demand = LiveDemand(idle_seconds=5.0)

    assert demand.wanted("gate-1", overlay=False, now=100.0)
    assert not demand.wanted("gate-1", overlay=False, now=104.9)
    assert demand.wanted("gate-1", overlay=False, now=105.0)
    assert not demand.wanted("gate-1", overlay=True, now=200.0)
    assert demand.wanted("gate-2", overlay=False, now=104.9)  # each camera keeps its own pace


def test_a_watched_camera_sends_every_picture_until_the_viewers_mark_runs_out() -> None:
    demand = LiveDemand(idle_seconds=5.0)
    assert demand.wanted("gate-1", overlay=False, now=100.0)

    demand.watched("gate-1", now=100.0)
    held_until = 100.0 + VIEWER_HOLD_SECONDS
    assert all(
        demand.wanted("gate-1", overlay=o, now=t) for o in (False, True) for t in (100.1, held_until - 0.1)
    )

    assert not demand.wanted("gate-1", overlay=True, now=held_until)
    assert demand.wanted("gate-1", overlay=False, now=held_until)  # the idle pace again
    assert not demand.wanted("gate-1", overlay=False, now=held_until + 1.0)


def test_without_an_idle_interval_every_picture_is_sent() -> None:
    demand = LiveDemand(idle_seconds=None)
    assert all(demand.wanted("gate-1", overlay=o, now=100.0) for o in (False, True, False))


def test_a_forgotten_camera_starts_afresh() -> None:
    demand = LiveDemand(idle_seconds=5.0)
    demand.watched("gate-1", now=100.0)
    demand.forget("gate-1")
    assert not demand.wanted("gate-1", overlay=True, now=101.0)
    assert demand.wanted("gate-1", overlay=False, now=101.0)
