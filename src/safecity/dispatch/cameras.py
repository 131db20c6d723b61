"""Integration point with the camera registry (safecity.cameras): the cameras nearest to a point, with health.

Runs in its own session so a database without the camera tables yet (or a registry error) degrades to an
empty list instead of failing the incident view.
"""

from __future__ import annotations

import logging

from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.dispatch.schemas import NearbyCameraOut

logger = logging.getLogger(__name__)


def cameras_near(database: Database, latitude: float, longitude: float, limit: int) -> list[NearbyCameraOut]:
    try:
        from safecity.cameras.health_store import current_health
        from safecity.cameras.service import nearest

        with database.session() as session:
            ranked = nearest(session, latitude, longitude, limit)
            health = current_health(session, [camera.id for camera, _ in ranked], now=utcnow())
            return [
                NearbyCameraOut(
                    camera_id=camera.id,
                    name=camera.name,
                    latitude=camera.latitude,
                    longitude=camera.longitude,
                    distance_m=round(distance, 1),
                    health=health[camera.id].state,
                    health_since=health[camera.id].since,
                )
                for camera, distance in ranked
            ]
    except Exception:  # the registry is another domain: never let it break an emergency view
        logger.warning("camera registry lookup failed", exc_info=True)
        return []
