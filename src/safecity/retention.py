"""Every data class the retention sweeper purges, and every table that references media files, listed in one
place (the API's report and `safecity retention report|sweep` use the same plan).

Classes: evidence and recordings (evidence), plate reads (anpr, keeping the reads e-challan's violations
name) and e-challan's copy of them, face sightings (`face_crops`), person track appearances
(`person_appearances`), the event index (`events`)."""

from __future__ import annotations

from dataclasses import replace

from safecity.anpr.retention import plate_read_media
from safecity.anpr.retention import plate_read_retention
from safecity.challan.retention import challan_media
from safecity.challan.retention import challan_plate_read_retention
from safecity.challan.retention import reads_named_by_violations
from safecity.events_search.models import EventLogEntry
from safecity.events_search.retention import event_log_retention
from safecity.evidence.purgers import builtin_classes
from safecity.evidence.purgers import protected_media
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import Inventory
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention import RetentionPlan
from safecity.evidence.retention_rows import row_inventory
from safecity.faces.retention import face_crop_media
from safecity.faces.retention import face_crop_retention
from safecity.persons_search.retention import person_appearance_retention
from safecity.persons_search.retention import person_crop_media


def event_index_inventory(context: RetentionContext) -> Inventory:
    """How many events the index holds and the oldest one's time (rows only: no media)."""
    with context.database.session() as session:
        count, oldest = row_inventory(session, EventLogEntry.time)
    return Inventory(count, oldest)


def event_index_retention(context: RetentionContext) -> list[DataClassPolicy]:
    """The event index's own `events` class, with its inventory for the report."""
    return [
        replace(policy, inventory=lambda: event_index_inventory(context))
        for policy in event_log_retention(context)
    ]


RETENTION_PLAN = RetentionPlan(
    providers=(
        builtin_classes,
        plate_read_retention(still_needed=reads_named_by_violations),
        challan_plate_read_retention,
        face_crop_retention,
        person_appearance_retention,
        event_index_retention,
    ),
    media_references=(protected_media, plate_read_media, challan_media, face_crop_media, person_crop_media),
)
