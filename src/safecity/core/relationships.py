"""Relationship shapes shared by the domains' models."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Relationship
from sqlalchemy.orm import relationship


def owned(child: str, *, back_populates: str | None = None) -> Relationship[Any]:
    """The rows of `child` that belong to this row: deleted with it (by the database's cascade too, so the
    child's foreign key is `ondelete="CASCADE"`), oldest first."""
    return relationship(
        back_populates=back_populates,
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by=f"{child}.id",
    )
