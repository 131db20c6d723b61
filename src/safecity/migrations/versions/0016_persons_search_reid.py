"""persons search (re-id): person track appearances and the camera topology

Revision ID: 0016_persons_search_reid
Revises: 0015_recording_index
Create Date: 2026-12-02 23:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0016_persons_search_reid"
down_revision: str | None = "0015_recording_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_appearances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("camera_id", sa.String(length=100), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("first_seen", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("crop_sha256", sa.String(length=64), nullable=False),
        sa.Column("box", sa.JSON(), nullable=False),
        sa.Column("crops", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=100), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_appearances")),
        sa.UniqueConstraint("event_id", name=op.f("uq_person_appearances_event_id")),
    )
    with op.batch_alter_table("person_appearances", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_appearances_camera_id_last_seen", ["camera_id", "last_seen"], unique=False
        )
        batch_op.create_index("ix_person_appearances_first_seen", ["first_seen"], unique=False)
        batch_op.create_index("ix_person_appearances_track", ["camera_id", "track_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_appearances_model_id"), ["model_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_appearances_crop_sha256"), ["crop_sha256"], unique=False)
    op.create_table(
        "camera_links",
        sa.Column("camera_a", sa.String(length=100), nullable=False),
        sa.Column("camera_b", sa.String(length=100), nullable=False),
        sa.Column("travel_seconds", sa.Float(), nullable=False),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("camera_a", "camera_b", name=op.f("pk_camera_links")),
    )


def downgrade() -> None:
    op.drop_table("camera_links")
    with op.batch_alter_table("person_appearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_appearances_crop_sha256"))
        batch_op.drop_index(batch_op.f("ix_person_appearances_model_id"))
        batch_op.drop_index("ix_person_appearances_track")
        batch_op.drop_index("ix_person_appearances_first_seen")
        batch_op.drop_index("ix_person_appearances_camera_id_last_seen")
    op.drop_table("person_appearances")
