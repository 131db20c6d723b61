"""Citizen reports over Open311 GeoReport v2, with photo upload, anonymity, rate limiting and moderation."""
