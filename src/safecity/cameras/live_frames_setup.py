"""Which store of live pictures a process uses: the one its event bus implies.

Embedded bus → a folder in the data directory (the single box shares its disk). NATS bus → a key-value
bucket on the same NATS server, named from `bus.prefix`, so workers and API nodes need no shared disk.
"""

from __future__ import annotations

from safecity.cameras.live_frames import LiveFrames
from safecity.cameras.live_frames_folder import FolderLiveFrames
from safecity.cameras.live_frames_folder import live_frames_dir
from safecity.cameras.live_frames_nats import NatsLiveFrames
from safecity.config import Settings
from safecity.core.bus.names import BusNames

BUCKET = "live_frames"
VIEWERS = "live_viewers"  # `<root>.live_viewers.<camera>`: plain NATS, outside the events stream


def open_live_frames(settings: Settings) -> LiveFrames:
    """The store for these settings, not yet started (call `start()` in the process's event loop)."""
    if settings.bus.kind == "nats":
        names = BusNames(settings.bus.prefix)
        return NatsLiveFrames(
            url=settings.bus.nats_url,
            bucket=names.bucket(BUCKET),
            viewers_subject=f"{names.subject_root}.{VIEWERS}",
        )
    return FolderLiveFrames(live_frames_dir(settings.data_dir))
