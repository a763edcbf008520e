"""The REST API: one NinjaAPI, a router per app; session auth with CSRF for writes."""

import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.openapi.views import openapi_json
from ninja.responses import NinjaJSONEncoder

from twinning.api import audit as audit_api
from twinning.api import calls as calls_api
from twinning.api import cities as cities_api
from twinning.api import directory, programmes
from twinning.api import exchanges as exchanges_api
from twinning.api import exports as exports_api
from twinning.api import library as library_api
from twinning.api import privacy as privacy_api
from twinning.pairing import api as matching

ERROR_ANSWERS = {
    "401": "Not signed in.",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such record (in the path, or named by the body), or not one you may see.",
    "422": "A parameter or the body is invalid; `detail` says which.",
}


def document_error_answers(schema: dict[str, Any]) -> None:
    """Every operation documents the error answers it can give, with their `{"detail": …}` body."""
    schema.setdefault("components", {}).setdefault("schemas", {})["ErrorDetail"] = {
        "title": "ErrorDetail",
        "type": "object",
        "properties": {"detail": {"title": "Detail"}},
        "required": ["detail"],
    }
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            statuses = {"403"}
            if operation.get("security"):
                statuses.add("401")
            if "{" in path or operation.get("requestBody"):
                statuses.add("404")
            if operation.get("parameters") or operation.get("requestBody"):
                statuses.add("422")
            # ninja keys the answers it documents by int; JSON keys are strings, so one key
            # each (duplicate keys made the schema unreadable for Swagger UI's parser).
            responses = {
                str(code): answer for code, answer in operation.get("responses", {}).items()
            }
            for status in sorted(statuses):
                responses.setdefault(
                    status, {"description": ERROR_ANSWERS[status], "content": body}
                )
            operation["responses"] = responses


class TwinningAPI(NinjaAPI):
    """The schema is the same for every request: built once per process and language, not per call."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        key = (path_prefix, tuple(sorted((path_params or {}).items())), get_language())
        cached = self._schemas.get(key)
        if cached is None:
            cached = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
            document_error_answers(cached)
            self._schemas[key] = cached
        return cached

    @cached_property
    def _schemas(self) -> dict[tuple[Any, ...], OpenAPISchema]:
        return {}

    def encoded_schema(self, path_params: dict[str, Any]) -> bytes:
        """The schema as JSON bytes, encoded once per process, language and path parameters."""
        key = (get_language(), tuple(sorted(path_params.items())))
        if key not in self._encoded:
            schema = self.get_openapi_schema(path_params=path_params)
            self._encoded[key] = json.dumps(schema, cls=NinjaJSONEncoder).encode()
        return self._encoded[key]

    @cached_property
    def _encoded(self) -> dict[tuple[Any, ...], bytes]:
        return {}


def serialised_schema(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`/api/openapi.json` answers bytes encoded once per process and language (122 kB, 10 ms to encode)."""
    if getattr(view, "func", None) is not openapi_json:
        return view  # the Swagger UI page: a small template

    def schema_view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return HttpResponse(api.encoded_schema(kwargs), content_type="application/json")

    return schema_view


api = TwinningAPI(
    title="Twinning API",
    version="1",
    description="Directory, programmes, pairs, events, matching, calls and the library of Twinning.",
    urls_namespace="api",
    docs_decorator=serialised_schema,
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(OverflowError)
def too_large(request: HttpRequest, exc: OverflowError) -> HttpResponse:
    """A number too large for the database is bad input, not a server error."""
    return api.create_response(
        request, {"detail": "A number in the request is too large."}, status=422
    )


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    """The access functions raise PermissionDenied; the API answers 403 with their reason."""
    return api.create_response(request, {"detail": str(exc) or "Not allowed."}, status=403)


api.add_router("/", directory.router)
api.add_router("/", programmes.router)
api.add_router("/", library_api.router)
api.add_router("/", calls_api.router)
api.add_router("/", matching.router)
api.add_router("/", privacy_api.router)
api.add_router("/", cities_api.router)
api.add_router("/", exchanges_api.router)
api.add_router("/", exports_api.router)
api.add_router("/", audit_api.router)
