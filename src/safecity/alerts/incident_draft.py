"""What an incident opened from an alert starts with: the alert's place (its camera's when the alert has
none), camera, time and a description an operator or a unit can read without opening the alert."""

from __future__ import annotations

from safecity.alerts.camera_places import CameraPlace
from safecity.alerts.models import Alert
from safecity.dispatch import opening


def incident_from(
    alert: Alert,
    place: CameraPlace | None,
    *,
    type: str,
    title: str = "",
    description: str = "",
    priority: int | None = None,
    area: str | None = None,
    address: str = "",
) -> opening.IncidentInput:
    latitude, longitude = alert.latitude, alert.longitude
    if (latitude is None or longitude is None) and place is not None:
        latitude, longitude = place.latitude, place.longitude
    return opening.IncidentInput(
        type=type,
        title=title or alert.title,
        description=description.strip() or describe(alert, place),
        origin="alert",
        priority=priority,
        latitude=latitude,
        longitude=longitude,
        address=address or (place.name if place is not None else ""),
        area=area,
        received_at=alert.first_seen,
    )


def describe(alert: Alert, place: CameraPlace | None) -> str:
    where = place.label if place is not None else alert.camera_id or "no camera"
    seen = alert.first_seen.strftime("%Y-%m-%d %H:%M:%S UTC")
    repeats = f", seen {alert.count} times until {alert.last_seen:%H:%M:%S}" if alert.count > 1 else ""
    origin = f"From alert {alert.id} ({alert.severity})."
    return f"{alert.title}. Camera {where}, first seen {seen}{repeats}. {origin}"


def links_of(alert: Alert) -> list[opening.LinkInput]:
    links = [opening.LinkInput("alert", str(alert.id))]
    if alert.camera_id:
        links.append(opening.LinkInput("camera", alert.camera_id))
    return links
