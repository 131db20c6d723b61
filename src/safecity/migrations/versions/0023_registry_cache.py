"""registries: the national-database lookup cache (answered records kept across restarts)

Revision ID: 0023_registry_cache
Revises: 0022_persons_of_interest
Create Date: 2026-12-03 07:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0023_registry_cache"
down_revision: str | None = "0022_persons_of_interest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "registry_cache",
        sa.Column("system", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=160), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("fetched_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("system", "subject", name=op.f("pk_registry_cache")),
    )
    op.create_index(
        op.f("ix_registry_cache_system_fetched_at"), "registry_cache", ["system", "fetched_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_registry_cache_system_fetched_at"), table_name="registry_cache")
    op.drop_table("registry_cache")
