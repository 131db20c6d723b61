"""`/api/health`: is this node able to do its job (database, bus, media store)?"""

from __future__ import annotations

import asyncio
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Depends
from fastapi.responses import JSONResponse

from safecity import __version__
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

router = APIRouter(tags=["health"])


async def _check(name: str, probe: Any) -> dict[str, Any]:
    try:
        result = await probe()
    except Exception as exc:
        return {"ok": False, "reason": f"{type(exc).__name__}: {exc}"}
    return result if isinstance(result, dict) else {"ok": True}


@router.get(
    "/api/health",
    summary="Health of the database, the event bus and the media store (503 when any is down)",
    responses={503: {"description": "At least one dependency is unhealthy"}},
)
async def health(services: Annotated[Services, Depends(get_services)]) -> JSONResponse:
    async def database() -> dict[str, Any]:
        await asyncio.to_thread(services.database.ping)
        return {"ok": True, "dialect": services.database.dialect}

    async def media() -> dict[str, Any]:
        await asyncio.to_thread(services.media.check)
        return {"ok": True, "root": str(services.media.root)}

    checks = {
        "database": await _check("database", database),
        "bus": await _check("bus", services.bus.health),
        "media": await _check("media", media),
    }
    ok = all(check.get("ok") for check in checks.values())
    body = {"status": "ok" if ok else "degraded", "version": __version__, "checks": checks}
    return JSONResponse(body, status_code=200 if ok else 503)
