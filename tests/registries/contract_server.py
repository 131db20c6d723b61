"""A national registry as docs/integrations.md describes it, served over real HTTP on a free local port, with
switchable faults: slow answers, 5xx, 429, bad payloads (not JSON, a field missing, a wrong type).

`fields` renames the answer's keys as a province's service might (`{"name": "fullName"}`), so the adapter's
field mapping is exercised against a real answer."""

from __future__ import annotations

import asyncio
import base64
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from enum import StrEnum
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.responses import PlainTextResponse
from starlette.responses import Response
from starlette.routing import Route

TOKEN = "registry-test-token"
BASIC_USER = "safecity"
ACCEPTED_CREDENTIALS = {  # a bearer token, or basic auth with the token as password
    f"Bearer {TOKEN}",
    "Basic " + base64.b64encode(f"{BASIC_USER}:{TOKEN}".encode()).decode(),
}


class Fault(StrEnum):
    NONE = "none"
    SLOW = "slow"  # answers after `slow_seconds`
    SERVER_ERROR = "server_error"  # 503
    TOO_MANY = "too_many"  # 429
    NOT_JSON = "not_json"
    MISSING_FIELD = "missing_field"  # the record without `missing`
    WRONG_TYPE = "wrong_type"  # `wrong_type_field` as a number
    OTHER_SUBJECT = "other_subject"  # a valid record of someone else


@dataclass
class RegistryServer:
    identities: dict[str, dict[str, Any]] = field(default_factory=dict)
    vehicles: dict[str, dict[str, Any]] = field(default_factory=dict)
    firs: dict[str, dict[str, Any]] = field(default_factory=dict)
    fault: Fault = Fault.NONE
    fault_times: int | None = None  # the fault applies to this many requests, then none (None: until changed)
    slow_seconds: float = 2.0
    missing: str = "name"
    wrong_type_field: str = "name"
    envelope: str | None = None  # wrap records as {envelope: record}
    renamed: dict[str, str] = field(default_factory=dict)  # our field → the name this service uses
    requests: list[str] = field(default_factory=list)
    base_url: str = ""

    def set_fault(self, fault: Fault, times: int | None = None) -> None:
        self.fault, self.fault_times = fault, times

    async def _answer(self, request: Request, table: dict[str, dict[str, Any]], key: str) -> Response:
        self.requests.append(request.url.path)
        if request.headers.get("authorization") not in ACCEPTED_CREDENTIALS:
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        fault = self.fault
        if self.fault_times is not None:
            if self.fault_times <= 0:
                fault = Fault.NONE
            self.fault_times -= 1
        if fault is Fault.SLOW:
            await asyncio.sleep(self.slow_seconds)
        if fault is Fault.SERVER_ERROR:
            return JSONResponse({"error": "maintenance"}, status_code=503)
        if fault is Fault.TOO_MANY:
            return JSONResponse({"error": "quota"}, status_code=429, headers={"Retry-After": "1"})
        if fault is Fault.NOT_JSON:
            return PlainTextResponse("<html>gateway error</html>", status_code=200)
        record = table.get(key)
        if fault is Fault.OTHER_SUBJECT:
            record = next(iter(value for other, value in table.items() if other != key), None)
        if record is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        body = dict(record)
        if fault is Fault.MISSING_FIELD:
            body.pop(self.missing, None)
        if fault is Fault.WRONG_TYPE:
            body[self.wrong_type_field] = 12345
        body = {self.renamed.get(name, name): value for name, value in body.items()}
        return JSONResponse({self.envelope: body} if self.envelope else body)

    def app(self) -> Starlette:
        async def identity(request: Request) -> Response:
            return await self._answer(request, self.identities, request.path_params["cnic"])

        async def vehicle(request: Request) -> Response:
            return await self._answer(request, self.vehicles, request.path_params["plate"])

        async def fir(request: Request) -> Response:
            key = f"{request.path_params['station'].lower()}/{request.path_params['fir']}"
            return await self._answer(request, self.firs, key)

        return Starlette(
            routes=[
                Route("/identity/{cnic}", identity),
                Route("/vehicles/{plate}", vehicle),
                Route("/firs/{station}/{fir}", fir),
            ]
        )


@contextmanager
def running(server: RegistryServer) -> Iterator[RegistryServer]:
    """Serve on 127.0.0.1 at a free port (the OS picks it) in a thread; stopped on exit."""
    config = uvicorn.Config(
        server.app(),
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    while not uvicorn_server.started:
        if not thread.is_alive():
            raise RuntimeError("the registry test server did not start")
        threading.Event().wait(0.01)
    port = uvicorn_server.servers[0].sockets[0].getsockname()[1]
    server.base_url = f"http://127.0.0.1:{port}"
    try:
        yield server
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)
