"""Camera leases on the real databases: one holder per camera, takeover on expiry, epochs as fencing."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.cluster.fencing import LeaseFence
from safecity.cluster.member import ClusterMember
from safecity.cluster.models import CameraLease
from safecity.config.cluster import ClusterSettings
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.db import utcnow

FAST = ClusterSettings(lease_seconds=2.0, renew_seconds=0.5, failover_grace_seconds=1.0, moves_per_minute=600)


def add_cameras(database: Database, count: int, **fields: object) -> list[str]:
    ids = [f"cam{i:02d}" for i in range(count)]
    with database.session() as session:
        for camera_id in ids:
            create_camera(session, CameraCreate(id=camera_id, name=camera_id, url="/clips/a.mp4", **fields))
    return ids


def member(database: Database, name: str, capacity: float = 100.0) -> ClusterMember:
    return ClusterMember(database, name, capacity=capacity, settings=FAST)


def settle(members: list[ClusterMember], rounds: int = 4) -> None:
    for _ in range(rounds):
        for m in members:
            tick = m.tick()
            m.hand_over(tick.release)


def holders(database: Database) -> dict[str, str]:
    with database.session() as session:
        return dict(session.execute(select(CameraLease.camera_id, CameraLease.worker_id)).all())


def test_three_members_share_twelve_cameras_each_held_once(database: Database) -> None:
    ids = add_cameras(database, 12)
    members = [member(database, f"w{i}") for i in (1, 2, 3)]
    settle(members)
    held = [set(m.held) for m in members]
    assert sorted(cid for h in held for cid in h) == ids
    assert [len(h) for h in held] == [4, 4, 4]


def test_claims_racing_from_threads_never_grant_a_camera_twice(database: Database) -> None:
    ids = add_cameras(database, 20)
    members = [member(database, f"w{i}", capacity=20) for i in range(4)]
    for m in members:
        m.tick()  # announce
    barrier = threading.Barrier(len(members))

    def race(m: ClusterMember) -> None:
        barrier.wait()
        m.tick()

    threads = [threading.Thread(target=race, args=(m,)) for m in members]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [cid for m in members for cid in m.held]
    assert len(claimed) == len(set(claimed))
    assert set(holders(database)) <= set(ids)


def test_a_silent_members_cameras_go_to_the_others_with_a_new_epoch(database: Database) -> None:
    add_cameras(database, 6)
    w1, w2 = member(database, "w1"), member(database, "w2")
    settle([w1, w2])
    lost = dict(w2.held)
    expired_time = FAST.lease_seconds + FAST.renew_seconds
    threading.Event().wait(expired_time)  # w2 stops renewing (killed)
    settle([w1], rounds=2)
    assert set(w1.held) == set(lost) | set(w1.held)
    assert len(w1.held) == 6
    assert all(w1.held[cid] == epoch + 1 for cid, epoch in lost.items())
    assert w2.tick().lost == sorted(lost)  # back from the dead, it learns its cameras are gone


def test_a_member_leaving_frees_its_cameras_at_once(database: Database) -> None:
    add_cameras(database, 4)
    w1, w2 = member(database, "w1"), member(database, "w2")
    settle([w1, w2])
    w2.leave()
    settle([w1], rounds=2)
    assert len(w1.held) == 4


def test_a_disabled_camera_is_handed_over_by_its_holder(database: Database) -> None:
    add_cameras(database, 2)
    w1 = member(database, "w1")
    settle([w1])
    with database.session() as session:
        from safecity.cameras.models import Camera

        camera = session.get(Camera, "cam00")
        assert camera is not None
        camera.enabled = False
    assert "cam00" in w1.tick().release


@pytest.mark.parametrize(("delay", "refused"), [(-10.0, False), (30.0, True)])
def test_the_fence_refuses_events_sent_under_a_superseded_lease(
    database: Database, delay: float, refused: bool
) -> None:
    add_cameras(database, 1)
    w1, w2 = member(database, "w1"), member(database, "w2")
    settle([w1])
    old_epoch = w1.held["cam00"]
    fence = LeaseFence(database, refresh_seconds=0.0)
    fresh = Event(type="rule.line_crossed", camera_id="cam00", lease_epoch=old_epoch)
    assert asyncio.run(fence.refusal(fresh)) is None
    with database.session() as session:  # w1 paused long enough for its lease to lapse
        lease = session.get(CameraLease, "cam00")
        assert lease is not None
        lease.expires_at = utcnow() - timedelta(seconds=1)
    settle([w2], rounds=2)
    assert w2.held["cam00"] == old_epoch + 1
    late = Event(
        type="rule.line_crossed",
        camera_id="cam00",
        lease_epoch=old_epoch,
        time=utcnow() + timedelta(seconds=delay),  # sent long before the takeover, or after it
    )
    assert (asyncio.run(fence.refusal(late)) is not None) is refused
    current = Event(type="rule.line_crossed", camera_id="cam00", lease_epoch=old_epoch + 1)
    assert asyncio.run(fence.refusal(current)) is None


def test_a_camera_handed_over_is_not_renewed_by_its_old_holder(database: Database) -> None:
    add_cameras(database, 2)
    w1 = member(database, "w1")
    settle([w1])
    w1.hand_over(["cam00"])
    assert "cam00" not in w1.tick().held
    assert holders(database)["cam00"] == ""


def test_a_camera_handed_to_a_worker_that_then_dies_comes_back_without_waiting_for_the_cool_down(
    database: Database,
) -> None:
    add_cameras(database, 4)
    w1 = member(database, "w1")
    settle([w1])
    assert len(w1.held) == 4
    w2 = member(database, "w2")
    for _ in range(50):  # the hand-overs are rate-limited
        settle([w1, w2], rounds=1)
        if len(w2.held) == 2:
            break
        threading.Event().wait(0.1)
    given_away = set(w2.held)
    assert len(given_away) == 2
    threading.Event().wait(FAST.lease_seconds + FAST.renew_seconds)  # w2 is killed: no more ticks
    settle([w1], rounds=2)
    assert set(w1.held) >= given_away
