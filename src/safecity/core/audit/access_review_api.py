"""`GET /api/v1/audit/access-review`: personal-data reads per user and unusual days, for the auditor."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query
from pydantic import BaseModel

from safecity.core.audit.access_review import ReviewThresholds
from safecity.core.audit.access_review import review_access
from safecity.core.auth.permissions import Permission
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


class DayFlagOut(BaseModel):
    day: date
    count: int
    reason: str


class UserAccessOut(BaseModel):
    actor: str
    total: int
    median_daily: float
    days: dict[date, int]
    actions: dict[str, int]
    without_case_ref: int
    flagged: bool
    flags: list[DayFlagOut]


@router.get(
    "/access-review",
    response_model=list[UserAccessOut],
    summary="Personal-data reads per user and day; days above k x the user's median or a ceiling are flagged",
)
def access_review(
    services: Annotated[Services, Depends(get_services)],
    _: Annotated[Principal, require(Permission.AUDIT_READ)],
    since: datetime | None = None,
    until: datetime | None = None,
    factor: float = Query(3.0, gt=1, description="Flag days above factor x the user's median daily count"),
    ceiling: int = Query(200, ge=1, description="Flag days above this many reads regardless of history"),
    min_days: int = Query(3, ge=1, description="Active days needed before the median rule applies"),
    flagged_only: bool = False,
) -> list[UserAccessOut]:
    thresholds = ReviewThresholds(factor=factor, ceiling=ceiling, min_days=min_days)
    with services.database.session() as session:
        users = review_access(session, since=since, until=until, thresholds=thresholds)
    out = [
        from_row(
            UserAccessOut, user, flagged=bool(user.flags), flags=[from_row(DayFlagOut, f) for f in user.flags]
        )
        for user in users
    ]
    return [user for user in out if user.flagged] if flagged_only else out
