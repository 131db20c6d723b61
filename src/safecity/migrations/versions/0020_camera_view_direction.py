"""cameras: the direction a camera looks and its field of view, drawn on the map as a cone

Revision ID: 0020_camera_view_direction
Revises: 0019_crime_records
Create Date: 2026-12-03 04:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_camera_view_direction"
down_revision: str | None = "0019_crime_records"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cameras") as batch:
        batch.add_column(sa.Column("heading_deg", sa.Float(), nullable=True))
        batch.add_column(sa.Column("fov_deg", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cameras") as batch:
        batch.drop_column("fov_deg")
        batch.drop_column("heading_deg")
