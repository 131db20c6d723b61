"""Face sightings: the best faces of person tracks (stored by the worker), matched live, searched later."""
