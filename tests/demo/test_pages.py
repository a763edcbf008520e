"""The public pages render the whole demo data set without errors."""

import pytest
from django.urls import reverse

from twinning.directory.models import Organisation
from twinning.library.models import Document
from twinning.programmes.models import Cohort, Event, Pair, Programme

pytestmark = pytest.mark.django_db


def test_list_pages_render(demo_counts, client):
    for name in ("home", "directory:list", "programmes:list", "programmes:events", "library:list"):
        assert client.get(reverse(name)).status_code == 200, name


def test_detail_pages_of_every_demo_record_render(demo_counts, client):
    urls = [o.get_absolute_url() for o in Organisation.objects.all()]
    urls += [p.get_absolute_url() for p in Programme.objects.all()]
    urls += [c.get_absolute_url() for c in Cohort.objects.select_related("programme")]
    urls += [p.get_absolute_url() for p in Pair.objects.all()]
    urls += [e.get_absolute_url() for e in Event.objects.all()]
    urls += [d.get_absolute_url() for d in Document.objects.all()]
    failures = [url for url in urls if client.get(url).status_code != 200]
    assert failures == []


def test_chinese_interface_shows_chinese_names(demo_counts, client):
    cres = Organisation.objects.get(acronym="CRES")
    response = client.get(cres.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "重庆市可再生能源学会" in response.content.decode()
