"""`{% pair_exchange pair %}`: the pair page's exchange summary (placements, reports, link to act)."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q

from twinning.exchanges.access import may, visible_placements, visible_reports
from twinning.exchanges.enums import MilestoneStatus
from twinning.exchanges.models import AlumniRecord, JointProject
from twinning.programmes.models import Pair

register = template.Library()


@register.inclusion_tag("exchanges/_pair_summary.html", takes_context=True)
def pair_exchange(context: dict[str, Any], pair: Pair) -> dict[str, Any]:
    user = context["request"].user
    return {
        "pair": pair,
        "placements": list(visible_placements(user).filter(pair=pair)),
        "reports": list(visible_reports(user).filter(pair=pair)),
        "may_plan": may(user, "plan", pair),
        "project": JointProject.objects.filter(pair=pair)
        .annotate(
            total=Count("milestones"),
            done=Count("milestones", filter=Q(milestones__status=MilestoneStatus.DONE)),
        )
        .first(),
        "alumni": AlumniRecord.objects.filter(pair=pair).first(),
    }
