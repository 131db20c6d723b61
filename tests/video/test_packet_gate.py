"""The packet gate's decisions from packet sizes, keyframes and picture checks (numbers only, no video)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from safecity.video.packet_gate import GateAction
from safecity.video.packet_gate import PacketGate
from safecity.video.packet_gate import PacketGateSettings

FPS = 10
GOP = 20  # a keyframe every 2 s
STILL = 60  # bytes of a P-frame that says "nothing changed"
KEYFRAME = 80_000


def feed(gate: PacketGate, start: int, count: int, size: int = STILL) -> list[GateAction]:
    """Packets `start` .. `start + count - 1` of a 10-fps stream, P-frames of `size` between keyframes;
    decoded pictures are reported still whenever the gate asks."""
    actions = []
    for index in range(start, start + count):
        keyframe = index % GOP == 0
        pts = index / FPS
        action = gate.observe_packet(KEYFRAME if keyframe else size, keyframe, pts)
        actions.append(action)
        if action is not GateAction.SKIP and gate.wants_picture_check(pts):
            gate.observe_picture(False, pts)
    return actions


def closed_gate(settings: PacketGateSettings | None = None) -> PacketGate:
    gate = PacketGate(settings)
    feed(gate, 0, 40)
    assert not gate.is_open
    return gate


def test_starts_open_and_closes_after_a_quiet_hold() -> None:
    gate = PacketGate(PacketGateSettings(hold_seconds=3.0))
    actions = feed(gate, 0, 29)
    assert set(actions) == {GateAction.DECODE}  # the first seconds are always decoded
    assert gate.is_open
    feed(gate, 29, 2)
    assert not gate.is_open
    assert gate.threshold(position=10) == pytest.approx(2.0 * STILL + 32)


def test_a_still_scene_skips_everything_but_a_keyframe_probe_every_few_seconds() -> None:
    gate = closed_gate(PacketGateSettings(probe_seconds=4.0))
    actions = feed(gate, 40, 200)  # 4 s .. 24 s
    probes = [40 + i for i, action in enumerate(actions) if action is GateAction.PROBE]
    assert [index / FPS for index in probes] == [8.0, 12.0, 16.0, 20.0]
    assert actions.count(GateAction.SKIP) == 200 - len(probes)
    assert gate.openings == 0


def test_grown_packets_open_the_gate_mid_gop_with_a_replay() -> None:
    gate = closed_gate()
    feed(gate, 40, 5)
    actions = feed(gate, 45, 3, size=400)  # something moves: the packets grow several times
    assert GateAction.REPLAY in actions
    assert gate.is_open
    assert feed(gate, 48, 5, size=400) == [GateAction.DECODE] * 5


def test_one_large_packet_alone_does_not_open() -> None:
    gate = closed_gate()
    actions = feed(gate, 41, 1, size=STILL * 3) + feed(gate, 42, 10)
    assert set(actions) == {GateAction.SKIP}


def test_the_larger_packets_encoders_send_after_each_keyframe_are_usual_there() -> None:
    gate = PacketGate()
    sizes = {1: STILL * 5, 2: STILL * 4}  # the encoder re-settles noise after every keyframe

    def packet(index: int) -> GateAction:
        keyframe = index % GOP == 0
        size = KEYFRAME if keyframe else sizes.get(index % GOP, STILL)
        action = gate.observe_packet(size, keyframe, index / FPS)
        if action is not GateAction.SKIP and gate.wants_picture_check(index / FPS):
            gate.observe_picture(False, index / FPS)
        return action

    actions = [packet(index) for index in range(300)]
    assert not gate.is_open
    assert GateAction.REPLAY not in actions[40:]
    gate.observe_packet(STILL * 5, False, 30.5)  # the same sizes far from a keyframe are news
    assert gate.observe_packet(STILL * 5, False, 30.6) is GateAction.REPLAY


def test_motion_in_a_probe_opens_the_gate() -> None:
    gate = closed_gate(PacketGateSettings(probe_seconds=4.0))
    assert gate.observe_packet(KEYFRAME, True, 8.0) is GateAction.PROBE
    assert gate.wants_picture_check(8.0)
    gate.observe_picture(True, 8.0)
    assert gate.is_open
    assert gate.observe_packet(STILL, False, 8.1) is GateAction.DECODE


def test_open_gate_stays_open_while_pictures_move_and_closes_when_they_stop() -> None:
    gate = closed_gate(PacketGateSettings(hold_seconds=3.0, motion_check_seconds=0.5))
    gate.observe_picture(True, 4.0)  # a probe saw something
    for index in range(41, 100):  # ~6 s of a walker whose packets stay small (far away)
        pts = index / FPS
        gate.observe_packet(STILL, index % GOP == 0, pts)
        if gate.wants_picture_check(pts):
            gate.observe_picture(True, pts)
    assert gate.is_open  # the last motion was seen at 9.5 s (pictures are checked every 0.5 s)
    feed(gate, 100, 24)
    assert gate.is_open  # still within the hold
    feed(gate, 124, 2)
    assert not gate.is_open  # 3 s after 9.5 s


def test_a_stream_without_keyframes_is_never_closed() -> None:
    gate = PacketGate()
    actions = [gate.observe_packet(STILL, False, index / FPS) for index in range(100)]
    for index in range(100):
        gate.observe_picture(False, index / FPS)
    assert set(actions) == {GateAction.DECODE}
    assert gate.is_open  # closed, nothing could ever be decoded again: no probe, no replay


def test_intra_only_streams_are_always_decoded() -> None:
    gate = PacketGate()
    actions = [gate.observe_packet(30_000, True, index / FPS) for index in range(100)]
    assert set(actions) == {GateAction.DECODE}
    assert gate.intra_only
    assert not gate.wants_picture_check(5.0)


def test_settings_refuse_a_jump_ratio_that_cannot_tell_change_from_still() -> None:
    with pytest.raises(ValidationError, match="jump_ratio"):
        PacketGateSettings(jump_ratio=1.0)
