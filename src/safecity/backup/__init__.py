"""Backup and restore of a whole installation: database snapshot, media, keys and (optionally) recordings.

A backup folder:

    backup.json                    the manifest (`manifest.py`): every file's size and sha256, the table
                                   counts of the snapshot, the method and schema revision
    snapshot/<UTC time>/           the database (database.sqlite3, database.pgdump or tables/) and keys/
    media/aa/bb/<sha256>...        content-addressed media, copied incrementally
    recordings/<camera>/<day>/...  recorded segments, copied incrementally with `--recordings`
"""

from safecity.backup.database import row_counts
from safecity.backup.errors import BackupError
from safecity.backup.errors import BackupReport
from safecity.backup.restoring import restore
from safecity.backup.taking import backup
from safecity.backup.verifying import VerifyReport
from safecity.backup.verifying import verify_backup

__all__ = [
    "BackupError",
    "BackupReport",
    "VerifyReport",
    "backup",
    "restore",
    "row_counts",
    "verify_backup",
]
