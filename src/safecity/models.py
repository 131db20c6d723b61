"""Every table of every domain, imported in one place so migrations and tests see the whole schema."""

from safecity.alerts import models as alert_models
from safecity.anpr import models as anpr_models
from safecity.cameras import models as camera_models
from safecity.cameras import recording_index as recording_index_models
from safecity.cameras import wall_views as wall_view_models
from safecity.challan import models as challan_models
from safecity.cluster import models as cluster_models
from safecity.core.audit import models as audit_models
from safecity.core.auth import models as auth_models
from safecity.core.bus import tables as bus_tables
from safecity.core.db import Base
from safecity.crime import records as crime_models
from safecity.dispatch import models as dispatch_models
from safecity.events_search import models as event_index_models
from safecity.evidence import models as evidence_models
from safecity.faces import models as face_models
from safecity.faces.watchlist import models as person_watchlist_models
from safecity.panic import models as panic_models
from safecity.persons_search import models as persons_search_models
from safecity.poi import models as poi_models
from safecity.registries import models as registry_models
from safecity.reports import models as report_models
from safecity.watchlist.vehicles import models as vehicle_watchlist_models

metadata = Base.metadata

__all__ = [
    "alert_models",
    "anpr_models",
    "audit_models",
    "auth_models",
    "bus_tables",
    "camera_models",
    "challan_models",
    "cluster_models",
    "crime_models",
    "dispatch_models",
    "event_index_models",
    "evidence_models",
    "face_models",
    "metadata",
    "panic_models",
    "person_watchlist_models",
    "persons_search_models",
    "poi_models",
    "recording_index_models",
    "registry_models",
    "report_models",
    "vehicle_watchlist_models",
    "wall_view_models",
]
