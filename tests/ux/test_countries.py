"""One country resolver and one country field: typed names become the right ISO code."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import OrganisationFactory
from twinning.accounts.forms import OrganisationProfileForm
from twinning.calls.areas import parse_areas, unknown_areas
from twinning.directory.countries import (
    UnknownCountry,
    country_choices,
    country_name,
    require_country,
    resolve_country,
)
from twinning.directory.fields import CountryField
from twinning.ingest.forms import OrganisationCandidateForm


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("China", "CN"),
        ("Germany", "DE"),
        ("germany ", "DE"),
        ("中国", "CN"),
        ("德国", "DE"),
        ("CN", "CN"),
        ("de", "DE"),
        ("DEU", "DE"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("South Korea", "KR"),
        ("韩国", "KR"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Kenya", "KE"),
        ("肯尼亚", "KE"),
        ("Czech Republic", "CZ"),
        ("Deutschland", "DE"),
    ],
)
def test_typed_names_resolve(typed: str, code: str) -> None:
    assert resolve_country(typed) == code


@pytest.mark.parametrize("typed", ["Chi", "Chin", "Narnia", "Europe", "12"])
def test_unknown_text_is_refused(typed: str) -> None:
    assert resolve_country(typed) is None
    with pytest.raises(UnknownCountry):
        require_country(typed)


def test_empty_text_is_no_country() -> None:
    assert resolve_country("") is None
    assert require_country("  ") == ""


def test_names_follow_the_language() -> None:
    assert country_name("KE", "en") == "Kenya"
    assert country_name("KE", "zh-hans") == "肯尼亚"
    assert country_name("KR", "zh-hans") == "韩国"
    assert country_name("CN", "zh-hans") == "中国"


def test_chinese_choices_are_in_pinyin_order() -> None:
    names = [name for _code, name in country_choices("zh-hans")]
    assert len(names) == 249
    # 阿 (a) before 德 (de) before 法 (fa) before 中 (zhong)
    positions = [names.index(n) for n in ("阿富汗", "德国", "法国", "中国")]
    assert positions == sorted(positions)
    english = [name for _code, name in country_choices("en")]
    assert english.index("Afghanistan") == 0
    assert english.index("China") < english.index("Germany")


def test_country_field_accepts_codes_and_names_and_refuses_the_rest() -> None:
    field = CountryField(required=False)
    assert field.clean("CN") == "CN"
    assert field.clean("China") == "CN"
    assert field.clean("中国") == "CN"
    assert field.clean("") == ""
    with pytest.raises(Exception) as refused:
        field.clean("Chinaa")
    assert "“Chinaa” is not a country we know" in str(refused.value)


def test_country_field_renders_a_select_in_the_active_language() -> None:
    field = CountryField(required=False)
    with translation.override("zh-hans"):
        html = str(field.widget.render("country", "DE", attrs={"id": "id_country"}))
    assert html.startswith("<select")
    assert '<option value="DE" selected>德国</option>' in html
    with translation.override("en"):
        html = str(field.widget.render("country", "DE", attrs={"id": "id_country"}))
    assert '<option value="DE" selected>Germany</option>' in html


@pytest.mark.django_db
def test_profile_form_stores_china_as_cn_not_switzerland() -> None:
    organisation = OrganisationFactory(country="FR")
    form = OrganisationProfileForm(
        data={"name": organisation.name, "country": "China", "type": organisation.type},
        instance=organisation,
    )
    assert form.is_valid(), form.errors
    form.save()
    organisation.refresh_from_db()
    assert organisation.country == "CN"


@pytest.mark.django_db
def test_profile_form_refuses_an_unknown_country_and_changes_nothing() -> None:
    organisation = OrganisationFactory(country="FR")
    form = OrganisationProfileForm(
        data={"name": organisation.name, "country": "Chimera", "type": organisation.type},
        instance=organisation,
    )
    assert not form.is_valid()
    assert "country" in form.errors
    organisation.refresh_from_db()
    assert organisation.country == "FR"


def test_ingest_review_form_resolves_germany() -> None:
    form = OrganisationCandidateForm(data={"name": "Verein", "country": "Germany"})
    assert form.is_valid(), form.errors
    assert form.cleaned_record()["country"] == "DE"


def test_call_areas_take_country_names() -> None:
    assert parse_areas("europe, China, Germany, 日本, FR") == ["europe", "china", "DE", "JP", "FR"]
    assert unknown_areas(parse_areas("Narnia, FR")) == ["Narnia"]


@pytest.mark.django_db
def test_directory_filter_resolves_a_typed_country() -> None:
    OrganisationFactory(country="DE", name="Berliner Verein", is_published=True)
    OrganisationFactory(country="GE", name="Tbilisi Union", is_published=True)
    response = Client().get(reverse("directory:list"), {"country": "Germany"})
    body = response.content.decode()
    assert "Berliner Verein" in body
    assert "Tbilisi Union" not in body


@pytest.mark.django_db
def test_api_resolves_or_refuses_the_country() -> None:
    OrganisationFactory(country="DE", name="Berliner Verein", is_published=True)
    client = Client()
    found = client.get("/api/organisations", {"country": "Germany"})
    assert found.status_code == 200
    assert [item["name"] for item in found.json()["items"]] == ["Berliner Verein"]
    refused = client.get("/api/organisations", {"country": "Narnia"})
    assert refused.status_code == 422
    assert "Narnia is not a country" in refused.content.decode()


@pytest.mark.django_db
def test_directory_filters_fold_and_list_countries_in_pinyin_order() -> None:
    for code in ("DE", "FR", "CN"):
        OrganisationFactory(country=code, is_published=True)
    body = Client().get("/zh-hans/organisations/", {"country": "DE"}).content.decode()
    assert '<details class="filter-panel" data-open-wide>' in body
    assert "更多筛选 (1)" in body
    # 德国 (de) before 法国 (fa) before 中国 (zhong)
    assert (
        body.index(">德国</option>") < body.index(">法国</option>") < body.index(">中国</option>")
    )
