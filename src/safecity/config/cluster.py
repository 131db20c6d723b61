"""The `cluster:` section of safecity.yaml: how workers share the cameras (leases, failover, rebalancing)."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic import Field
from pydantic import model_validator


class ClusterSettings(BaseModel):
    lease_seconds: float = Field(
        12.0, gt=0, description="A camera lease not renewed for this long may be claimed by another worker."
    )
    renew_seconds: float = Field(3.0, gt=0, description="How often a worker renews its leases and claims.")
    failover_grace_seconds: float = Field(
        30.0,
        ge=0,
        description="A camera pinned to a worker (`worker: w1`, `failover: true`) goes to any worker once "
        "its worker has been silent this long.",
    )
    moves_per_minute: int = Field(
        6, ge=1, description="Rebalancing: how many cameras one worker hands over per minute at most."
    )
    worker_lost_seconds: float = Field(
        20.0, gt=0, description="A worker silent for this long is lost: a `system` alert is raised."
    )

    @model_validator(mode="after")
    def _renew_within_lease(self) -> ClusterSettings:
        if self.renew_seconds * 2 > self.lease_seconds:
            raise ValueError("cluster.renew_seconds must be at most half of cluster.lease_seconds")
        return self
