"""The REST API: one NinjaAPI, a router per app; session auth with CSRF for writes."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from twinning.api import calls as calls_api
from twinning.api import cities as cities_api
from twinning.api import directory, matching, programmes
from twinning.api import exchanges as exchanges_api
from twinning.api import library as library_api
from twinning.api import privacy as privacy_api

api = NinjaAPI(
    title="Twinning API",
    version="1",
    description="Directory, programmes, pairs, events, matching, calls and the library of Twinning.",
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


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
