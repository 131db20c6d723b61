"""evidence: cases, items, custody chains, legal holds

Revision ID: 0005_evidence
Revises: 0004_anpr
Create Date: 2026-11-22 03:33:56.995541
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0005_evidence"
down_revision: str | None = "0004_anpr"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "evidence_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=128), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("incident_ref", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_evidence_cases_reference")),
    )
    with op.batch_alter_table("evidence_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_cases_status"), ["status"], unique=False)

    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("suffix", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("camera_id", sa.String(length=128), nullable=True),
        sa.Column("start", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("collected_by", sa.String(length=64), nullable=False),
        sa.Column("collected_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=True),
        sa.Column("derivation", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("purged_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("custody_head", sa.String(length=64), nullable=False),
        sa.Column("custody_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["evidence_cases.id"], name=op.f("fk_evidence_items_case_id_evidence_cases")
        ),
        sa.ForeignKeyConstraint(
            ["original_id"], ["evidence_items.id"], name=op.f("fk_evidence_items_original_id_evidence_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_items")),
    )
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_items_camera_id"), ["camera_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_items_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_items_collected_at"), ["collected_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_items_sha256"), ["sha256"], unique=False)

    op.create_table(
        "evidence_custody",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["evidence_items.id"], name=op.f("fk_evidence_custody_item_id_evidence_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_custody")),
        sa.UniqueConstraint("item_id", "seq", name="uq_evidence_custody_item_seq"),
    )
    with op.batch_alter_table("evidence_custody", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_custody_item_id"), ["item_id"], unique=False)

    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("camera_id", sa.String(length=128), nullable=True),
        sa.Column("start", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("released_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("released_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["evidence_cases.id"], name=op.f("fk_legal_holds_case_id_evidence_cases")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["evidence_items.id"], name=op.f("fk_legal_holds_item_id_evidence_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legal_holds_camera_id"), ["camera_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_legal_holds_released_at"), ["released_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_holds_released_at"))
        batch_op.drop_index(batch_op.f("ix_legal_holds_camera_id"))

    op.drop_table("legal_holds")
    with op.batch_alter_table("evidence_custody", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_custody_item_id"))

    op.drop_table("evidence_custody")
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_items_sha256"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_collected_at"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_case_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_camera_id"))

    op.drop_table("evidence_items")
    with op.batch_alter_table("evidence_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_cases_status"))

    op.drop_table("evidence_cases")
