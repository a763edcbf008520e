"""In Chinese, places and sides read in Chinese: 成都, 中国, 欧洲 → 中国, 肯尼亚; names Chinese first."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from tests.factories import OrganisationFactory
from twinning.calls.areas import area_name, side_name
from twinning.directory.places import city_name


def test_city_names_in_chinese() -> None:
    assert city_name("Chengdu", "CN", "zh-hans") == "成都"
    assert city_name("Lyon", "FR", "zh-hans") == "里昂"
    assert city_name("Chengdu", "CN", "en") == "Chengdu"
    assert city_name("Nowhere Town", "CN", "zh-hans") == "Nowhere Town"


def test_areas_and_sides_in_the_readers_language() -> None:
    with translation.override("zh-hans"):
        assert [area_name(a) for a in ("europe", "CN", "KE")] == ["欧洲", "中国", "肯尼亚"]
        assert side_name("Europe") == "欧洲"
        assert side_name("Nordic partners") == "Nordic partners"
    with translation.override("en"):
        assert area_name("europe") == "Europe"
        assert area_name("CN") == "China"


@pytest.mark.django_db
def test_chinese_organisation_is_named_in_chinese_first_with_a_chinese_city() -> None:
    OrganisationFactory(
        name="Chengdu Green Home", name_zh="成都绿色家园", country="CN", city="Chengdu"
    )
    body = Client().get("/zh-hans/organisations/").content.decode()
    assert "成都绿色家园" in body
    assert "成都, 中国" in body
    english = Client().get("/organisations/").content.decode()
    assert "Chengdu, China" in english


@pytest.mark.django_db
def test_window_label_in_chinese(call_with_windows=None) -> None:
    from tests.calls.factories import make_call

    call = make_call()
    with translation.override("zh-hans"):
        labels = [window.label for window in call.windows.order_by("starts_on")]
    assert labels == ["欧洲 → 中国", "中国 → 欧洲"]


@pytest.mark.django_db
def test_call_page_names_the_areas_of_each_side() -> None:
    from tests.calls.factories import make_call

    call = make_call(side_a_areas=["europe", "CH"])
    english = Client().get(call.get_absolute_url()).content.decode()
    assert "Europe: Europe, Switzerland" in english
    assert "Europe: europe" not in english
    chinese = Client().get("/zh-hans" + call.get_absolute_url()).content.decode()
    assert "欧洲: 欧洲, 瑞士" in chinese or "欧洲：欧洲, 瑞士" in chinese
