"""The API's OpenAPI document as stable JSON text: the source the console's typed client is generated from.

`python -m safecity.openapi_dump PATH` writes it (`scripts/gen-api` does); tests compare it with the live app.
The app is only assembled, never started, so no database, bus or media folder is touched beyond a temp folder.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from safecity.app import create_app
from safecity.config import Settings


def openapi_document() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="safecity-openapi-") as data_dir:
        return create_app(Settings(data_dir=Path(data_dir))).openapi()


def openapi_text(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m safecity.openapi_dump PATH")
    Path(argv[0]).write_text(openapi_text(openapi_document()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
