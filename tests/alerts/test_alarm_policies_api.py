"""Saving a camera's alarm policies: a policy that could never work is refused with the field named."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import auth

LINE = {"name": "gate", "start": [0.1, 0.5], "end": [0.9, 0.5]}


def _scene(policy: dict[str, Any]) -> dict[str, Any]:
    return {"lines": [LINE], "alarms": {"timezone": "Asia/Karachi", "policies": [policy]}}


REFUSED: list[tuple[dict[str, Any], str]] = [
    ({"rules": ["gate"], "classes": ["persn"]}, "classes"),
    ({"rules": ["gate"], "schedule": [{"start": "06:00", "end": "06:00"}]}, "schedule"),
    ({"rules": ["gate"], "max_alarms_per_hour": 0}, "max_alarms_per_hour"),
]


def test_a_policy_that_cannot_work_is_a_422_naming_the_field(client: TestClient) -> None:
    admin = auth(client, "admin")
    camera = {"id": "gate-1", "name": "Gate", "url": "rtsp://10.0.0.5/stream1"}
    assert client.post("/api/v1/cameras", json=camera, headers=admin).status_code == 201
    good = {"rules": ["gate"], "schedule": [{"start": "22:00", "end": "06:00"}], "max_alarms_per_hour": 4}
    saved = client.patch("/api/v1/cameras/gate-1", json={"scene": _scene(good)}, headers=admin)
    assert saved.status_code == 200, saved.text

    for policy, field in REFUSED:
        refused = client.patch("/api/v1/cameras/gate-1", json={"scene": _scene(policy)}, headers=admin)
        assert refused.status_code == 422, policy
        assert any(field in [str(part) for part in problem["loc"]] for problem in refused.json()["detail"])
    kept = client.get("/api/v1/cameras/gate-1", headers=admin).json()
    assert kept["scene"]["alarms"]["policies"][0]["max_alarms_per_hour"] == 4
