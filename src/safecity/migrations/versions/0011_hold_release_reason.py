"""Legal holds: why a hold was released

Revision ID: 0011_hold_release_reason
Revises: 0010_challan_clips
Create Date: 2026-11-30 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_hold_release_reason"
down_revision: str | None = "0010_challan_clips"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Holds released before this revision keep release_reason NULL: no reason was asked for then.
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("release_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.drop_column("release_reason")
