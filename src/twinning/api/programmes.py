"""API endpoints of programmes, cohorts, pairs and events."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.schemas import EventOut, PairOut, ProgrammeOut
from twinning.programmes.access import access_pair, access_programme, visible_pairs
from twinning.programmes.models import Cohort, Event, Pair, Programme

router = Router(tags=["programmes"])
PAIR_RELATED = ("cohort__programme", "organisation_a", "organisation_b")
PAIR_PREFETCH = ("topics", "organisation_a__topics", "organisation_b__topics")


def _with_cohorts(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    return programmes.prefetch_related(
        Prefetch("cohorts", queryset=Cohort.objects.annotate(pair_count=Count("pairs")))
    )


@router.get("/programmes", response=list[ProgrammeOut])
def list_programmes(request: HttpRequest) -> QuerySet[Programme]:
    return _with_cohorts(Programme.objects.all())


@router.get("/programmes/{slug}", response=ProgrammeOut)
def get_programme(request: HttpRequest, slug: str) -> Programme:
    access_programme(slug)
    return _with_cohorts(Programme.objects.filter(slug=slug)).get()


@router.get("/pairs", response=list[PairOut])
@paginate(LimitOffsetPagination)
def list_pairs(
    request: HttpRequest, programme: str = "", year: int | None = None
) -> QuerySet[Pair]:
    pairs = (
        visible_pairs(request.user)
        .select_related(*PAIR_RELATED)
        .prefetch_related(*PAIR_PREFETCH)
        .order_by("-cohort__year", "pk")
    )
    if programme:
        pairs = pairs.filter(cohort__programme__slug=programme)
    if year:
        pairs = pairs.filter(cohort__year=year)
    return pairs


@router.get("/pairs/{pair_id}", response=PairOut)
def get_pair(request: HttpRequest, pair_id: int) -> Pair:
    return access_pair(request.user, pair_id)


@router.get("/events", response=list[EventOut])
@paginate(LimitOffsetPagination)
def list_events(request: HttpRequest, year: int | None = None) -> QuerySet[Event]:
    events = Event.objects.prefetch_related("organisers").order_by("-start", "name")
    if year:
        events = events.filter(start__year=year)
    return events
