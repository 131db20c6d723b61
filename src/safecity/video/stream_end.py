"""A live stream's packets one behind, so that the packet a lost connection ends on is not recorded.

When a camera vanishes mid-frame, FFmpeg's parser hands over what it holds as one last packet: a frame cut
short, or a keyframe's parameter sets without its picture, which decoders refuse outright ("Invalid data
found when processing input"). Recorded, it would end the segment in a packet no player decodes. A packet is
only known to be whole once the next one has arrived, so each is handed on then, and the one a stream ends on
is dropped: one frame per lost connection, at the edge of a gap the recording lists anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Generator
from collections.abc import Iterable

import av


def whole_packets(
    packets: Iterable[av.Packet], on_cut: Callable[[av.Packet], None]
) -> Generator[av.Packet, None, None]:
    """`packets`, each once the next has arrived. When they end or fail, the packet still held goes to
    `on_cut` (and a failure is raised on); a reader that stops early simply does not get it."""
    held: av.Packet | None = None
    try:
        for packet in packets:
            if held is not None:
                yield held
            held = packet
    except GeneratorExit:
        raise
    except BaseException:
        if held is not None:
            on_cut(held)
        raise
    if held is not None:
        on_cut(held)
