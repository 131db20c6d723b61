"""Panic alerts (women safety): a phone's alarm raises a critical alert and an incident that follow it."""
