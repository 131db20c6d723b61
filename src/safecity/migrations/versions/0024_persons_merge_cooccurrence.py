"""poi: merged records (merged_into_id, merged_at), date-of-birth index for duplicate checks, and a
camera + time index on sightings for co-occurrences

Revision ID: 0024_persons_merge_cooccurrence
Revises: 0023_registry_cache
Create Date: 2026-12-03 08:25:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0024_persons_merge_cooccurrence"
down_revision: str | None = "0023_registry_cache"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("poi_persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("merged_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_poi_persons_merged_into_id_poi_persons"),
            "poi_persons",
            ["merged_into_id"],
            ["id"],
        )
        batch_op.create_index(batch_op.f("ix_poi_persons_merged_into_id"), ["merged_into_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_persons_date_of_birth"), ["date_of_birth"], unique=False)
    with op.batch_alter_table("poi_sightings", schema=None) as batch_op:
        batch_op.create_index("ix_poi_sightings_camera_id_seen_at", ["camera_id", "seen_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("poi_sightings", schema=None) as batch_op:
        batch_op.drop_index("ix_poi_sightings_camera_id_seen_at")
    with op.batch_alter_table("poi_persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_persons_date_of_birth"))
        batch_op.drop_index(batch_op.f("ix_poi_persons_merged_into_id"))
        batch_op.drop_constraint(batch_op.f("fk_poi_persons_merged_into_id_poi_persons"), type_="foreignkey")
        batch_op.drop_column("merged_at")
        batch_op.drop_column("merged_into_id")
