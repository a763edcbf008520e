"""API endpoints of the directory."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from twinning.api.bounds import BoundedPagination, Year
from twinning.api.schemas import CountryInput, OrganisationOut, OrganisationSummary, TopicOut
from twinning.common.cache import public_page
from twinning.directory.access import access_organisation, visible_organisations
from twinning.directory.models import Organisation, Topic
from twinning.directory.queries import DirectoryFilters, filter_organisations, sorted_for_language

router = Router(tags=["directory"])


class OrganisationQuery(Schema):
    q: str = ""
    country: CountryInput = ""
    region: str = ""
    type: str = ""
    topic: str = ""
    programme: str = ""
    year: Year | None = None


@router.get("/topics", response=list[TopicOut])
@decorate_view(public_page)
@paginate(BoundedPagination)
def list_topics(request: HttpRequest) -> QuerySet[Topic]:
    return Topic.objects.select_related("parent")


@router.get("/organisations", response=list[OrganisationSummary])
@decorate_view(public_page)
@paginate(BoundedPagination)
def list_organisations(
    request: HttpRequest, query: Query[OrganisationQuery]
) -> QuerySet[Organisation]:
    filters = DirectoryFilters.from_query({k: v for k, v in query.dict().items() if v is not None})
    return sorted_for_language(
        filter_organisations(visible_organisations(request.user), filters)
    ).prefetch_related("topics")


@router.get("/organisations/{slug}", response={200: OrganisationOut, 404: dict})
@decorate_view(public_page)
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    return access_organisation(request.user, slug)
