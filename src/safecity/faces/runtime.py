"""Start-up of the face services in an API node: the watchlist gallery (built from the database) and the
`faces` consumer of worker sightings."""

from __future__ import annotations

import asyncio

from safecity.core.http.services import Services
from safecity.faces.consumer import SightingConsumer
from safecity.watchlist.persons.runtime import SERVICE_KEY, FaceWatchlist


def face_watchlist(services: Services) -> FaceWatchlist:
    """The node's FaceWatchlist (created on first use when the app was started without `start_faces`)."""
    watchlist = services.extras.get(SERVICE_KEY)
    if watchlist is None:
        watchlist = services.extras[SERVICE_KEY] = FaceWatchlist(services.database, services.media)
    assert isinstance(watchlist, FaceWatchlist)
    return watchlist


async def start_faces(services: Services) -> FaceWatchlist:
    watchlist = face_watchlist(services)
    await asyncio.to_thread(watchlist.start)
    await SightingConsumer(watchlist, services.bus).start()
    return watchlist
