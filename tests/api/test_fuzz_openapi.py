"""The server keeps the promises of its OpenAPI document: schemathesis generates requests for every operation
(as an admin and without a token) and none may answer a 5xx, a status code the document does not list, or a
body that does not match the documented schema. Streaming endpoints are left out (they never end)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import reject
from hypothesis import settings as hypothesis_settings
from schemathesis import checks
from schemathesis.core.failures import Failure
from schemathesis.core.failures import FailureGroup

from safecity.config import Settings
from safecity.config import load_settings
from tests.api.conftest import auth
from tests.conftest import FUZZ_SUMMARY

# schemathesis sends cookies and raw bodies per request through Starlette's test client: a warning each time.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Setting per-request cookies:DeprecationWarning", "ignore:Use 'content=:DeprecationWarning"
)

# Bounded so the run stays well under a minute: a caller without a token meets the same 401 everywhere.
EXAMPLES_AS_ADMIN = 5
EXAMPLES_WITHOUT_TOKEN = 2
STREAMING = ("/mjpeg", "/live", "/stream", "/hls", "/playlist")
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@dataclass
class Tally:
    requests: int = 0
    server_errors: int = 0
    schema_violations: int = 0
    findings: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        return (
            f"schemathesis: {self.requests} requests, {self.server_errors} server errors, "
            f"{self.schema_violations} schema violations"
        )


def _fuzz(
    client: TestClient,
    operation: schemathesis.APIOperation,
    headers: dict[str, str],
    examples: int,
    tally: Tally,
) -> None:
    @hypothesis_settings(
        max_examples=examples,
        phases=[Phase.explicit, Phase.generate],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        try:
            response = client.request(
                **case.as_transport_kwargs(base_url="http://testserver", headers=headers)
            )
        except (TypeError, AttributeError):
            reject()  # httpx cannot encode this multipart body (a number as a file): nothing was sent
        tally.requests += 1
        if response.status_code >= 500:
            tally.server_errors += 1
            tally.findings[f"{operation.label}: {response.status_code} {response.text[:200]}"] += 1
            return
        try:
            response.request.read()  # a multipart body is a stream; the checks read it again
        except (TypeError, AttributeError):
            return  # a file field that is not a file: answered (and not a 5xx) but cannot be re-read
        try:
            case.validate_response(response, checks=CHECKS)
        except (Failure, FailureGroup) as failure:  # each names what differs from the document
            tally.schema_violations += 1
            found = failure.exceptions if isinstance(failure, FailureGroup) else [failure]
            for each in found:
                what = f"{getattr(each, 'title', type(each).__name__)}: {getattr(each, 'message', '')}"
                tally.findings[f"{operation.label} [{response.status_code}] {what[:300]}"] += 1

    run()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A configured node (the payment webhook has its secret), on SQLite: the document is the same on both."""
    return load_settings(
        None,
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'safecity.db'}",
        challan={"webhook_secret": "fuzz-webhook-secret"},
    )


def test_the_api_answers_as_its_openapi_document_says(
    client: TestClient, record_property: Callable[[str, object], None]
) -> None:
    schema = schemathesis.openapi.from_dict(client.get("/api/openapi.json").json())
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [op for op in operations if not any(part in op.path for part in STREAMING)]
    tally = Tally()
    for headers, examples in (({}, EXAMPLES_WITHOUT_TOKEN), (auth(client, "admin"), EXAMPLES_AS_ADMIN)):
        for operation in operations:
            _fuzz(client, operation, headers, examples, tally)
    # In the CI log even when the test passes (tests/conftest.py prints it at the end of the run).
    record_property(FUZZ_SUMMARY, tally.summary())
    for finding, count in tally.findings.most_common():
        record_property(FUZZ_SUMMARY, f"  {count}× {finding}")
    assert (tally.server_errors, tally.schema_violations) == (0, 0), tally.summary()
