"""Reviewing candidates: every field editable, merging two finds, visits, programmes and dates."""

import pytest
from django.urls import reverse

from tests.factories import DocumentFactory, OrganisationFactory
from twinning.directory.models import Organisation, Person
from twinning.ingest.actions import (
    IngestError,
    accept_candidate,
    fingerprint,
    merge_into_candidate,
    review_in_bulk,
    store_document,
)
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.forms import FORM_BY_KIND
from twinning.ingest.models import Candidate
from twinning.library.models import Document
from twinning.programmes.models import Activity, Event, Programme, Visit

pytestmark = pytest.mark.django_db


def candidate(kind, data, document=None, evidence=""):
    document = document or DocumentFactory()
    return Candidate.objects.create(
        document=document,
        kind=kind,
        data=data,
        evidence=evidence,
        fingerprint=fingerprint(kind, data),
    )


def organisation(name, **fields):
    data = {
        "name": name,
        "acronym": None,
        "country": None,
        "city": None,
        "founded": None,
        "type": None,
        "topics": [],
        **fields,
    }
    return data


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (
            CandidateKind.ORGANISATION,
            {"name", "name_zh", "acronym", "country", "city", "founded", "type", "topics"},
        ),
        (CandidateKind.PARTNERSHIP, {"a", "b", "kind", "topics", "year", "date", "participants"}),
        (CandidateKind.EVENT, {"name", "name_zh", "start", "place", "organisers", "topics"}),
        (CandidateKind.PERSON, {"name", "name_zh", "role", "organisation"}),
    ],
)
def test_the_review_form_of_every_kind_edits_every_extracted_field(kind, fields):
    assert fields <= set(FORM_BY_KIND[kind].base_fields)


def test_a_coordinator_edits_the_chinese_name_and_the_country_before_accepting(
    coordinator_client,
):
    found = candidate(CandidateKind.ORGANISATION, organisation("Green Hills Society"))
    response = coordinator_client.post(
        reverse("ingest:candidate", args=[found.pk]),
        {
            "action": "accept",
            "name": "Green Hills Society",
            "name_zh": "青山学会",
            "country": "Germany",
            "founded": "2005",
            "type": "society",
        },
    )
    assert response.status_code == 302
    saved = Organisation.objects.get()
    assert (saved.name, saved.name_zh, saved.country, saved.founded, saved.type) == (
        "Green Hills Society",
        "青山学会",
        "DE",
        2005,
        "society",
    )


def test_a_country_name_that_cannot_be_resolved_is_refused_and_nothing_is_written(
    coordinator_client,
):
    found = candidate(CandidateKind.ORGANISATION, organisation("Green Hills Society"))
    response = coordinator_client.post(
        reverse("ingest:candidate", args=[found.pk]),
        {"action": "accept", "name": "Green Hills Society", "country": "Atlantis"},
    )
    assert response.status_code == 200
    assert "is not a country we know" in response.content.decode()
    assert Organisation.objects.count() == 0
    assert Candidate.objects.get(pk=found.pk).status == CandidateStatus.PENDING


def test_an_event_edited_to_a_month_keeps_that_precision(coordinator_client):
    found = candidate(
        CandidateKind.EVENT,
        {"name": "Delta Water Forum", "start": "2019", "place": None, "organisers": []},
    )
    coordinator_client.post(
        reverse("ingest:candidate", args=[found.pk]),
        {"action": "accept", "name": "Delta Water Forum", "start": "2019-10", "place": "Kunming"},
    )
    event = Event.objects.get()
    assert (event.start_iso, event.start_precision, event.place) == ("2019-10", "month", "Kunming")


def test_an_impossible_date_is_refused_with_a_message(coordinator_client):
    found = candidate(CandidateKind.EVENT, {"name": "Delta Water Forum", "start": None})
    response = coordinator_client.post(
        reverse("ingest:candidate", args=[found.pk]),
        {"action": "accept", "name": "Delta Water Forum", "start": "2019-13-40"},
    )
    assert "is not a date" in response.content.decode()
    assert Event.objects.count() == 0


def test_merging_into_another_waiting_candidate_fills_its_gaps_and_keeps_both_names(
    coordinator_client,
):
    document = DocumentFactory()
    short = candidate(
        CandidateKind.ORGANISATION,
        organisation("GHS", founded=2005, topics=["water"]),
        document,
        "GHS was founded in 2005.",
    )
    full = candidate(
        CandidateKind.ORGANISATION,
        organisation("Green Hills Society", country="CN", topics=["waste"]),
        document,
        "Green Hills Society, China",
    )
    response = coordinator_client.post(
        reverse("ingest:candidate", args=[short.pk]),
        {"action": "merge-candidate", "target": full.pk},
    )
    assert response.url == reverse("ingest:candidate", args=[full.pk])
    full.refresh_from_db()
    short.refresh_from_db()
    assert (full.data["founded"], full.data["country"], full.data["topics"]) == (
        2005,
        "CN",
        ["waste", "water"],
    )
    assert full.data["other_names"] == ["GHS"]
    assert full.evidence == "Green Hills Society, China\nGHS was founded in 2005."
    assert (short.status, short.result, full.status) == (
        CandidateStatus.MERGED,
        full,
        CandidateStatus.PENDING,
    )
    accepted = accept_candidate(candidate=full, user=None)
    assert (accepted.name, accepted.other_names, accepted.founded) == (
        "Green Hills Society",
        ["GHS"],
        2005,
    )


def test_merging_candidates_of_different_kinds_or_reviewed_ones_is_refused():
    document = DocumentFactory()
    first = candidate(CandidateKind.ORGANISATION, organisation("Green Hills Society"), document)
    person = candidate(CandidateKind.PERSON, {"name": "Li Wei"}, document)
    with pytest.raises(IngestError, match="same kind"):
        merge_into_candidate(candidate=first, target=person, user=None)
    second = candidate(CandidateKind.ORGANISATION, organisation("GHS"), document)
    Candidate.objects.filter(pk=second.pk).update(status=CandidateStatus.REJECTED)
    with pytest.raises(IngestError, match="still be waiting"):
        merge_into_candidate(candidate=first, target=second, user=None)
    with pytest.raises(IngestError, match="into itself"):
        merge_into_candidate(candidate=first, target=first, user=None)
    assert Candidate.objects.get(pk=first.pk).data == organisation("Green Hills Society")


def test_a_member_cannot_merge_candidates_and_nothing_changes(member_client):
    document = DocumentFactory()
    first = candidate(CandidateKind.ORGANISATION, organisation("GHS", founded=2005), document)
    second = candidate(CandidateKind.ORGANISATION, organisation("Green Hills Society"), document)
    response = member_client.post(
        reverse("ingest:candidate", args=[first.pk]),
        {"action": "merge-candidate", "target": second.pk},
    )
    assert response.status_code == 403
    assert Candidate.objects.get(pk=second.pk).data == organisation("Green Hills Society")
    assert Candidate.objects.get(pk=first.pk).status == CandidateStatus.PENDING


def _visit_with_people():
    document = DocumentFactory()
    for name in ("Amber Coast Foundation", "Delta Institute", "Gdansk Energy Agency"):
        OrganisationFactory(name=name)
    data = {
        "a": "Amber Coast Foundation",
        "b": "Delta Institute",
        "kind": "visit",
        "topics": ["renewable energy", "energy efficiency"],
        "year": 2023,
        "date": "2023-11-28",
        "participants": [
            {
                "name": "Anna Kowalska",
                "role": "Director",
                "organisation": "Amber Coast Foundation",
                "leader": True,
            },
            {"name": "Piotr Nowak", "role": None, "organisation": "Gdansk Energy Agency"},
            {"name": "Ewa Lis", "role": None, "organisation": None},
        ],
    }
    return candidate(CandidateKind.PARTNERSHIP, data, document, "A delegation visited.")


def test_a_visit_arrives_on_its_day_with_its_people_roles_organisations_and_topics():
    accept_candidate(candidate=_visit_with_people(), user=None)
    visit = Visit.objects.get()
    assert (visit.date_iso, visit.date_precision, visit.host.name) == (
        "2023-11-28",
        "day",
        "Delta Institute",
    )
    assert set(visit.visitors.values_list("name", flat=True)) == {
        "Amber Coast Foundation",
        "Gdansk Energy Agency",
    }
    people = {
        (p.person.name, p.role, p.organisation.name if p.organisation else None, p.is_leader)
        for p in visit.participants.select_related("person", "organisation")
    }
    assert people == {
        ("Anna Kowalska", "Director", "Amber Coast Foundation", True),
        ("Piotr Nowak", "", "Gdansk Energy Agency", False),
        ("Ewa Lis", "", None, False),
    }
    assert set(visit.topics.values_list("slug", flat=True)) == {
        "renewable-energy",
        "energy-efficiency",
    }


def test_a_visit_known_only_by_its_year_keeps_the_year_and_one_without_a_date_waits():
    found = _visit_with_people()
    found.data = {**found.data, "date": None, "year": None}
    found.save()
    with pytest.raises(IngestError, match="no date for this visit"):
        accept_candidate(candidate=found, user=None)
    assert Visit.objects.count() == 0 and Person.objects.count() == 0
    accept_candidate(candidate=found, user=None, data={"year": 2019})
    visit = Visit.objects.get()
    assert (visit.date_iso, visit.date_precision) == ("2019", "year")


def test_a_project_becomes_a_programme_and_its_dated_activities_join_it():
    document = DocumentFactory()
    project = candidate(
        CandidateKind.ORGANISATION,
        organisation(
            "Baltic Eco Cities Project",
            acronym="BEC-LINK",
            type="project",
            topics=["urbanisation"],
            description="It links Polish and Chinese cities.",
        ),
        document,
    )
    labs = [
        candidate(
            CandidateKind.EVENT,
            {
                "name": f"Inter-city lab on {theme}",
                "start": "2017",
                "place": None,
                "organisers": ["BEC-LINK project"],
                "topics": [topic],
            },
            document,
        )
        for theme, topic in (("green buildings", "green-buildings"), ("water", "water"))
    ]
    training = candidate(
        CandidateKind.EVENT,
        {
            "name": "Training on municipal green finance",
            "start": "2018",
            "organisers": ["BEC-LINK"],
            "topics": ["finance"],
        },
        document,
    )
    done, errors = review_in_bulk(
        candidates=[training, *labs, project], decision="accept", user=None
    )
    assert (done, errors) == (4, [])
    programme = Programme.objects.get()
    assert (programme.name, programme.acronym, programme.kind) == (
        "Baltic Eco Cities Project",
        "BEC-LINK",
        "city",
    )
    assert Organisation.objects.count() == 0 and Event.objects.count() == 0
    activities = {
        (a.name, a.kind, a.year, tuple(a.topics.values_list("slug", flat=True)))
        for a in Activity.objects.filter(programme=programme)
    }
    assert activities == {
        ("Inter-city lab on green buildings", "lab", 2017, ("green-buildings",)),
        ("Inter-city lab on water", "lab", 2017, ("water",)),
        ("Training on municipal green finance", "training", 2018, ("finance",)),
    }


def test_a_text_over_200000_characters_is_refused_before_extraction_and_nothing_is_stored():
    text = "Green Hills Society works on water. " * 6000
    with pytest.raises(IngestError, match=r"more than the 200,000 read at once"):
        store_document(data=text.encode(), filename="long.txt")
    assert Document.objects.count() == 0 and Candidate.objects.count() == 0
