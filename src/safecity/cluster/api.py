"""`GET /api/v1/cluster`: the workers and which of them holds each camera (the System page)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from safecity.cluster.status import ClusterStatus
from safecity.cluster.status import cluster_status
from safecity.core.auth.permissions import Permission
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require

router = APIRouter(prefix="/api/v1/cluster", tags=["cluster"])


@router.get("", response_model=ClusterStatus, summary="Workers, their load and the camera leases")
def read_cluster(
    services: ServicesDep, _: Annotated[Principal, require(Permission.CAMERAS_READ)]
) -> ClusterStatus:
    """Each worker (alive, capacity and load in cost units, the cameras it holds, its last report) and each
    enabled camera's lease: its worker, its epoch, and whether it is `held` by a live worker, `orphaned`
    (held by a worker that stopped reporting, until the lease expires) or `unheld`."""
    with services.database.session() as session:
        return cluster_status(session, services.settings.cluster)
