"""How a worker decides what to claim and what to hand over, from the rows every worker sees alike."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from safecity.cluster.planning import CameraDemand
from safecity.cluster.planning import ClusterView
from safecity.cluster.planning import LeaseView
from safecity.cluster.planning import Timing
from safecity.cluster.planning import WorkerView
from safecity.cluster.planning import plan_for

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
TIMING = Timing(lease=timedelta(seconds=12), failover_grace=timedelta(seconds=30))


def cameras(count: int, **fields: object) -> list[CameraDemand]:
    return [CameraDemand(f"cam{i:02d}", 1.0, **fields) for i in range(count)]  # type: ignore[arg-type]


def worker(name: str, capacity: float = 10.0, silent_for: float = 0.0) -> WorkerView:
    return WorkerView(name, capacity, NOW - timedelta(seconds=silent_for))


def held(worker_id: str, ids: list[str], *, expired: bool = False) -> list[LeaseView]:
    expires = NOW - timedelta(seconds=1) if expired else NOW + timedelta(seconds=10)
    return [LeaseView(cid, worker_id, 1, expires) for cid in ids]


def test_workers_started_together_each_claim_their_share_of_free_cameras() -> None:
    view = ClusterView(NOW, cameras(12), [worker("w1"), worker("w2"), worker("w3")], [], TIMING)
    assert len(plan_for(view, "w1", 10.0).claim) == 4


def test_a_worker_never_claims_beyond_its_capacity() -> None:
    view = ClusterView(NOW, cameras(12), [worker("w1", capacity=3)], [], TIMING)
    assert plan_for(view, "w1", 3.0).claim == ["cam00", "cam01", "cam02"]


def test_cameras_of_a_dead_worker_are_claimed_by_the_survivors() -> None:
    ids = [c.id for c in cameras(12)]
    leases = held("w1", ids[:6]) + held("w3", ids[6:], expired=True)
    view = ClusterView(
        NOW, cameras(12), [worker("w1"), worker("w2"), worker("w3", silent_for=60)], leases, TIMING
    )
    assert len(plan_for(view, "w2", 10.0).claim) == 6
    assert plan_for(view, "w1", 10.0).claim == []  # already carries its half


def test_a_joining_worker_makes_the_loaded_ones_hand_over_within_the_move_budget() -> None:
    ids = [c.id for c in cameras(12)]
    leases = held("w1", ids[:6]) + held("w2", ids[6:])
    view = ClusterView(NOW, cameras(12), [worker("w1"), worker("w2"), worker("w3")], leases, TIMING)
    assert len(plan_for(view, "w1", 10.0, move_budget=1).release) == 1
    assert len(plan_for(view, "w1", 10.0, move_budget=5).release) == 2  # down to its share of 4, no further
    assert plan_for(view, "w3", 10.0).release == []


def test_a_balanced_cluster_moves_nothing() -> None:
    ids = [c.id for c in cameras(5)]
    leases = held("w1", ids[:3]) + held("w2", ids[3:])
    view = ClusterView(NOW, cameras(5), [worker("w1"), worker("w2")], leases, TIMING)
    assert plan_for(view, "w1", 10.0, move_budget=5) == plan_for(view, "w2", 10.0, move_budget=5)
    assert plan_for(view, "w1", 10.0, move_budget=5).release == []


def test_a_camera_handed_over_is_not_claimed_back_while_it_cools_down() -> None:
    view = ClusterView(NOW, cameras(2), [worker("w1")], [], TIMING)
    assert plan_for(view, "w1", 10.0, cooling=["cam00"]).claim == ["cam01"]


def test_a_pinned_camera_waits_for_its_worker_unless_failover_allows_another() -> None:
    pinned = [
        CameraDemand("gate", 1.0, pinned_to="w1"),
        CameraDemand("mall", 1.0, pinned_to="w1", failover=True),
    ]
    just_gone = ClusterView(NOW, pinned, [worker("w1", silent_for=20), worker("w2")], [], TIMING)
    assert plan_for(just_gone, "w2", 10.0).claim == []  # within the grace period
    long_gone = ClusterView(NOW, pinned, [worker("w1", silent_for=60), worker("w2")], [], TIMING)
    assert plan_for(long_gone, "w2", 10.0).claim == ["mall"]


def test_a_failed_over_camera_goes_back_when_its_worker_returns() -> None:
    pinned = [CameraDemand("mall", 1.0, pinned_to="w1", failover=True)]
    view = ClusterView(NOW, pinned, [worker("w1"), worker("w2")], held("w2", ["mall"]), TIMING)
    assert plan_for(view, "w2", 10.0, move_budget=0).release == ["mall"]
    assert plan_for(ClusterView(NOW, pinned, [worker("w1"), worker("w2")], [], TIMING), "w1", 10.0).claim == [
        "mall"
    ]


def test_weight_and_detection_rate_set_a_cameras_cost() -> None:
    assert CameraDemand.of("a", 10.0, None, None, False).cost == 2.0
    assert CameraDemand.of("b", 5.0, 3.5, None, False).cost == 3.5
