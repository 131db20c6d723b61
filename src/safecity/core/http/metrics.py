"""Prometheus metrics for HTTP requests; served at /metrics."""

from __future__ import annotations

import time

from prometheus_client import Counter
from prometheus_client import Histogram
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from safecity.core.http.middleware import HttpMiddleware
from safecity.core.http.middleware import ResponseWatch

REQUESTS = Counter("safecity_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("safecity_http_request_seconds", "HTTP request latency", ["method", "route"])


class MetricsMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch.send)
        finally:
            status_code = 500 if watch.status is None else watch.status
            route = scope.get("route")
            # The route template, not the raw path, keeps label cardinality bounded.
            template = getattr(route, "path", "unmatched")
            method = str(scope.get("method", ""))
            REQUESTS.labels(method, template, str(status_code)).inc()
            LATENCY.labels(method, template).observe(time.perf_counter() - started)
