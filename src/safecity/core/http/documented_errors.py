"""Every error a route can answer is in the OpenAPI document. The common ones follow from how a route is
built, so they are added here once, to the generated document: 401/403 for an operation that needs a token,
404 for one that names an object in its path, 409 for a change by a logged-in caller (`ConflictError`, a
row changed meanwhile), 413 and 422 for any change (FastAPI's own 422 entry stays where it has one). Rarer
ones (400, 429, 503) each route declares in its own `responses`, with its own schema where it differs."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from safecity.core.http.openapi_document import amend_openapi
from safecity.core.http.openapi_document import operations

ERROR_SCHEMA_NAME = "ErrorDetail"
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}],
            "description": "What was wrong; a list of {loc, msg, type} for invalid input (422)",
        },
        "request_id": {"type": "string", "description": "On a 500: quote it to find the log record"},
    },
}
CHANGES = {"post", "put", "patch", "delete"}


def error_response(description: str) -> dict[str, Any]:
    """A `responses` entry for an error answered as `{"detail": ...}`."""
    schema = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def common_errors(method: str, operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    errors: dict[str, dict[str, Any]] = {}
    if operation.get("security"):
        errors["401"] = error_response("Not logged in, or the token is invalid or expired")
        errors["403"] = error_response("The caller's role lacks the permission this route needs")
        if method in CHANGES:
            errors["409"] = error_response("The change contradicts the current state (or it changed since)")
    if any(parameter.get("in") == "path" for parameter in operation.get("parameters", [])):
        errors["404"] = error_response("No such object")
    if method in CHANGES:
        errors["413"] = error_response("The body is larger than `http.max_upload_mb`")
        errors["422"] = error_response("Invalid input; `detail` lists each problem with its `loc`")
    return errors


def add_common_errors(document: dict[str, Any]) -> None:
    document.setdefault("components", {}).setdefault("schemas", {})[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    for method, operation in operations(document):
        if "responses" in operation:
            operation["responses"] = {**common_errors(method, operation), **operation["responses"]}


def install_common_errors(app: FastAPI) -> None:
    amend_openapi(app, add_common_errors)
