"""Roles and permissions, declared in one place.

Every route names the permission it needs (`Depends(require(Permission.X))`); this table says which roles
hold it. Changing who may do what is a one-line change here.
"""

from __future__ import annotations

from enum import StrEnum

from safecity.core.bus.events import topic_matches


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    OPERATOR = "operator"
    INVESTIGATOR = "investigator"
    TRAFFIC_OFFICER = "traffic_officer"
    AUDITOR = "auditor"


class Permission(StrEnum):
    USERS_MANAGE = "users.manage"
    AUDIT_READ = "audit.read"
    SYSTEM_MANAGE = "system.manage"
    CAMERAS_READ = "cameras.read"
    CAMERAS_MANAGE = "cameras.manage"
    EVENTS_READ = "events.read"
    ALERTS_ACT = "alerts.act"
    INCIDENTS_MANAGE = "incidents.manage"
    DISPATCH_MANAGE = "dispatch.manage"
    PLATES_SEARCH = "plates.search"
    FACES_SEARCH = "faces.search"
    FACES_CONFIRM = "faces.confirm"
    WATCHLISTS_MANAGE = "watchlists.manage"
    CHALLAN_READ = "challan.read"
    CHALLAN_VALIDATE = "challan.validate"
    EVIDENCE_READ = "evidence.read"
    EVIDENCE_MANAGE = "evidence.manage"
    EVIDENCE_EXPORT = "evidence.export"
    RETENTION_MANAGE = "retention.manage"
    REPORTS_MODERATE = "reports.moderate"
    MEDIA_UPLOAD = "media.upload"
    CALLS_TAKE = "calls.take"
    PERSONS_READ = "persons.read"
    PERSONS_MANAGE = "persons.manage"
    PERSONS_REVEAL_IDENTITY = "persons.reveal_identity"
    PERSONS_RENEW = "persons.renew"
    REGISTRIES_LOOKUP = "registries.lookup"  # national identity, vehicle and FIR systems (purpose-bound)


_P = Permission
_CONTROL_ROOM = {
    _P.CAMERAS_READ,
    _P.EVENTS_READ,
    _P.ALERTS_ACT,
    _P.INCIDENTS_MANAGE,
    _P.DISPATCH_MANAGE,
    _P.CALLS_TAKE,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission) - {_P.AUDIT_READ},
    Role.SUPERVISOR: frozenset(
        _CONTROL_ROOM
        | {
            _P.CAMERAS_MANAGE,
            _P.PLATES_SEARCH,
            _P.FACES_SEARCH,
            _P.FACES_CONFIRM,
            _P.WATCHLISTS_MANAGE,
            _P.CHALLAN_READ,
            _P.EVIDENCE_READ,
            _P.EVIDENCE_MANAGE,
            _P.REPORTS_MODERATE,
            _P.MEDIA_UPLOAD,
            _P.REGISTRIES_LOOKUP,
            _P.PERSONS_READ,
            _P.PERSONS_MANAGE,
            _P.PERSONS_REVEAL_IDENTITY,
            _P.PERSONS_RENEW,
        }
    ),
    Role.OPERATOR: frozenset(
        _CONTROL_ROOM | {_P.FACES_CONFIRM, _P.REPORTS_MODERATE, _P.MEDIA_UPLOAD, _P.PERSONS_READ}
    ),
    Role.INVESTIGATOR: frozenset(
        {
            _P.CAMERAS_READ,
            _P.EVENTS_READ,
            _P.PLATES_SEARCH,
            _P.FACES_SEARCH,
            _P.EVIDENCE_READ,
            _P.EVIDENCE_MANAGE,
            _P.EVIDENCE_EXPORT,
            _P.MEDIA_UPLOAD,
            _P.REGISTRIES_LOOKUP,
            _P.PERSONS_READ,
            _P.PERSONS_MANAGE,
            _P.PERSONS_REVEAL_IDENTITY,
        }
    ),
    Role.TRAFFIC_OFFICER: frozenset(
        {_P.CAMERAS_READ, _P.EVENTS_READ, _P.CHALLAN_READ, _P.CHALLAN_VALIDATE, _P.PLATES_SEARCH}
    ),
    # The auditor reads the audit log and nothing operational: separation of duties.
    Role.AUDITOR: frozenset({_P.AUDIT_READ}),
}

# Which live events a role may receive on the WebSocket: the first matching topic pattern decides.
EVENT_VISIBILITY: tuple[tuple[str, Permission], ...] = (
    ("face.>", _P.FACES_SEARCH),
    ("reid.>", _P.FACES_SEARCH),
    ("plate.>", _P.PLATES_SEARCH),
    ("challan.>", _P.CHALLAN_READ),
    ("evidence.>", _P.EVIDENCE_READ),
    ("poi.>", _P.PERSONS_READ),
    ("audit.>", _P.AUDIT_READ),
    (">", _P.EVENTS_READ),
)


def permission_for_event(event_type: str) -> Permission:
    """The permission needed to receive or find an event of this type (the first matching pattern)."""
    for pattern, permission in EVENT_VISIBILITY:
        if topic_matches(pattern, event_type):
            return permission
    return Permission.EVENTS_READ


def has_permission(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(Role(role), frozenset())


def permissions_of(role: Role | str) -> list[str]:
    return sorted(p.value for p in ROLE_PERMISSIONS.get(Role(role), frozenset()))
