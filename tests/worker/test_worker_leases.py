"""A worker runs the cameras whose leases it holds and stamps their events with the lease's epoch."""

from __future__ import annotations

from pathlib import Path

from safecity.cameras.models import Camera
from tests.worker.conftest import Harness
from tests.worker.conftest import eventually


async def test_events_carry_the_epoch_of_the_lease_the_camera_runs_under(
    harness: Harness, h264_clip: Path
) -> None:
    harness.add_camera("gate", str(h264_clip), loop=True)
    async with harness.running() as worker:
        assert await eventually(lambda: "online" in harness.health("gate"))
        assert worker.member.held == {"gate": 1}
    stamped = {e.lease_epoch for e in harness.events if e.camera_id == "gate"}
    assert stamped == {1}


async def test_a_camera_pinned_to_another_worker_is_left_to_it(harness: Harness, h264_clip: Path) -> None:
    harness.add_camera("mine", str(h264_clip), loop=True)
    harness.add_camera("theirs", str(h264_clip), loop=True, worker="elsewhere")
    async with harness.running() as worker:
        assert await eventually(lambda: "online" in harness.health("mine"))
        assert "theirs" not in worker.runners
        assert "theirs" not in worker.member.held


async def test_a_disabled_camera_is_stopped_and_its_lease_handed_over(
    harness: Harness, h264_clip: Path
) -> None:
    harness.add_camera("gate", str(h264_clip), loop=True)
    async with harness.running() as worker:
        assert await eventually(lambda: "gate" in worker.runners)
        with harness.database.session() as session:
            camera = session.get(Camera, "gate")
            assert camera is not None
            camera.enabled = False
        assert await eventually(lambda: "gate" not in worker.runners and "gate" not in worker.member.held)
