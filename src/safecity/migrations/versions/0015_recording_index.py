"""recording index: finished segments on the workers' disks, and where to fetch them

Revision ID: 0015_recording_index
Revises: 0014_cluster
Create Date: 2026-12-02 20:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_recording_index"
down_revision: str | None = "0014_cluster"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recording_index",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camera_id", sa.String(length=128), nullable=False),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("worker_address", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording_index")),
        sa.UniqueConstraint("camera_id", "start_ms", name=op.f("uq_recording_index_camera_id")),
    )
    op.create_index("ix_recording_index_worker", "recording_index", ["worker_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_recording_index_worker", table_name="recording_index")
    op.drop_table("recording_index")
