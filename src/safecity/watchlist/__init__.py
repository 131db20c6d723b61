"""Watchlists: vehicles (plate hotlists) now; faces live in their own domain."""
