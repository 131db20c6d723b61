"""alerts: the disposition an operator gives when closing an alarm (true / false / nuisance)

Revision ID: 0017_alerts_disposition
Revises: 0016_persons_search_reid
Create Date: 2026-12-02 23:35:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0017_alerts_disposition"
down_revision: str | None = "0016_persons_search_reid"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("disposition", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("disposed_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("disposed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True))
        batch.create_index("ix_alerts_disposition", ["disposition"])


def downgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.drop_index("ix_alerts_disposition")
        batch.drop_column("disposed_at")
        batch.drop_column("disposed_by")
        batch.drop_column("disposition")
