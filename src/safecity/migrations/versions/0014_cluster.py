"""cluster: workers, camera leases with fencing epochs, lease grants; cameras' failover and weight

Revision ID: 0014_cluster
Revises: 0013_event_index
Create Date: 2026-12-02 20:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0014_cluster"
down_revision: str | None = "0013_event_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cluster_workers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("capacity", sa.Float(), nullable=False),
        sa.Column("load", sa.Float(), nullable=False),
        sa.Column("started_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lost_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_workers")),
    )
    op.create_table(
        "camera_leases",
        sa.Column("camera_id", sa.String(length=64), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("granted_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("camera_id", name=op.f("pk_camera_leases")),
    )
    with op.batch_alter_table("camera_leases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_camera_leases_worker_id"), ["worker_id"], unique=False)
    op.create_table(
        "camera_lease_grants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("granted_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camera_lease_grants")),
        sa.UniqueConstraint("camera_id", "epoch", name=op.f("uq_camera_lease_grants_camera_id")),
    )
    with op.batch_alter_table("cameras", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failover", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("weight", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cameras", schema=None) as batch_op:
        batch_op.drop_column("weight")
        batch_op.drop_column("failover")
    op.drop_table("camera_lease_grants")
    with op.batch_alter_table("camera_leases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_camera_leases_worker_id"))
    op.drop_table("camera_leases")
    op.drop_table("cluster_workers")
