"""Search the stored event log: `GET /api/v1/events`."""
