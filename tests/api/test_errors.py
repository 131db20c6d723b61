"""Bad input is a 422 naming the field, never a 500; an unexpected error is a JSON 500 with a request id and
one short log record without values, headers or tokens."""

from __future__ import annotations

import logging

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

from tests.api.conftest import auth

TOO_BIG = "99999999999999999999"  # beyond the signed 64-bit range of the database's integer columns


BEYOND_64_BITS = [
    ("GET", f"/api/v1/incidents/{TOO_BIG}", ["path", "incident_id"]),
    ("GET", f"/api/v1/evidence/items/{TOO_BIG}/custody", ["path", "item_id"]),
    ("GET", f"/api/v1/audit?before_seq={TOO_BIG}", ["query", "before_seq"]),
    ("GET", f"/api/v1/audit?before_seq=-{TOO_BIG}", ["query", "before_seq"]),
    ("POST", f"/api/v1/holds/{TOO_BIG}/release", ["path", "hold_id"]),
]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_integers_beyond_64_bits_are_422_naming_the_parameter_as_the_document_says(
    client: TestClient,
) -> None:
    headers = auth(client, "admin")
    for method, url, location in BEYOND_64_BITS:
        response = client.request(method, url, headers=headers, json={"reason": "x"})
        assert response.status_code == 422, (url, response.text)
        (problem,) = response.json()["detail"]
        assert problem["loc"] == location
        assert "integer from -9223372036854775808 to 9223372036854775807" in problem["msg"]
    document = client.get("/openapi.json").json()  # redirected to /api/openapi.json
    (parameter,) = document["paths"]["/api/v1/incidents/{incident_id}"]["get"]["parameters"]
    assert (parameter["schema"]["minimum"], parameter["schema"]["maximum"]) == (-(2**63), 2**63 - 1)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_number_is_not_a_date(client: TestClient) -> None:
    headers = auth(client, "admin")
    query = client.get("/api/v1/audit", params={"since": "1700000000"}, headers=headers)
    assert query.status_code == 422
    assert query.json()["detail"][0]["loc"] == ["query", "since"]
    body = client.post(
        "/api/v1/holds",
        json={"scope": "camera", "camera_id": "cam-1", "reason": "court order", "start": 1700000000},
        headers=headers,
    )
    assert body.status_code == 422
    assert body.json()["detail"][0]["loc"] == ["body", "start"]
    assert "not a number" in body.json()["detail"][0]["msg"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_null_name_for_a_watchlist_subject_is_422(client: TestClient) -> None:
    headers = auth(client, "admin")
    created = client.post(
        "/api/v1/watchlists/persons",
        json={"name": "A. Person", "category": "wanted", "legal_authority": "warrant 1/2026", "reason": "x"},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    subject = created.json()["id"]
    refused = client.patch(f"/api/v1/watchlists/persons/{subject}", json={"name": None}, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "name"]
    kept = client.patch(f"/api/v1/watchlists/persons/{subject}", json={"expires_at": None}, headers=headers)
    assert kept.status_code == 200, kept.text
    assert kept.json()["name"] == "A. Person"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_422_raised_as_a_sentence_still_has_the_list_shape(client: TestClient) -> None:
    response = client.get("/api/v1/public/challan/lookup", params={"plate": "--", "cnic": "35202-1234567-1"})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "plate"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_unexpected_error_is_a_json_500_with_a_request_id_and_a_short_secret_free_log(
    client: TestClient, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(request: Request) -> None:
        password = "hunter2-local-secret"  # a local variable a full traceback would print
        raise RuntimeError(f"the disk is full\n{password}")

    client.app.add_api_route("/api/v1/test-broken", broken)  # type: ignore[attr-defined]
    token = "Bearer eyJhbGciOiJIUzI1NiJ9.secret-token"
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/v1/test-broken?token=query-secret", headers={"Authorization": token})
    assert response.status_code == 500
    body = response.json()
    assert body["detail"] == "internal server error"
    assert response.headers["x-request-id"] == body["request_id"]
    records = [f"{record.getMessage()} {record.__dict__}" for record in caplog.records]
    printed = [line for line in capsys.readouterr().out.splitlines() if "unexpected error" in line]
    logged = "\n".join(records + printed)  # structlog prints, or hands to logging once configured
    assert body["request_id"] in logged
    assert "RuntimeError" in logged
    assert "the disk is full" in logged
    for secret in ("hunter2-local-secret", "secret-token", "query-secret", "Authorization"):
        assert secret not in logged
    assert len(logged) < 4000
