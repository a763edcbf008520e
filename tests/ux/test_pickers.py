"""Long lists are searchable selects (Tom Select with JavaScript, plain selects without):
merge target, claim organisation, pairing add (partner and topics: tests/calls, tests/ingest)."""

import re

import pytest
from django.urls import reverse

from tests.factories import CohortFactory, OrganisationFactory
from twinning.accounts.forms import ClaimForm
from twinning.ingest.forms import MergeForm

pytestmark = pytest.mark.django_db


def test_merge_target_and_claim_are_searchable_selects() -> None:
    OrganisationFactory(name="Zero Waste Lyon", is_published=True)
    for form, name in ((MergeForm(), "into"), (ClaimForm(), "organisation")):
        html = str(form[name])
        assert re.match(rf'<select name="{name}" data-searchable', html), html
        assert ">Zero Waste Lyon</option>" in html


def test_pairing_add_is_a_searchable_select(coordinator_client) -> None:
    cohort = CohortFactory(year=2025)
    OrganisationFactory(name="Wuhan Lakes Watch", country="CN")
    url = reverse("programmes:pairing", args=[cohort.programme.slug, cohort.year])
    page = coordinator_client.get(url).content.decode()
    select = page[page.index('<select name="organisation" data-searchable>') :]
    assert "Wuhan Lakes Watch" in select[: select.index("</select>")]
