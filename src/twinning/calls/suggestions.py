"""Partner suggestions for single applicants.

FALLBACK: `twinning.matching` has no public `recommend` function yet, so other-side applicants
are ranked by the topics they share with the applicant. Replace `suggested_partners` by a call
to the matching package once it offers one.
"""

from __future__ import annotations

from dataclasses import dataclass

from twinning.calls.enums import ApplicationKind, ApplicationStatus
from twinning.calls.models import Application
from twinning.directory.models import Organisation

METHOD = "shared-topics fallback"


@dataclass
class Suggestion:
    organisation: Organisation
    application: Application
    shared_topics: int
    reasons: list[str]


def shared_topic_score(a: Organisation, b: Organisation) -> tuple[int, list[str]]:
    """How many topics two organisations share, and a reason naming them (uses prefetched topics)."""
    topics_a = {topic.slug: topic for topic in a.topics.all()}
    shared = [topic for topic in b.topics.all() if topic.slug in topics_a]
    if not shared:
        return 0, []
    return len(shared), ["shared topics: " + ", ".join(sorted(topic.label for topic in shared))]


def suggested_partners(application: Application, limit: int = 5) -> list[Suggestion]:
    """Single applicants of the other side in the same call, most shared topics first."""
    others = (
        Application.objects.filter(call=application.call, kind=ApplicationKind.SINGLE, status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED])
        .exclude(side=application.side)
        .select_related("organisation")
        .prefetch_related("organisation__topics")
    )
    suggestions = []
    for other in others:
        count, reasons = shared_topic_score(application.organisation, other.organisation)
        suggestions.append(Suggestion(organisation=other.organisation, application=other, shared_topics=count, reasons=reasons))
    suggestions.sort(key=lambda s: (-s.shared_topics, s.organisation.name))
    return suggestions[:limit]
