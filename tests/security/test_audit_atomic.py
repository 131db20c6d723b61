"""Every audited change and its audit entry commit together: when the entry cannot be written, the change is
rolled back (a crash between them can no longer leave a case, hold or user change without its entry)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from safecity.core.audit import actors
from tests.api.conftest import auth

Change = Callable[[TestClient, dict[str, str]], object]


def _case(client: TestClient, headers: dict[str, str]) -> int:
    created = client.post(
        "/api/v1/evidence/cases", json={"reference": "C-1", "title": "Theft"}, headers=headers
    )
    return int(created.json()["id"])


HOLD = {"scope": "camera", "camera_id": "cam-1", "reason": "court order 12"}


def _hold(client: TestClient, headers: dict[str, str]) -> int:
    placed = client.post("/api/v1/holds", json=HOLD, headers=headers)
    assert placed.status_code == 201, placed.text
    return int(placed.json()["id"])


# (prepare, the change whose audit entry fails, how to see that it did not happen)
CASES: dict[str, tuple[Callable[..., object], Callable[..., object], Callable[..., object]]] = {
    "case update": (
        lambda c, h: _case(c, h),
        lambda c, h, case_id: c.patch(
            f"/api/v1/evidence/cases/{case_id}", json={"title": "Robbery"}, headers=h
        ),
        lambda c, h, case_id: (
            c.get(f"/api/v1/evidence/cases/{case_id}", headers=h).json()["title"] == "Theft"
        ),
    ),
    "hold placed": (
        lambda c, h: None,
        lambda c, h, _: c.post("/api/v1/holds", json=HOLD, headers=h),
        lambda c, h, _: c.get("/api/v1/holds", headers=h).json() == [],
    ),
    "hold released": (
        lambda c, h: _hold(c, h),
        lambda c, h, hold_id: c.post(
            f"/api/v1/holds/{hold_id}/release", json={"reason": "case closed"}, headers=h
        ),
        lambda c, h, hold_id: [x["id"] for x in c.get("/api/v1/holds", headers=h).json()] == [hold_id],
    ),
    "user created": (
        lambda c, h: None,
        lambda c, h, _: c.post(
            "/api/v1/users",
            json={"username": "sana", "password": "password-456", "role": "operator"},
            headers=h,
        ),
        lambda c, h, _: "sana" not in [u["username"] for u in c.get("/api/v1/users", headers=h).json()],
    ),
    "user updated": (
        lambda c, h: None,
        lambda c, h, _: c.patch("/api/v1/users/operator", json={"is_active": False}, headers=h),
        lambda c, h, _: next(
            u for u in c.get("/api/v1/users", headers=h).json() if u["username"] == "operator"
        )["is_active"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_change_is_rolled_back_when_its_audit_entry_fails(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    prepare, change, unchanged = CASES[name]
    headers = auth(client, "admin")
    prepared = prepare(client, headers)

    def refuse(*_: object, **__: object) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(actors, "append", refuse)
    failed = change(client, headers, prepared)
    monkeypatch.undo()
    assert getattr(failed, "status_code", None) == 500
    assert unchanged(client, headers, prepared)
