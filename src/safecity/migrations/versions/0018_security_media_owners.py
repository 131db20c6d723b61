"""security: index the face tables' file columns (every media read asks which table owns the file)

Revision ID: 0018_security_media_owners
Revises: 0017_alerts_disposition
Create Date: 2026-12-02 23:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018_security_media_owners"
down_revision: str | None = "0017_alerts_disposition"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("face_sightings", "crop_sha256"),
    ("face_subject_images", "sha256"),
    ("face_candidates", "probe_sha256"),
    ("face_candidates", "enrolled_sha256"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
