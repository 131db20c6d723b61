"""persons of interest: records (CNIC sealed + keyed hash), aliases, FIRs, photos, vehicles, links,
change history and sightings

Revision ID: 0022_persons_of_interest
Revises: 0021_sessions_wall_views
Create Date: 2026-12-03 07:17:10.869448
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0022_persons_of_interest"
down_revision: str | None = "0021_sessions_wall_views"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "poi_persons",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("father_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("gender", sa.String(length=16), nullable=True),
        sa.Column("cnic_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("cnic_hash", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("legal_basis_expires", sa.Date(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("face_subject_id", sa.String(length=64), nullable=True),
        sa.Column("on_watchlists", sa.Boolean(), nullable=False),
        sa.Column("lapsed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_persons")),
        sa.UniqueConstraint("face_subject_id", name=op.f("uq_poi_persons_face_subject_id")),
    )
    with op.batch_alter_table("poi_persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_persons_cnic_hash"), ["cnic_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_persons_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_persons_review_date"), ["review_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_persons_status"), ["status"], unique=False)

    op.create_table(
        "poi_aliases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_aliases_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_aliases")),
    )
    with op.batch_alter_table("poi_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_aliases_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_aliases_person_id"), ["person_id"], unique=False)

    op.create_table(
        "poi_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_changes_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_changes")),
    )
    with op.batch_alter_table("poi_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_changes_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_changes_person_id"), ["person_id"], unique=False)

    op.create_table(
        "poi_firs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("police_station", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_firs_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_firs")),
    )
    with op.batch_alter_table("poi_firs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_firs_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_firs_police_station"), ["police_station"], unique=False)

    op.create_table(
        "poi_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=128), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_links_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_links")),
        sa.UniqueConstraint("person_id", "kind", "ref", name=op.f("uq_poi_links_person_id")),
    )
    with op.batch_alter_table("poi_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_links_person_id"), ["person_id"], unique=False)

    op.create_table(
        "poi_photos",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("face_image_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_photos_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_photos")),
        sa.UniqueConstraint("face_image_id", name=op.f("uq_poi_photos_face_image_id")),
    )
    with op.batch_alter_table("poi_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_photos_person_id"), ["person_id"], unique=False)

    op.create_table(
        "poi_sightings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=True),
        sa.Column("seen_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.String(length=36), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_sightings_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_sightings")),
        sa.UniqueConstraint("source_event_id", name=op.f("uq_poi_sightings_source_event_id")),
    )
    with op.batch_alter_table("poi_sightings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_sightings_camera_id"), ["camera_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_sightings_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_sightings_seen_at"), ["seen_at"], unique=False)

    op.create_table(
        "poi_vehicles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("plate", sa.String(length=32), nullable=False),
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("make", sa.String(length=100), nullable=False),
        sa.Column("colour", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("hotlist_entry_id", sa.Integer(), nullable=True),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_vehicles_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_vehicles")),
        sa.UniqueConstraint("hotlist_entry_id", name=op.f("uq_poi_vehicles_hotlist_entry_id")),
        sa.UniqueConstraint("person_id", "plate_key", name=op.f("uq_poi_vehicles_person_id")),
    )
    with op.batch_alter_table("poi_vehicles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poi_vehicles_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_poi_vehicles_plate_key"), ["plate_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("poi_vehicles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_vehicles_plate_key"))
        batch_op.drop_index(batch_op.f("ix_poi_vehicles_person_id"))

    op.drop_table("poi_vehicles")
    with op.batch_alter_table("poi_sightings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_sightings_seen_at"))
        batch_op.drop_index(batch_op.f("ix_poi_sightings_person_id"))
        batch_op.drop_index(batch_op.f("ix_poi_sightings_camera_id"))

    op.drop_table("poi_sightings")
    with op.batch_alter_table("poi_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_photos_person_id"))

    op.drop_table("poi_photos")
    with op.batch_alter_table("poi_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_links_person_id"))

    op.drop_table("poi_links")
    with op.batch_alter_table("poi_firs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_firs_police_station"))
        batch_op.drop_index(batch_op.f("ix_poi_firs_person_id"))

    op.drop_table("poi_firs")
    with op.batch_alter_table("poi_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_changes_person_id"))
        batch_op.drop_index(batch_op.f("ix_poi_changes_at"))

    op.drop_table("poi_changes")
    with op.batch_alter_table("poi_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_aliases_person_id"))
        batch_op.drop_index(batch_op.f("ix_poi_aliases_name"))

    op.drop_table("poi_aliases")
    with op.batch_alter_table("poi_persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poi_persons_status"))
        batch_op.drop_index(batch_op.f("ix_poi_persons_review_date"))
        batch_op.drop_index(batch_op.f("ix_poi_persons_name"))
        batch_op.drop_index(batch_op.f("ix_poi_persons_cnic_hash"))

    op.drop_table("poi_persons")
