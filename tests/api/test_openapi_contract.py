"""The console's API contract (web/src/api/openapi.json) is the app's OpenAPI document, byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

from safecity.openapi_dump import openapi_document
from safecity.openapi_dump import openapi_text

CHECKED_IN = Path(__file__).resolve().parents[2] / "web" / "src" / "api" / "openapi.json"


def test_the_console_contract_matches_the_live_api() -> None:
    live = openapi_text(openapi_document())
    checked_in = CHECKED_IN.read_text(encoding="utf-8")
    if live != checked_in:
        diff = difflib.unified_diff(
            checked_in.splitlines(), live.splitlines(), str(CHECKED_IN.name), "live app", n=1, lineterm=""
        )
        excerpt = "\n".join(list(diff)[:40])
        raise AssertionError(f"the API changed: run scripts/gen-api and check in the result\n{excerpt}")
