"""Retention of face sightings: sightings older than `retention.face_crops_days` (default 30) lose their row
and crop file, unless the crop is evidence or a legal hold covers their camera and time (the class keeps its
historical name, `face_crops`)."""

from __future__ import annotations

from safecity.evidence.retention_rows import RowClass
from safecity.faces.crop_rows import CropRetention
from safecity.faces.models import FaceSighting

FACE_SIGHTINGS = RowClass(
    key=FaceSighting.id,
    time=FaceSighting.time,
    camera=FaceSighting.camera_id,
    files=(FaceSighting.crop_sha256,),
)
FACE_CROPS = CropRetention("face_crops", FACE_SIGHTINGS)
face_crop_media = FACE_CROPS.media
face_crop_retention = FACE_CROPS.policies
