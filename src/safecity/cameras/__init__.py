"""The camera registry: cameras, their credentials and scene configuration, and their stored health."""
