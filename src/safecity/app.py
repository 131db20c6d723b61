"""Assembles the FastAPI application: services, routers, middleware, the console and bus consumers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from safecity import __version__
from safecity.alerts.api import router as alerts_router
from safecity.alerts.runtime import escalation_job
from safecity.alerts.runtime import start_alerts
from safecity.anpr.api import router as plates_router
from safecity.anpr.consumer import start_consumers as start_anpr_consumers
from safecity.cameras.api import router as cameras_router
from safecity.cameras.live_frames import LiveFramesRuntime
from safecity.cameras.live_frames_setup import open_live_frames
from safecity.cameras.map_api import router as map_router
from safecity.cameras.recordings_api import router as recordings_router
from safecity.cameras.startup import start_camera_services
from safecity.cameras.wall_api import router as wall_router
from safecity.challan.api import router as challan_router
from safecity.challan.consumer import clip_jobs
from safecity.challan.consumer import start_challan
from safecity.challan.public_api import routers as challan_public_routers
from safecity.challan.runtime import build_node_runtime
from safecity.cluster.api import router as cluster_router
from safecity.cluster.fencing import LeaseFence
from safecity.cluster.monitor import worker_monitor_job
from safecity.config import Settings
from safecity.core.audit.access_review_api import router as access_review_router
from safecity.core.audit.api import router as audit_router
from safecity.core.auth.api import router as auth_router
from safecity.core.auth.session_api import router as auth_session_router
from safecity.core.bus import BusNames
from safecity.core.bus import EventBus
from safecity.core.bus import create_bus
from safecity.core.bus.fencing import FencedBus
from safecity.core.db import Database
from safecity.core.http.console_api import router as console_router
from safecity.core.http.console_files import serve_console
from safecity.core.http.documented_errors import install_common_errors
from safecity.core.http.error_handler import install_error_handlers
from safecity.core.http.health_api import router as health_router
from safecity.core.http.limits import BodySizeLimitMiddleware
from safecity.core.http.live_api import router as live_router
from safecity.core.http.media_access import MediaRules
from safecity.core.http.media_api import router as media_router
from safecity.core.http.metrics import MetricsMiddleware
from safecity.core.http.metrics_api import router as metrics_router
from safecity.core.http.parameter_types import install_parameter_checks
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob
from safecity.core.leadership import SingletonJobs
from safecity.core.logs import get_logger
from safecity.crime.api import router as crime_router
from safecity.dashboards.api import router as dashboards_router
from safecity.dispatch.api_calls import router as calls_router
from safecity.dispatch.api_incidents import router as incidents_router
from safecity.dispatch.api_units import router as units_router
from safecity.dispatch.context import DispatchRuntime
from safecity.events_search.api import router as events_search_router
from safecity.events_search.index import start_event_index
from safecity.events_search.partitions import partition_jobs
from safecity.evidence.api import routers as evidence_routers
from safecity.evidence.checkpoint_job import checkpoint_jobs
from safecity.evidence.media_rule import EVIDENCE_MEDIA
from safecity.evidence.sweep_job import retention_jobs
from safecity.faces.api import router as faces_router
from safecity.faces.media_rule import FACE_SIGHTING_MEDIA
from safecity.faces.media_rule import WATCHLIST_IMAGE_MEDIA
from safecity.faces.runtime import start_faces
from safecity.faces.watchlist.api import router as persons_router
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.panic.api import router as panic_router
from safecity.panic.runtime import PanicRuntime
from safecity.persons_search.api import router as persons_search_router
from safecity.persons_search.media_rule import PERSON_MEDIA
from safecity.persons_search.runtime import PersonProbe
from safecity.persons_search.runtime import start_persons_search
from safecity.poi.api import router as poi_router
from safecity.poi.matching import start_matching as start_poi_matching
from safecity.poi.quality_api import router as poi_quality_router
from safecity.poi.review import review_jobs
from safecity.poi.runtime import PersonsRuntime
from safecity.registries.api import router as registries_router
from safecity.registries.runtime import RegistriesRuntime
from safecity.reports.api import router as reports_router
from safecity.reports.open311 import Open311Runtime
from safecity.reports.open311 import router as open311_router
from safecity.retention import RETENTION_PLAN
from safecity.watchlist.vehicles.api import router as hotlists_router
from safecity.watchlist.vehicles.consumer import start_consumer as start_hotlist_consumer

log = get_logger(__name__)
DEFAULT_WEB_DIR = Path(__file__).resolve().parents[2] / "web" / "dist"

API_DESCRIPTION = """
safecity's HTTP API. Log in with `POST /api/v1/auth/login` and send the token as `Authorization: Bearer ...`.
Every route declares the permission it needs; roles and permissions are listed in `docs/architecture.md`.
Reads of personal data (plate and face searches, trajectories, evidence) require a `purpose` and are audited.
Live events stream over the WebSocket `/api/v1/live?ticket=...` (a media ticket from
`POST /api/v1/auth/media-ticket`).
"""


def create_app(settings: Settings, *, bus: EventBus | None = None, web_dir: Path | None = None) -> FastAPI:
    database = Database(settings.resolved_database_url)
    event_bus = FencedBus(
        bus
        or create_bus(
            settings.bus.kind,
            database,
            nats_url=settings.bus.nats_url,
            names=BusNames(settings.bus.prefix),
            start_timeout=settings.bus.start_timeout_seconds,
        ),
        LeaseFence(database),
    )
    services = Services.build(settings, database, event_bus)
    add_domain_runtimes(services)
    if settings.api_nodes.redis_url and not settings.auth.jwt_secret:
        log.warning(
            "several API nodes (api_nodes.redis_url) but no auth.jwt_secret: this node signs tokens with "
            "the key in its own data directory, which other nodes reject unless they share that directory"
        )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await services.bus.start()
        await start_camera_services(settings, services.database, services.bus)
        live_frames = services.runtimes.get(LiveFramesRuntime).frames
        await live_frames.start()
        await start_anpr_consumers(services)
        await start_hotlist_consumer(services.database, services.bus)
        await start_challan(services)
        alerts_runtime = await start_alerts(services)
        await start_faces(services)
        await start_persons_search(services)
        await start_poi_matching(services.database, services.bus)
        await start_event_index(services.database, services.bus)
        singleton_jobs = SingletonJobs(
            services.database,
            cluster_singleton_jobs(services),
            retry_seconds=settings.api_nodes.leader_retry_seconds,
        )
        await singleton_jobs.start()
        log.info("api started", database=services.database.dialect, bus=settings.bus.kind)
        try:
            yield
        finally:
            await singleton_jobs.stop()
            await alerts_runtime.stop()
            await live_frames.close()
            await services.bus.close()
            services.database.dispose()

    app = FastAPI(
        title="safecity",
        version=__version__,
        description=API_DESCRIPTION,
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.services = services
    app.add_api_route("/openapi.json", _openapi_redirect, include_in_schema=False)
    install_error_handlers(app)
    install_parameter_checks(app)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=int(settings.http.max_upload_mb * 1024 * 1024))
    app.add_middleware(MetricsMiddleware)
    if settings.http.trusted_proxies:  # X-Forwarded-For from these only (uvicorn's own trust is off)
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.http.trusted_proxies)
    for router in (
        health_router,
        metrics_router,
        auth_router,
        auth_session_router,
        audit_router,
        media_router,
        live_router,
        cameras_router,
        map_router,
        recordings_router,
        wall_router,
        plates_router,
        hotlists_router,
        persons_router,
        faces_router,
        persons_search_router,
        poi_quality_router,
        poi_router,
        access_review_router,
        *evidence_routers,
        alerts_router,
        incidents_router,
        units_router,
        calls_router,
        panic_router,
        dashboards_router,
        reports_router,
        open311_router,
        challan_router,
        *challan_public_routers,
        registries_router,
        events_search_router,
        cluster_router,
        crime_router,
        console_router,
    ):
        app.include_router(router)
    install_common_errors(app)
    serve_console(app, web_dir or settings.http.console_dir or DEFAULT_WEB_DIR)
    return app


def add_domain_runtimes(services: Services) -> None:
    """Each domain's long-lived objects, built before the routes can run (tests may replace them)."""
    settings = services.settings
    registries = RegistriesRuntime.build(settings.registries, settings.api_nodes, services.clock)
    services.runtimes.add(
        DispatchRuntime.build(settings.dispatch),
        PanicRuntime.build(settings.dispatch, settings.api_nodes),
        build_node_runtime(settings, services.media, registries.vehicles.stale_tolerant()),
        registries,
        FaceWatchlist(services.database, services.media),
        PersonProbe(settings.models_dir),
        PersonsRuntime.build(settings),
        Open311Runtime.build(settings.reports, settings.api_nodes),
        LiveFramesRuntime(open_live_frames(settings)),
        RETENTION_PLAN,
        # who may read a stored file, by what it belongs to: strictest first (purpose-bound before not)
        MediaRules((EVIDENCE_MEDIA, FACE_SIGHTING_MEDIA, PERSON_MEDIA, WATCHLIST_IMAGE_MEDIA)),
    )


def cluster_singleton_jobs(services: Services) -> list[SingletonJob]:
    """The periodic work one API node of the cluster runs for all (the others stand by to take over)."""
    return [
        escalation_job(services),
        *clip_jobs(services),
        worker_monitor_job(services),
        *partition_jobs(services.database),
        *retention_jobs(services, RETENTION_PLAN),
        *checkpoint_jobs(services),
        *review_jobs(services),
    ]


def _openapi_redirect() -> RedirectResponse:
    """The usual FastAPI place of the document, for tools that look there."""
    return RedirectResponse("/api/openapi.json")
