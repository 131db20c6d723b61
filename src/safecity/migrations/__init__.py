"""Alembic migrations; run with `safecity db upgrade`."""
