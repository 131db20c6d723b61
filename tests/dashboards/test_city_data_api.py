"""City data for planning over HTTP, on SQLite and PostgreSQL: line crossings and zone visits seeded in the
event index give known counts per place and hour of the day (local time, Asia/Karachi = UTC+5), peak hours,
occupancy and junction flows; a camera without a position is listed as such; the CSV and GeoJSON exports
say what the JSON says; a bad period or class is a 422 naming the parameter."""

from __future__ import annotations

import csv
import io
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from safecity.cameras.models import Camera
from safecity.core.bus import Event
from safecity.core.http.services import Services
from safecity.events_search.index import EventIndex
from tests.api.conftest import auth_once as auth

# One local day in Lahore: 2026-03-02 00:00 to 24:00 at UTC+5.
SINCE = datetime(2026, 3, 1, 19, 0, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=1)
PERIOD = {"since": SINCE.isoformat(), "until": UNTIL.isoformat()}


def at_local(hour: int, minute: int = 0) -> datetime:
    """A moment on the seeded local day (hour of the day in Lahore)."""
    return SINCE + timedelta(hours=hour, minutes=minute)


def crossing(
    camera: str, when: datetime, object_class: str, line: str = "gate", direction: str = "in"
) -> Event:
    payload = {
        "rule": line,
        "object_class": object_class,
        "line": line,
        "direction": direction,
        "track_id": 1,
    }
    return Event(type="rule.line_crossing", time=when, camera_id=camera, source="worker:w1", payload=payload)


def zone_exit(camera: str, when: datetime, dwell_seconds: float) -> Event:
    payload = {"rule": "square", "zone": "square", "object_class": "person", "dwell_seconds": dwell_seconds}
    return Event(type="rule.zone_exit", time=when, camera_id=camera, source="worker:w1", payload=payload)


@pytest.fixture
def seeded(client: TestClient) -> TestClient:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    with services.database.session() as session:
        session.add_all(
            [
                Camera(
                    id="cam-a",
                    name="Liberty Chowk",
                    latitude=31.51,
                    longitude=74.34,
                    district="Gulberg",
                    url="x",
                ),
                Camera(id="cam-b", name="No position", district="Gulberg", url="x"),
                Camera(
                    id="cam-j",
                    name="Kalma Chowk",
                    latitude=31.50,
                    longitude=74.33,
                    district="Model Town",
                    url="x",
                ),
            ]
        )
    events = [
        # cam-a: 4 people at 08:xx, 1 person and 2 cars at 17:xx; nothing at 09:00 or any other hour.
        *(crossing("cam-a", at_local(8, 5 * i), "person") for i in range(4)),
        crossing("cam-a", at_local(17, 30), "person"),
        crossing("cam-a", at_local(17, 31), "car"),
        crossing("cam-a", at_local(17, 32), "car"),
        crossing("cam-a", at_local(17, 33), "dog"),  # not a counted class
        crossing("cam-a", SINCE - timedelta(minutes=1), "person"),  # before the period
        crossing("cam-a", UNTIL, "person"),  # the period's end is exclusive
        # cam-a's square: 08:00–08:30 and 08:15–09:15 → 08:00 mean 1.25 peak 2; 09:00 mean 0.25 peak 1.
        zone_exit("cam-a", at_local(8, 30), 1800),
        zone_exit("cam-a", at_local(9, 15), 3600),
        Event(type="rule.zone_enter", time=at_local(8), camera_id="cam-a", payload={"zone": "square"}),
        # cam-b has no position: one car at 12:00.
        crossing("cam-b", at_local(12), "car"),
        # cam-j, a junction: two movements at 10:00, a pedestrian crossing that is not traffic.
        crossing("cam-j", at_local(10, 1), "car", line="north", direction="in"),
        crossing("cam-j", at_local(10, 2), "bus", line="north", direction="in"),
        crossing("cam-j", at_local(10, 3), "truck", line="east", direction="out"),
        crossing("cam-j", at_local(11, 0), "person", line="east", direction="in"),
    ]
    EventIndex(services.database).store(events)
    return client


def get(client: TestClient, path: str, **params: str) -> Any:
    response = client.get(
        f"/api/v1/dashboards/city/{path}", params={**PERIOD, **params}, headers=auth(client, "supervisor")
    )
    assert response.status_code == 200, response.text
    return response


def places_by_id(client: TestClient, **params: str) -> dict[str, Any]:
    return {place["camera_id"]: place for place in get(client, "places", **params).json()["places"]}


def test_people_and_vehicles_are_counted_per_local_hour_with_empty_hours_as_zeros(seeded: TestClient) -> None:
    body = get(seeded, "places").json()
    assert (body["timezone"], body["days"]) == ("Asia/Karachi", 1.0)
    place = {p["camera_id"]: p for p in body["places"]}["cam-a"]
    assert (place["name"], place["district"], place["located"]) == ("Liberty Chowk", "Gulberg", True)
    assert (place["people"], place["vehicles"]) == (5, 2)
    assert place["by_class"] == {"car": 2, "person": 5}
    hours = {h["hour"]: h for h in place["hours"]}
    assert len(hours) == 24
    assert (hours[8]["people"], hours[8]["vehicles"]) == (4, 0)
    assert (hours[17]["people"], hours[17]["vehicles"]) == (1, 2)
    assert (hours[9]["people"], hours[9]["vehicles"]) == (0, 0)
    assert place["peak_hour"] == 8
    assert place["days"] == [{"date": "2026-03-02", "people": 5, "vehicles": 2}]


def test_crowd_density_is_the_mean_and_peak_number_inside_the_zones_per_hour(seeded: TestClient) -> None:
    place = places_by_id(seeded)["cam-a"]
    hours = {h["hour"]: h for h in place["hours"]}
    assert (hours[8]["mean_occupancy"], hours[8]["peak_occupancy"]) == (1.25, 2)
    assert (hours[9]["mean_occupancy"], hours[9]["peak_occupancy"]) == (0.25, 1)
    assert (hours[10]["mean_occupancy"], hours[10]["peak_occupancy"]) == (0.0, 0)
    assert place["peak_occupancy"] == 2
    assert place["mean_occupancy"] == round(1.5 / 24, 3)


def test_a_camera_without_a_position_is_listed_and_reported_not_dropped(seeded: TestClient) -> None:
    body = get(seeded, "places").json()
    assert body["unlocated"] == ["cam-b"]
    unplaced = {p["camera_id"]: p for p in body["places"]}["cam-b"]
    assert (unplaced["located"], unplaced["latitude"], unplaced["vehicles"], unplaced["peak_hour"]) == (
        False,
        None,
        1,
        12,
    )


def test_filters_by_district_and_object_class(seeded: TestClient) -> None:
    assert sorted(places_by_id(seeded, district="Gulberg")) == ["cam-a", "cam-b"]
    cars = places_by_id(seeded, object_class="car")
    assert (cars["cam-a"]["people"], cars["cam-a"]["vehicles"], cars["cam-a"]["peak_hour"]) == (0, 2, 17)


def test_a_junction_is_a_camera_counting_vehicles_over_two_movements(seeded: TestClient) -> None:
    body = get(seeded, "junctions").json()
    assert [j["camera_id"] for j in body["junctions"]] == ["cam-j"]
    movements = {(m["line"], m["direction"]): m for m in body["junctions"][0]["movements"]}
    assert set(movements) == {("east", "out"), ("north", "in")}
    assert (movements["north", "in"]["total"], movements["north", "in"]["peak_hour"]) == (2, 10)
    assert movements["north", "in"]["hours"][10] == 2
    assert sum(movements["north", "in"]["hours"]) == 2
    assert movements["east", "out"]["hours"][10] == 1


def test_the_csv_export_has_a_row_per_place_and_hour_matching_the_json(seeded: TestClient) -> None:
    response = get(seeded, "places.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    places = places_by_id(seeded)
    assert len(rows) == 24 * len(places)
    for row in rows:
        hour = places[row["camera_id"]]["hours"][int(row["hour"])]
        assert (int(row["people"]), int(row["vehicles"])) == (hour["people"], hour["vehicles"])
        assert float(row["mean_occupancy"]) == hour["mean_occupancy"]
    unplaced = next(row for row in rows if row["camera_id"] == "cam-b")
    assert (unplaced["latitude"], unplaced["longitude"]) == ("", "")
    junction_rows = list(csv.DictReader(io.StringIO(get(seeded, "junctions.csv").text)))
    assert len(junction_rows) == 2 * 24
    assert {(r["line"], r["direction"], r["vehicles"]) for r in junction_rows if r["hour"] == "10"} == {
        ("north", "in", "2"),
        ("east", "out", "1"),
    }


def test_the_geojson_export_is_a_point_per_located_place_with_its_aggregates(seeded: TestClient) -> None:
    response = get(seeded, "places.geojson")
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert collection["unlocated"] == ["cam-b"]
    features = {f["id"]: f for f in collection["features"]}
    assert sorted(features) == ["cam-a", "cam-j"]
    liberty = features["cam-a"]
    assert liberty["geometry"] == {"type": "Point", "coordinates": [74.34, 31.51]}
    properties = liberty["properties"]
    assert (properties["people"], properties["vehicles"], properties["peak_hour"]) == (5, 2, 8)
    assert properties["people_by_hour"][8] == 4
    assert properties["mean_occupancy_by_hour"][8] == 1.25


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "2026-03-01T19:00:00"}, "since"),
        ({"since": UNTIL.isoformat(), "until": SINCE.isoformat()}, "since"),
        ({"since": (UNTIL - timedelta(days=40)).isoformat()}, "since"),
        ({"object_class": "dragon"}, "object_class"),
    ],
)
def test_a_bad_period_or_class_is_a_422_naming_the_parameter(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    response = client.get(
        "/api/v1/dashboards/city/places", params={**PERIOD, **params}, headers=auth(client, "supervisor")
    )
    assert response.status_code == 422, response.text
    assert ["query", field] == response.json()["detail"][0]["loc"][:2]


def test_city_data_needs_the_events_read_permission(client: TestClient) -> None:
    assert client.get("/api/v1/dashboards/city/places").status_code == 401
