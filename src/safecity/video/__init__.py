"""Video: ingest from cameras and files, camera health, motion, recording. Knows nothing of the database."""
