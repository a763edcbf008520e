"""The calls' chart on the network's figures page, registered with programmes at start-up."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from twinning.calls.access import visible_calls
from twinning.calls.enums import ApplicationStatus
from twinning.directory.models import bilingual
from twinning.programmes.charts import Chart, Row, bar_chart
from twinning.programmes.figures import NetworkFigures


def applications_per_call(user: Any, found: NetworkFigures) -> Chart:
    """Applications received and accepted per call the user may see, newest call first."""
    calls = (
        visible_calls(user)
        .annotate(
            received=Count("applications", filter=~Q(applications__status=ApplicationStatus.DRAFT)),
            accepted=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.ACCEPTED)
            ),
        )
        .order_by("-opens_on", "pk")
    )
    rows = [
        Row(
            bilingual(call.title, call.title_zh),
            (call.received, call.accepted),
            call.get_absolute_url(),
        )
        for call in calls
    ]
    series = [_("applications"), _("accepted")]
    return bar_chart(
        "applications-per-call", _("Applications and acceptance per call"), series, rows
    )
