"""Backing up recordings: cost of the sha256-checked incremental copy, printed as JSON.

    python bench/backup.py [--segments 60] [--mb 8]

Makes a SQLite installation with `--segments` recorded segments of `--mb` MB each (random bytes under the
real recording layout: the copy never parses them), then measures, with the files already in the page cache:
a plain `shutil.copytree` of the recordings (baseline), the first `backup --recordings` (snapshot + copy with
hashing, fsync and read-back check), a second run that has nothing new to copy, and `backup verify`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from safecity.backup import backup
from safecity.backup import verify_backup
from safecity.config import load_settings
from safecity.core.media import hash_file
from safecity.core.schema import upgrade
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir

START = 1772359200.0
SEGMENT_SECONDS = 60


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", type=int, default=60)
    parser.add_argument("--mb", type=float, default=8.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        settings = load_settings(None, data_dir=root / "live")
        upgrade(settings.resolved_database_url)
        store = SegmentStore(recordings_dir(settings.data_dir))
        for index in range(args.segments):
            start = START + index * SEGMENT_SECONDS
            partial = store.partial_path("cam-1", start)
            partial.write_bytes(os.urandom(int(args.mb * 1e6)))
            store.finish(partial, "cam-1", start, start + SEGMENT_SECONDS)
        for segment in store.segments():
            hash_file(segment.path)  # into the page cache, for baseline and backup alike
        total_mb = args.segments * args.mb

        began = time.perf_counter()
        shutil.copytree(recordings_dir(settings.data_dir), root / "plain-copy")
        os.sync()
        baseline_s = time.perf_counter() - began

        began = time.perf_counter()
        first = backup(settings, root / "backup", recordings=True)
        first_s = time.perf_counter() - began
        began = time.perf_counter()
        second = backup(settings, root / "backup", recordings=True)
        second_s = time.perf_counter() - began
        began = time.perf_counter()
        verified = verify_backup(root / "backup")
        verify_s = time.perf_counter() - began

    print(
        json.dumps(
            {
                "segments": args.segments,
                "total_mb": total_mb,
                "plain_copy_s": round(baseline_s, 2),
                "first_backup_s": round(first_s, 2),
                "first_backup_mb_per_s": round(total_mb / first_s, 1),
                "first_backup_over_plain_copy": round(first_s / baseline_s, 2),
                "segments_copied": first.recordings_copied,
                "second_backup_s": round(second_s, 2),
                "second_run_segments_copied": second.recordings_copied,
                "verify_s": round(verify_s, 2),
                "verify_mb_per_s": round(total_mb / verify_s, 1),
                "problems": first.problems + second.problems + verified.problems,
            }
        )
    )


if __name__ == "__main__":
    main()
