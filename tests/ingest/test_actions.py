import pytest

from tests.factories import OrganisationFactory, UserFactory
from twinning.directory.models import Affiliation, Organisation, Person, Position
from twinning.ingest.actions import (
    IngestError,
    accept_candidate,
    extract,
    merge_candidate,
    queue_candidates,
    reject_candidate,
    review_in_bulk,
    store_document,
)
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.models import Candidate
from twinning.library.models import Document, Source
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db

PROFILE = """Twinning partners of the 2019 cohort

Blue Delta Water Alliance (BDWA), Netherlands

Blue Delta Water Alliance is a non-profit network founded in 1998 in Rotterdam. It trains municipal staff on flood prevention and river restoration.

Hunan Wetland Guardians, China

Hunan Wetland Guardians is a grassroots NGO established in 2009 in Changsha that monitors lake pollution and runs wetland education for schools.

Exchange Topic: Water, Biodiversity, Education
"""


def ingest(text: str, name: str = "profile.txt"):
    stored = store_document(data=text.encode("utf-8"), filename=name, source=f"/data/{name}")
    created = queue_candidates(document=stored.document, result=extract(stored.document))
    return stored.document, created


def test_ingest_queues_candidates_with_their_sentences():
    document, created = ingest(PROFILE)
    names = set(
        Candidate.objects.filter(kind=CandidateKind.ORGANISATION).values_list(
            "data__name", flat=True
        )
    )
    assert {"Blue Delta Water Alliance", "Hunan Wetland Guardians"} <= names
    assert created == Candidate.objects.count()
    assert document.source == "/data/profile.txt"
    bdwa = Candidate.objects.get(
        kind=CandidateKind.ORGANISATION, data__name="Blue Delta Water Alliance"
    )
    assert bdwa.data["founded"] == 1998 and bdwa.data["country"] == "NL"
    assert bdwa.evidence == "Blue Delta Water Alliance (BDWA), Netherlands"
    assert Organisation.objects.count() == 0  # nothing enters the directory unreviewed


def test_same_document_again_changes_nothing_and_a_new_version_adds_only_what_changed():
    document, first = ingest(PROFILE)
    again = store_document(
        data=PROFILE.encode("utf-8"), filename="profile.txt", source="/data/profile.txt"
    )
    assert again.changed is False and Document.objects.count() == 1
    reviewed = Candidate.objects.filter(kind=CandidateKind.ORGANISATION).first()
    reject_candidate(candidate=reviewed, user=None)
    newer = (
        PROFILE
        + "\nAmber Coast Foundation, Poland\n\nAmber Coast Foundation was founded in 2011 in Gdansk and cleans beaches.\n"
    )
    document2, added = ingest(newer)
    assert document2.pk == document.pk and Document.objects.count() == 1
    assert 1 <= added < first + 3
    assert Candidate.objects.filter(data__name="Amber Coast Foundation").count() == 1
    assert Candidate.objects.get(pk=reviewed.pk).status == CandidateStatus.REJECTED


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n  ", "blank.txt", "empty"),
        (b"%PDF-1.4\n%broken", "scan.pdf", "pdf"),
        (b"PK\x03\x04 not really a workbook", "sheet.xlsx", "xlsx"),
        (b"x" * 2048, "big.txt", "larger than"),
    ],
)
def test_bad_files_give_a_clear_message_and_leave_nothing(data, filename, message):
    with pytest.raises(IngestError, match=message):
        store_document(data=data, filename=filename, max_bytes=1024)
    assert Document.objects.count() == 0 and Candidate.objects.count() == 0


def test_accepting_an_organisation_records_the_source_sentence():
    ingest(PROFILE)
    candidate = Candidate.objects.get(
        kind=CandidateKind.ORGANISATION, data__name="Hunan Wetland Guardians"
    )
    user = UserFactory()
    organisation = accept_candidate(
        candidate=candidate, user=user, data={"name": "Hunan Wetland Guardians", "city": "Changsha"}
    )
    assert (organisation.country, organisation.founded, organisation.city) == (
        "CN",
        2009,
        "Changsha",
    )
    source = Source.objects.get(object_id=organisation.pk, content_type__model="organisation")
    assert (
        source.quote == candidate.evidence
        and source.document == candidate.document
        and source.entered_by == user
    )
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ACCEPTED and candidate.result == organisation
    with pytest.raises(IngestError, match="already been reviewed"):
        accept_candidate(candidate=candidate, user=user)


def test_a_known_organisation_is_proposed_for_merge_and_merging_fills_only_gaps():
    existing = OrganisationFactory(
        name="Blue Delta Water Alliance",
        acronym="",
        founded=None,
        country="NL",
        description="Kept as written.",
    )
    ingest(PROFILE)
    candidate = Candidate.objects.get(
        kind=CandidateKind.ORGANISATION, data__name="Blue Delta Water Alliance"
    )
    assert candidate.match == existing and candidate.match_reason == "same name"
    merged = accept_candidate(candidate=candidate, user=None)
    assert (
        merged.pk == existing.pk
        and Organisation.objects.filter(name="Blue Delta Water Alliance").count() == 1
    )
    assert (merged.acronym, merged.founded, merged.description) == (
        "BDWA",
        1998,
        "Kept as written.",
    )
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.MERGED


def test_merge_into_a_chosen_record_keeps_the_written_name_as_another_name():
    target = OrganisationFactory(name="Hunan Wetland Guardian Society")
    ingest(PROFILE)
    candidate = Candidate.objects.get(
        kind=CandidateKind.ORGANISATION, data__name="Hunan Wetland Guardians"
    )
    merge_candidate(candidate=candidate, into=target, user=None)
    target.refresh_from_db()
    assert target.other_names == ["Hunan Wetland Guardians"]


def test_partnership_waits_for_its_organisations_then_becomes_a_pair():
    ingest(PROFILE)
    pair_candidate = Candidate.objects.filter(
        kind=CandidateKind.PARTNERSHIP, data__kind="twinning"
    ).first()
    assert pair_candidate is not None
    with pytest.raises(IngestError, match="Accept or merge these organisations first"):
        accept_candidate(candidate=pair_candidate, user=None)
    assert Pair.objects.count() == 0
    done, errors = review_in_bulk(
        candidates=list(Candidate.objects.all()), decision="accept", user=None
    )
    assert errors == []
    pair = Pair.objects.get()
    assert pair.cohort.year == 2019  # "the 2019 cohort", as the page states
    assert {pair.organisation_a.name, pair.organisation_b.name} == {
        "Blue Delta Water Alliance",
        "Hunan Wetland Guardians",
    }
    assert set(pair.topics.values_list("slug", flat=True)) == {"water", "biodiversity", "education"}


def test_a_pair_whose_page_states_no_year_waits_for_one_and_never_takes_this_year():
    ingest(PROFILE.replace("Twinning partners of the 2019 cohort", "Our twinning partners"))
    done, errors = review_in_bulk(
        candidates=list(Candidate.objects.all()), decision="accept", user=None
    )
    assert errors == [
        "Blue Delta Water Alliance – Hunan Wetland Guardians (twinning): The page states no "
        "cohort year for this pair: enter the year, then accept."
    ]
    assert Pair.objects.count() == 0
    pending = Candidate.objects.get(kind=CandidateKind.PARTNERSHIP)
    assert pending.status == CandidateStatus.PENDING
    accept_candidate(candidate=pending, user=None, data={"year": 2016})
    assert Pair.objects.get().cohort.year == 2016


def test_people_become_positions_in_their_organisation():
    text = (
        "Amber Coast Foundation, Poland\n\nAmber Coast Foundation was founded in 2011 in Gdansk.\n\n"
        "The delegation was led by Ms. Anna Kowalska, Director of Amber Coast Foundation.\n"
    )
    ingest(text, "news.txt")
    review_in_bulk(candidates=list(Candidate.objects.all()), decision="accept", user=None)
    position = Position.objects.select_related("person", "organisation").get()
    assert (position.person.name, position.organisation.name) == (
        "Anna Kowalska",
        "Amber Coast Foundation",
    )
    assert "Director" in position.title
    assert Person.objects.count() == 1


def test_membership_candidates_become_affiliations():
    text = (
        "Green Hills Society (GHS), China\n\nGreen Hills Society was founded in 2005 in Kunming. "
        "GHS is a member of the China Zero Waste Alliance and of the Global Alliance for Incinerator Alternatives.\n"
    )
    ingest(text, "members.txt")
    review_in_bulk(candidates=list(Candidate.objects.all()), decision="accept", user=None)
    assert (
        Affiliation.objects.filter(
            kind="membership", organisation__name="Green Hills Society"
        ).count()
        >= 1
    )


def test_an_organisation_accepted_from_one_document_is_merged_from_the_next():
    first, _ = ingest(PROFILE, "first.txt")
    second, _ = ingest(
        PROFILE.replace("Twinning partners of the 2019 cohort", "Members of the network")
        + "\nMore news.\n",
        "second.txt",
    )
    index_built_before_any_acceptance = list(
        Candidate.objects.filter(document=second, kind=CandidateKind.ORGANISATION)
    )
    review_in_bulk(
        candidates=list(Candidate.objects.filter(document=first)), decision="accept", user=None
    )
    review_in_bulk(candidates=index_built_before_any_acceptance, decision="accept", user=None)
    assert Organisation.objects.filter(name="Blue Delta Water Alliance").count() == 1
    assert set(
        Candidate.objects.filter(document=second, kind=CandidateKind.ORGANISATION).values_list(
            "status", flat=True
        )
    ) == {CandidateStatus.MERGED}


def test_a_document_without_a_short_line_gets_a_readable_title():
    text = "On a grey morning in March 2024 " + "a long sentence about river restoration " * 10
    document, _ = ingest(text, "news.txt")
    assert document.title.startswith("On a grey morning in March 2024") and document.title.endswith(
        "…"
    )
    assert len(document.title) <= 121
