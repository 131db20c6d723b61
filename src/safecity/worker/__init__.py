"""The camera worker: runs the cameras assigned to it (ingest, health, recording, pipeline) onto the bus."""
