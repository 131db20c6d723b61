"""City data for planning: people and vehicles per place and hour of the day, peak hours, crowd density and
traffic flow per junction, from the counts the cameras already publish (`rule.line_crossing` events, one
per object crossing a counting line, and zone visits, see `occupancy.py`).

A *place* is a camera (its position and district from the registry). Counts come in per UTC hour and are
laid out by the hour of the day and the date in the city's time zone. A *junction* is a camera whose
crossings in the period came over two or more (line, direction) movements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo

from safecity.dashboards.occupancy import HOUR_SECONDS
from safecity.dashboards.occupancy import HourOccupancy

PEOPLE_CLASSES = frozenset({"person"})
VEHICLE_CLASSES = frozenset({"bicycle", "car", "motorcycle", "bus", "truck"})
COUNTED_CLASSES = PEOPLE_CLASSES | VEHICLE_CLASSES


@dataclass(frozen=True, slots=True)
class Crossing:
    """Crossings of one movement (line, direction) by one class at one camera in one UTC hour."""

    hour: int  # whole hours since the epoch
    camera_id: str
    object_class: str
    line: str
    direction: str
    count: int


@dataclass(frozen=True, slots=True)
class CameraInfo:
    name: str | None
    latitude: float | None
    longitude: float | None
    district: str | None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


UNREGISTERED = CameraInfo(None, None, None, None)


@dataclass(slots=True)
class HourOfDay:
    hour: int
    people: int = 0
    vehicles: int = 0
    mean_occupancy: float = 0.0  # averaged over the period's days
    peak_occupancy: int = 0


@dataclass(slots=True)
class DayTotal:
    day: date
    people: int = 0
    vehicles: int = 0


@dataclass(slots=True)
class Place:
    camera_id: str
    camera: CameraInfo
    by_class: dict[str, int]
    hours: list[HourOfDay]
    days: list[DayTotal]

    @property
    def people(self) -> int:
        return sum(h.people for h in self.hours)

    @property
    def vehicles(self) -> int:
        return sum(h.vehicles for h in self.hours)

    @property
    def peak_hour(self) -> int | None:
        """The hour of the day with the most people and vehicles (earliest on a tie); None without counts."""
        best = max(self.hours, key=lambda h: (h.people + h.vehicles, -h.hour))
        return best.hour if best.people + best.vehicles else None

    @property
    def mean_occupancy(self) -> float:
        return round(sum(h.mean_occupancy for h in self.hours) / len(self.hours), 3)

    @property
    def peak_occupancy(self) -> int:
        return max(h.peak_occupancy for h in self.hours)


@dataclass(slots=True)
class Movement:
    line: str
    direction: str
    hours: list[int] = field(default_factory=lambda: [0] * 24)

    @property
    def total(self) -> int:
        return sum(self.hours)

    @property
    def peak_hour(self) -> int | None:
        top = max(self.hours)
        return self.hours.index(top) if top else None


@dataclass(slots=True)
class Junction:
    camera_id: str
    camera: CameraInfo
    movements: list[Movement]


class LocalHours:
    """UTC hours of the period [first_hour, last_hour) in the city's time zone: hour of the day and date."""

    def __init__(self, first_hour: int, last_hour: int, timezone: str) -> None:
        zone = ZoneInfo(timezone)
        self.first_hour, self.last_hour = first_hour, last_hour
        self._local = {
            hour: datetime.fromtimestamp(hour * HOUR_SECONDS, UTC).astimezone(zone)
            for hour in range(first_hour, last_hour)
        }
        self.dates = sorted({moment.date() for moment in self._local.values()})
        self.days = (last_hour - first_hour) / 24

    def hour_of_day(self, hour: int) -> int:
        return self._local[hour].hour

    def date(self, hour: int) -> date:
        return self._local[hour].date()


def places(
    crossings: Iterable[Crossing],
    occupancy: Mapping[str, Sequence[HourOccupancy]],
    cameras: Mapping[str, CameraInfo],
    local: LocalHours,
) -> list[Place]:
    """Every camera with crossings or zone visits in the period, by id; hours without counts are zeros."""
    found: dict[str, Place] = {}

    def place(camera_id: str) -> Place:
        if camera_id not in found:
            found[camera_id] = Place(
                camera_id,
                cameras.get(camera_id, UNREGISTERED),
                {},
                [HourOfDay(h) for h in range(24)],
                [DayTotal(d) for d in local.dates],
            )
        return found[camera_id]

    day_index = {d: i for i, d in enumerate(local.dates)}
    for crossing in crossings:
        kind = _kind(crossing.object_class)
        if kind is None:
            continue
        counted = place(crossing.camera_id)
        counted.by_class[crossing.object_class] = (
            counted.by_class.get(crossing.object_class, 0) + crossing.count
        )
        slot = counted.hours[local.hour_of_day(crossing.hour)]
        day = counted.days[day_index[local.date(crossing.hour)]]
        if kind == "people":
            slot.people += crossing.count
            day.people += crossing.count
        else:
            slot.vehicles += crossing.count
            day.vehicles += crossing.count
    for camera_id, hours in occupancy.items():
        if not any(h.peak for h in hours):
            continue
        _add_occupancy(place(camera_id), hours, local)
    return [found[camera_id] for camera_id in sorted(found)]


def junctions(
    crossings: Iterable[Crossing], cameras: Mapping[str, CameraInfo], local: LocalHours
) -> list[Junction]:
    """Cameras whose vehicles crossed over two or more movements, each movement's flow per hour of the day."""
    flows: dict[str, dict[tuple[str, str], Movement]] = defaultdict(dict)
    for crossing in crossings:
        if crossing.object_class not in VEHICLE_CLASSES:
            continue
        key = (crossing.line, crossing.direction)
        movement = flows[crossing.camera_id].setdefault(key, Movement(*key))
        movement.hours[local.hour_of_day(crossing.hour)] += crossing.count
    return [
        Junction(camera_id, cameras.get(camera_id, UNREGISTERED), [m for _, m in sorted(movements.items())])
        for camera_id, movements in sorted(flows.items())
        if len(movements) >= 2
    ]


def _kind(object_class: str) -> str | None:
    if object_class in PEOPLE_CLASSES:
        return "people"
    if object_class in VEHICLE_CLASSES:
        return "vehicles"
    return None


def _add_occupancy(place: Place, hours: Sequence[HourOccupancy], local: LocalHours) -> None:
    """Per hour of the day: the mean over the period's days of each hour's mean, and the highest peak."""
    sums: dict[int, float] = defaultdict(float)
    seen: dict[int, int] = defaultdict(int)
    for hour in hours:
        slot = place.hours[local.hour_of_day(hour.hour)]
        sums[slot.hour] += hour.mean
        seen[slot.hour] += 1
        slot.peak_occupancy = max(slot.peak_occupancy, hour.peak)
    for hour_of_day, total in sums.items():
        place.hours[hour_of_day].mean_occupancy = round(total / seen[hour_of_day], 3)
