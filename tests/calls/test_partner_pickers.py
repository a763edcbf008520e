"""Partner pickers: searchable, never the applicant's own or a same-side organisation."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.calls.factories import european
from twinning.calls.actions import start_application
from twinning.calls.forms import ApplyForm
from twinning.directory.models import Organisation

pytestmark = pytest.mark.django_db


def test_apply_form_offers_only_the_other_side_as_partners(call, europe_org, china_org):
    european(name="Another European NGO")
    form = ApplyForm(call=call, organisations=Organisation.objects.filter(pk=europe_org.pk))
    partners = list(form.fields["partner"].queryset.values_list("name", flat=True))
    assert partners == ["Chengdu Green Home"]


def test_a_same_side_partner_posted_anyway_is_refused(call, europe_org, europe_staff):
    mine = Organisation.objects.filter(pk=europe_org.pk)
    other = european(name="Another European NGO")
    form = ApplyForm(
        {"organisation": europe_org.pk, "kind": "tandem", "partner": other.pk},
        call=call,
        organisations=mine,
    )
    assert not form.is_valid()
    assert form.errors["partner"]


def test_apply_page_renders_a_searchable_select_with_country_names(
    call, europe_org, europe_staff, china_org
):
    client = Client()
    client.force_login(europe_staff)
    body = client.get(reverse("calls:apply", args=[call.slug])).content.decode()
    assert '<select name="partner" data-searchable' in body
    assert "Chengdu Green Home (China)" in body
    assert "Zero Waste Lyon (France)" not in body.split('name="partner"')[1]


def test_a_suggested_partner_is_a_link(call, europe_org, europe_staff, china_org, china_staff):
    start_application(call=call, organisation=china_org, actor=china_staff)
    mine = start_application(call=call, organisation=europe_org, actor=europe_staff)
    client = Client()
    client.force_login(europe_staff)
    body = client.get(mine.get_absolute_url()).content.decode()
    suggestions = body.split('<ul class="suggestions">')[1].split("</ul>")[0]
    assert f'<li><a href="{china_org.get_absolute_url()}">Chengdu Green Home</a>' in suggestions
