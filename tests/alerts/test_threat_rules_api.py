"""Saving a camera's threat rules: a rule that cannot work is a 422 naming the field; a good one is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import auth

AREA = [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]]
GOOD = {
    "abandoned_objects": [{"name": "concourse", "polygon": AREA, "unattended_seconds": 60, "radius": 0.08}],
    "no_stopping": [{"name": "embassy gate", "polygon": AREA, "dwell_seconds": 20}],
    "alarms": {"policies": [{"rules": ["embassy gate"], "max_alarms_per_hour": 6}]},
}
REFUSED: list[tuple[dict[str, Any], list[str]]] = [
    (
        {"abandoned_objects": [{"name": "c", "polygon": AREA, "radius": 0.1, "classes": ["bagpack"]}]},
        ["scene", "abandoned_objects", "0", "classes"],
    ),
    (
        {"removed_objects": [{"name": "r", "polygon": AREA, "radius": 0}]},
        ["scene", "removed_objects", "0", "radius"],
    ),
    (
        {"no_stopping": [{"name": "n", "polygon": AREA, "dwell_seconds": 0}]},
        ["scene", "no_stopping", "0", "dwell_seconds"],
    ),
]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """Validation happens before anything is stored: one database backend is enough here."""
    return f"sqlite:///{tmp_path / 'safecity.db'}"


def test_a_threat_rule_that_cannot_work_is_a_422_naming_the_field(client: TestClient) -> None:
    admin = auth(client, "admin")
    camera = {"id": "rz-1", "name": "Red Zone gate", "url": "rtsp://10.0.0.9/stream1"}
    assert client.post("/api/v1/cameras", json=camera, headers=admin).status_code == 201
    saved = client.patch("/api/v1/cameras/rz-1", json={"scene": GOOD}, headers=admin)
    assert saved.status_code == 200, saved.text

    for scene, field in REFUSED:
        refused = client.patch("/api/v1/cameras/rz-1", json={"scene": scene}, headers=admin)
        assert refused.status_code == 422, scene
        locations = [[str(part) for part in problem["loc"]] for problem in refused.json()["detail"]]
        assert any(location[-len(field) :] == field for location in locations), locations
    kept = client.get("/api/v1/cameras/rz-1", headers=admin).json()["scene"]
    assert kept["abandoned_objects"][0]["radius"] == 0.08
    assert kept["no_stopping"][0]["name"] == "embassy gate"
