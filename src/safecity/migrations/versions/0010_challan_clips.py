"""e-challan clips: each violation's clip status (pending / attached / unavailable), reason and attempts

Revision ID: 0010_challan_clips
Revises: 0009_faces
Create Date: 2026-11-23 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_challan_clips"
down_revision: str | None = "0009_faces"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Violations recorded before this revision keep clip_status NULL: no clip was asked for them.
    with op.batch_alter_table("challan_violations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clip_status", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("clip_reason", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("clip_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.create_index("ix_challan_violations_clip_status", ["clip_status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("challan_violations", schema=None) as batch_op:
        batch_op.drop_index("ix_challan_violations_clip_status")
        batch_op.drop_column("clip_attempts")
        batch_op.drop_column("clip_reason")
        batch_op.drop_column("clip_status")
