"""Path and query parameters mean exactly what the OpenAPI document says. Integers (ids, offsets, cursors)
must fit the database's signed 64-bit columns and a date-time is ISO 8601, never a bare number (which
pydantic would read as a Unix time). One app-wide dependency checks every route's parameters before the
route runs and answers 422 naming the parameter; the document states the integer bounds. Bodies and forms
use the same rules through `Int64` and `DateTimeInput`."""

from __future__ import annotations

import types
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated
from typing import Any
from typing import Union
from typing import get_args
from typing import get_origin

from fastapi import Depends
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BeforeValidator
from pydantic import Field
from starlette.requests import HTTPConnection

from safecity.core.http.openapi_document import amend_openapi
from safecity.core.http.openapi_document import operations

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

INT64_RANGE = f"must be an integer from {INT64_MIN} to {INT64_MAX}"
NOT_A_NUMBER = "must be an ISO 8601 date-time such as 2026-12-31T08:00:00Z, not a number"

Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]


def _refuse_numbers(value: object) -> object:
    if isinstance(value, int | float) or (isinstance(value, str) and _is_number(value)):
        raise ValueError(NOT_A_NUMBER)
    return value


RefuseNumbers = BeforeValidator(_refuse_numbers)
DateTimeInput = Annotated[datetime, RefuseNumbers]


def _is_number(raw: str) -> bool:
    try:
        float(raw)
    except ValueError:
        return False
    return True


def _involves(annotation: Any, kind: type) -> bool:
    if annotation is kind:
        return True
    if get_origin(annotation) in (Union, types.UnionType, list, Annotated):
        return any(_involves(arg, kind) for arg in get_args(annotation))
    return False


def _checked_parameters(dependant: Dependant) -> Iterator[tuple[str, str, type]]:
    """The route's integer and date-time path and query parameters, its dependencies' included."""
    for location, params in (("path", dependant.path_params), ("query", dependant.query_params)):
        for param in params:
            for kind in (int, datetime):
                if _involves(param.field_info.annotation, kind):
                    yield location, param.alias, kind
    for dependency in dependant.dependencies:
        yield from _checked_parameters(dependency)


def _problem(raw: str, kind: type) -> str | None:
    if kind is datetime:
        return NOT_A_NUMBER if _is_number(raw) else None
    try:
        value = int(raw)
    except ValueError:
        return None  # not an integer at all: the route's own validation says so
    return None if INT64_MIN <= value <= INT64_MAX else INT64_RANGE


def check_parameter_types(request: HTTPConnection) -> None:
    """An HTTPConnection, not a Request: app-wide dependencies run for WebSocket routes too (not checked)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    errors = []
    for location, name, kind in sorted(set(_checked_parameters(route.dependant)), key=str):
        values = [request.path_params.get(name)] if location == "path" else request.query_params.getlist(name)
        for raw in values:
            problem = None if raw is None else _problem(str(raw), kind)
            if problem:
                errors.append(
                    {"type": "value_error", "loc": (location, name), "msg": problem, "input": str(raw)[:40]}
                )
    if errors:
        raise RequestValidationError(errors)


def _bound_integer_schemas(document: dict[str, Any]) -> None:
    for _, operation in operations(document):
        for parameter in operation.get("parameters", []):
            schema = parameter.get("schema", {})
            for option in [schema, *schema.get("anyOf", []), schema.get("items", {})]:
                if option.get("type") == "integer":
                    option.setdefault("minimum", INT64_MIN)
                    option.setdefault("maximum", INT64_MAX)


def install_parameter_checks(app: FastAPI) -> None:
    """Call before the routers are included (they take the app's dependencies when included)."""
    app.router.dependencies.append(Depends(check_parameter_types))
    amend_openapi(app, _bound_integer_schemas)
