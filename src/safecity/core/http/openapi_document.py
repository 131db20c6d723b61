"""Changes the API makes to the OpenAPI document FastAPI generates."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI


def operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each operation of the document with its method ("get", "post", ...)."""
    for path_item in document.get("paths", {}).values():
        for method, operation in path_item.items():
            if isinstance(operation, dict):
                yield method, operation


def amend_openapi(app: FastAPI, amend: Callable[[dict[str, Any]], None]) -> None:
    """`app.openapi()` returns the document as before (with earlier amendments), then changed by `amend`."""
    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        document = plain_openapi()
        amend(document)
        return document

    app.openapi = openapi  # type: ignore[method-assign]
