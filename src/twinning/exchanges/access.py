"""Who may see and do what with placements and reports: one predicate, used by pages, API and CLI.

What a user may not see is missing (404); what they may see but not do is refused (403).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twinning.calls.access import organisations_of
from twinning.directory.access import is_coordinator, visible_organisations
from twinning.exchanges.enums import ReportStatus
from twinning.exchanges.models import PairReport, Placement
from twinning.programmes.access import access_pair, visible_pairs
from twinning.programmes.models import Pair, Visit

PLACEMENT_RELATED = (
    "pair__cohort__programme",
    "pair__organisation_a",
    "pair__organisation_b",
    "fellow",
    "home",
    "host",
)
REPORT_RELATED = (
    "pair__cohort__programme",
    "pair__organisation_a",
    "pair__organisation_b",
    "document",
)

# verb → who may: "coordinator", "pair" (staff of either partner), "host" (host's staff), "fellow".
RULES: dict[str, frozenset[str]] = {
    "plan": frozenset({"coordinator", "pair"}),
    "reschedule": frozenset({"coordinator", "pair", "fellow"}),
    "cancel": frozenset({"coordinator", "pair", "fellow"}),
    "confirm": frozenset({"coordinator", "host"}),
    "start": frozenset({"coordinator", "pair", "fellow"}),
    "complete": frozenset({"coordinator", "pair", "fellow"}),
    "letter": frozenset({"coordinator", "pair", "fellow"}),
    "request_report": frozenset({"coordinator"}),
    "file_report": frozenset({"coordinator", "pair"}),
    "review_report": frozenset({"coordinator"}),
    "project": frozenset({"coordinator", "pair"}),
    "alumni": frozenset({"coordinator"}),
    "follow_up": frozenset({"coordinator", "pair"}),
}
DEFAULT_REFUSAL = gettext_noop("Only the pair's staff, the fellow or a coordinator do this.")
REFUSALS = {
    "plan": gettext_noop("Only the pair's staff or a coordinator plan placements."),
    "confirm": gettext_noop("Only the host's staff or a coordinator confirm a placement."),
    "request_report": gettext_noop("Only coordinators ask pairs for reports."),
    "review_report": gettext_noop("Only coordinators accept or return reports."),
    "project": gettext_noop("Only the pair's staff or a coordinator change the joint project."),
    "alumni": gettext_noop("Only coordinators record a pair as alumni."),
}


def pair_of(record: Pair | Placement | PairReport) -> Pair:
    return record if isinstance(record, Pair) else record.pair


def roles_of(user: Any, record: Pair | Placement | PairReport) -> set[str]:
    """The roles `user` holds towards the record's pair (and, for a placement, its host and fellow)."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    roles = {"coordinator"} if is_coordinator(user) else set()
    pair = pair_of(record)
    mine = set(
        organisations_of(user)
        .filter(pk__in=[pair.organisation_a_id, pair.organisation_b_id])
        .values_list("pk", flat=True)
    )
    if mine:
        roles.add("pair")
    if isinstance(record, Placement):
        if record.host_id in mine:
            roles.add("host")
        if record.fellow_id == user.pk:
            roles.add("fellow")
    return roles


def may(user: Any, verb: str, record: Pair | Placement | PairReport) -> bool:
    """The one permission predicate of this app."""
    return bool(RULES[verb] & roles_of(user, record))


def require(user: Any, verb: str, record: Pair | Placement | PairReport) -> None:
    if not may(user, verb, record):
        raise PermissionDenied(_(REFUSALS.get(verb, DEFAULT_REFUSAL)))


def _pairs_of(user: Any) -> QuerySet[Pair]:
    mine = organisations_of(user)
    return Pair.objects.filter(Q(organisation_a__in=mine) | Q(organisation_b__in=mine))


def visible_placements(user: Any) -> QuerySet[Placement]:
    """Coordinators see every placement; others those of their organisations' pairs and their own."""
    placements = Placement.objects.select_related(*PLACEMENT_RELATED)
    if is_coordinator(user):
        return placements
    if not (user and user.is_authenticated):
        return placements.none()
    return placements.filter(Q(pair__in=_pairs_of(user)) | Q(fellow=user))


def access_placement(user: Any, pk: int) -> Placement:
    try:
        return visible_placements(user).get(pk=pk)
    except Placement.DoesNotExist:
        raise Http404("No such placement.") from None


def access_pair_to_act(user: Any, pk: int, verb: str) -> Pair:
    """A pair `user` may see and act on with `verb` (404 when hidden, 403 when not allowed)."""
    pair = access_pair(user, pk)
    require(user, verb, pair)
    return pair


def visible_reports(user: Any) -> QuerySet[PairReport]:
    """Accepted reports of visible pairs are public; the pair's staff and coordinators see all of theirs."""
    reports = PairReport.objects.select_related(*REPORT_RELATED)
    if is_coordinator(user):
        return reports
    public = Q(status=ReportStatus.ACCEPTED, pair__in=visible_pairs(user))
    if user and user.is_authenticated:
        return reports.filter(public | Q(pair__in=_pairs_of(user)))
    return reports.filter(public)


def access_report(user: Any, pk: int) -> PairReport:
    try:
        return visible_reports(user).get(pk=pk)
    except PairReport.DoesNotExist:
        raise Http404("No such report.") from None


def visible_visits(user: Any) -> QuerySet[Visit]:
    """Delegation visits whose host the user may see; unseen visiting organisations are left out by the caller."""
    return Visit.objects.filter(host__in=visible_organisations(user)).select_related("host")


def access_visit(user: Any, pk: int) -> Visit:
    try:
        return visible_visits(user).get(pk=pk)
    except Visit.DoesNotExist:
        raise Http404("No such visit.") from None
