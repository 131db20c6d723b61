"""/metrics is for Prometheus (its scrape token) and administrators, not for anyone who can reach the port."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import Settings
from tests.api.conftest import auth

SCRAPE_TOKEN = "prometheus-scrape-token-1"


def test_metrics_need_a_token(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers=auth(client, "operator")).status_code == 403
    shown = client.get("/metrics", headers=auth(client, "admin"))
    assert shown.status_code == 200
    assert "safecity_http_requests_total" in shown.text


@pytest.fixture
def scraped(settings: Settings, client: TestClient) -> TestClient:
    http = settings.http.model_copy(update={"metrics_token": SCRAPE_TOKEN})
    return TestClient(create_app(settings.model_copy(update={"http": http})))


def test_the_scrape_token_reads_the_metrics(scraped: TestClient) -> None:
    assert scraped.get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"}).status_code == 200
    assert (
        scraped.get("/metrics", headers={"Authorization": "Bearer prometheus-scrape-token-2"}).status_code
        == 401
    )
