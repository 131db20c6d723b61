"""Vision: detectors, tracking, faces, plates and the model registry. Knows nothing of the database."""
