"""Readable changes: labels from verbose names, choice labels, related names, dates in the
reader's zone and language, short text; in English and Chinese, never a raw dict."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from tests.factories import OrganisationFactory, PersonFactory
from twinning.audit.display import readable
from twinning.audit.log import record
from twinning.audit.models import AuditRecord
from twinning.directory.models import City

pytestmark = pytest.mark.django_db


def _one_line():
    return readable(AuditRecord.objects.select_related("actor"))[0]


@pytest.fixture
def organisation_change(coordinator):
    city = City.objects.create(name="Lyon", name_zh="里昂", slug="lyon-fr", country="FR")
    organisation = OrganisationFactory(name="Blue River", name_zh="蓝河")
    record(
        actor=coordinator,
        verb="updated",
        record=organisation,
        changes={
            "type": ["ngo", "foundation"],
            "locality": [None, city.pk],
            "is_published": [True, False],
            "other_names": [[], ["Blue", "Fleuve bleu"]],
            "description": ["", "word " * 60],
            "sdgs": [[6], [6, 11]],
        },
    )
    return organisation


def test_english_changes_read_as_sentences(organisation_change):
    line = _one_line()
    assert (line.actor, line.verb, line.kind, line.name) == (
        "coord",
        "updated",
        "Organisation",
        "Blue River",
    )
    changes = {change.label: (change.old, change.new) for change in line.changes}
    assert changes["Type"] == ("NGO", "Foundation")
    assert changes["City on the map"] == ("—", "Lyon")
    assert changes["Published"] == ("yes", "no")
    assert changes["Other names"] == ("—", "Blue, Fleuve bleu")
    assert changes["SDG goals"] == ("6", "6, 11")
    description = changes["Description (English)"][1]
    assert len(description) <= 80 and description.endswith("…")
    shown = [text for change in line.changes for text in (change.old, change.new)]
    assert not [text for text in shown if "{" in text or "[" in text or "'" in text]


def test_chinese_changes_read_in_chinese(organisation_change):
    with translation.override("zh-hans"):
        line = _one_line()
        changes = {change.label: (change.old, change.new) for change in line.changes}
        assert line.kind == "组织"
        assert line.verb == "更新了"
        assert line.name == "Blue River"
        assert changes["类型"] == ("非政府组织", "基金会")
        assert changes["已发布"] == ("是", "否")
        assert changes["地图上的城市"] == ("—", "里昂")


def test_dates_in_the_readers_time_zone(coordinator):
    person = PersonFactory(name="Anna Berg")
    record(
        actor=coordinator,
        verb="consented",
        record=person,
        changes={"consent_at": [None, "2026-02-01T23:30:00+00:00"]},
    )
    with timezone.override("Asia/Shanghai"):
        (change,) = _one_line().changes
        assert change.new == "2 February 2026, 07:30 CST"
    with translation.override("zh-hans"), timezone.override("Asia/Shanghai"):
        line = _one_line()
        assert line.verb == "记录了同意"
        assert line.changes[0].new.startswith("2026年2月2日")


def test_a_deleted_related_record_reads_by_its_id(coordinator):
    organisation = OrganisationFactory()
    record(actor=None, verb="updated", record=organisation, changes={"locality": [987654, None]})
    line = _one_line()
    assert line.actor == "system"
    assert [(c.label, c.old, c.new) for c in line.changes] == [("City on the map", "#987654", "—")]


def test_old_notes_and_slugs_read_by_name(coordinator):
    from tests.calls.factories import european, make_call, staff_of
    from twinning.calls.actions import start_application

    call = make_call()
    organisation = european(name="Zero Waste Lyon")
    start_application(call=call, organisation=organisation, actor=staff_of(organisation, "lea"))
    line = readable(AuditRecord.objects.filter(record_type__model="application"))[0]
    changes = {change.label: change.new for change in line.changes}
    assert changes["Organisation"] == "Zero Waste Lyon"
    assert changes["Kind"] == "Single applicant"
    assert line.verb == "created"


def test_moments_of_creation_are_shown_in_the_zone(coordinator):
    organisation = OrganisationFactory()
    entry = record(actor=coordinator, verb="updated", record=organisation, changes={})
    AuditRecord.objects.filter(pk=entry.pk).update(
        created_at=datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)
    )
    with timezone.override("Europe/Paris"):
        assert _one_line().when == "1 March 2026, 13:00 CET"
