"""Retention of person track appearances: rows (with their vectors) and best crops older than
`retention.other_days.person_appearances` (default 30, as face crops) are deleted, unless the crop is evidence
or a legal hold covers their camera and time."""

from __future__ import annotations

from safecity.evidence.retention_rows import RowClass
from safecity.faces.crop_rows import CropRetention
from safecity.persons_search.models import PersonAppearance

PERSON_APPEARANCES = RowClass(
    key=PersonAppearance.id,
    time=PersonAppearance.last_seen,
    camera=PersonAppearance.camera_id,
    files=(PersonAppearance.crop_sha256,),
)
APPEARANCE_CROPS = CropRetention("person_appearances", PERSON_APPEARANCES)
person_crop_media = APPEARANCE_CROPS.media
person_appearance_retention = APPEARANCE_CROPS.policies
