"""Start-up of the face services in an API node: the watchlist gallery (built from the database) and the
`faces` consumer of worker sightings."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Depends

from safecity.core.http.deps import runtime_dependency
from safecity.core.http.services import Services
from safecity.faces.consumer import SightingConsumer
from safecity.faces.watchlist.runtime import FaceWatchlist


def face_watchlist(services: Services) -> FaceWatchlist:
    """The node's FaceWatchlist (its gallery is loaded by `start_faces`)."""
    return services.runtimes.get(FaceWatchlist)


FaceWatchlistDep = Annotated[FaceWatchlist, Depends(runtime_dependency(FaceWatchlist))]


async def start_faces(services: Services) -> FaceWatchlist:
    watchlist = face_watchlist(services)
    await asyncio.to_thread(watchlist.start)
    await SightingConsumer(watchlist, services.bus).start()
    return watchlist
