"""crime records: historical crime events imported from CSV for hotspot analytics

Revision ID: 0019_crime_records
Revises: 0018_security_media_owners
Create Date: 2026-12-02 23:55:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0019_crime_records"
down_revision: str | None = "0018_security_media_owners"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crime_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("occurred_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("source_file", sa.String(length=300), nullable=False),
        sa.Column("imported_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crime_records")),
        sa.UniqueConstraint("occurred_at", "latitude", "longitude", "kind", name="uq_crime_records_event"),
    )
    op.create_index(op.f("ix_crime_records_occurred_at"), "crime_records", ["occurred_at"], unique=False)
    op.create_index(
        "ix_crime_records_kind_occurred_at", "crime_records", ["kind", "occurred_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_crime_records_kind_occurred_at", table_name="crime_records")
    op.drop_index(op.f("ix_crime_records_occurred_at"), table_name="crime_records")
    op.drop_table("crime_records")
