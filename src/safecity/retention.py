"""Every data class the retention sweeper purges, listed in one place (the API's report and `safecity
evidence sweep` use the same plan)."""

from __future__ import annotations

from safecity.evidence.purgers import builtin_classes
from safecity.evidence.retention import RetentionPlan
from safecity.faces.retention import face_crop_retention

RETENTION_PLAN = RetentionPlan((builtin_classes, face_crop_retention))
