import datetime
import io

import pytest
from django.contrib.auth import authenticate
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from twinning.demo.data import SAMPLES
from twinning.demo.load import SAMPLE_NOTE, SEED_NOTE, load_demo
from twinning.directory.enums import AffiliationKind
from twinning.directory.models import (
    Affiliation,
    Identifier,
    Organisation,
    Person,
    Position,
    StaffMembership,
)
from twinning.exchanges.actions.reports import FILED_NOTE
from twinning.library.models import Document, Source
from twinning.programmes.enums import ActivityKind, DatePrecision
from twinning.programmes.models import (
    Activity,
    Cohort,
    Event,
    Pair,
    Programme,
    Visit,
    VisitParticipant,
)

pytestmark = pytest.mark.django_db

ALL_MODELS = (
    Organisation,
    Identifier,
    Person,
    Position,
    Affiliation,
    StaffMembership,
    Programme,
    Cohort,
    Pair,
    Activity,
    Event,
    Visit,
    VisitParticipant,
    Document,
    Source,
)

SEED_PAIRS = {
    ("ESSSP", "AFCDUD"): (2017, {"urbanisation", "climate", "waste", "low-carbon"}),
    ("CRES", "EKOenergy"): (2017, {"energy", "climate", "low-carbon"}),
    ("CQGVL", "Legambiente"): (2017, {"water", "agriculture", "energy", "education"}),
    (
        "BlueRibbon Ocean Conservation Association",
        "Focus Association for Sustainable Development",
    ): (2017, {"energy", "climate", "low-carbon", "water"}),
    ("CYCAN", "BUNDjugend Berlin"): (2017, {"water", "urbanisation", "climate", "education"}),
    ("Eco Canton", "Zero Waste Europe"): (2018, {"waste", "climate", "air-quality"}),
}


def organisation(name):
    return (
        Organisation.objects.get(name=name)
        if not name.isupper()
        else Organisation.objects.get(acronym=name)
    )


def test_load_gives_a_programme_sized_directory(demo_counts):
    assert Organisation.objects.count() >= 60
    assert Organisation.objects.exclude(country="").values("country").distinct().count() >= 15
    twinning = Programme.objects.get(name="EU–China NGO Twinning Programme")
    # 2016–2019 come from the programme pages and samples; 2025 and 2026 are the demo calls' cohorts.
    assert sorted(twinning.cohorts.values_list("year", flat=True)) == [
        2016,
        2017,
        2018,
        2019,
        2025,
        2026,
    ]
    assert {cohort.year: cohort.pairs.count() for cohort in twinning.cohorts.all()} == {
        2016: 8,
        2017: 8,
        2018: 9,
        2019: 8,
        2025: 2,
        2026: 0,
    }
    assert Document.objects.count() >= 12
    assert Event.objects.count() >= 20
    assert demo_counts["organisations"] == Organisation.objects.count()
    assert demo_counts["countries"] >= 15


@pytest.mark.parametrize(
    ("names", "expected"), SEED_PAIRS.items(), ids=[f"{a}-{b}" for a, b in SEED_PAIRS]
)
def test_every_seed_pair_exists_with_its_topics(demo_counts, names, expected):
    year, topics = expected
    pair = Pair.objects.get(
        organisation_a=organisation(names[0]), organisation_b=organisation(names[1])
    )
    assert pair.cohort.year == year
    assert pair.cohort.programme.name == "EU–China NGO Twinning Programme"
    assert set(pair.topics.values_list("slug", flat=True)) == topics
    assert pair.focus


def test_second_load_changes_nothing(demo_counts):
    before = {model.__name__: model.objects.count() for model in ALL_MODELS}
    again = load_demo()
    assert {model.__name__: model.objects.count() for model in ALL_MODELS} == before
    assert again["created"] == 0
    assert {k: v for k, v in again.items() if k != "created"} == {
        k: v for k, v in demo_counts.items() if k != "created"
    }


def test_the_delegation_visit_has_its_five_participants(demo_counts):
    visit = Visit.objects.get(date=datetime.date(2023, 11, 28))
    assert visit.host.acronym == "BRRC"
    assert visit.host.country == "TH"
    assert {o.name for o in visit.visitors.all()} == {
        "Chongqing Renewable Energy Society",
        "Chongqing Zhongfen Technology Transfer Center",
        "United Nations Development Programme",
    }
    participants = {
        p.person.name: (p.organisation.acronym if p.organisation else None, p.role, p.is_leader)
        for p in visit.participants.all()
    }
    assert participants == {
        "Dingping Ma": ("CRES", "Secretary General and Senior Engineer", True),
        "Siyu Ma": ("CRES", "Director of the International Department", False),
        "Shiqin Zhao": ("", "Delegate", False),
        "Yi Zhang": ("UNDP", "Delegate", False),
        "Xiaofei Wang": (None, "Delegate", False),
    }
    assert set(
        Position.objects.filter(person__name="Dingping Ma").values_list("title", flat=True)
    ) == {"Secretary General", "Senior Engineer"}


def test_cres_memberships_and_iclei_partners(demo_counts):
    cres = Organisation.objects.get(acronym="CRES")
    assert cres.name_zh == "重庆市可再生能源学会"
    assert cres.founded == 2016
    memberships = Affiliation.objects.filter(organisation=cres, kind=AffiliationKind.MEMBERSHIP)
    assert {a.other.acronym or a.other.name for a in memberships} == {
        "CNIE",
        "CANGO",
        "GEIDCO",
        "National Belt and Road Energy Cooperation Network",
        "CCAN",
        "China-Europe NGO Exchange Project",
    }
    partners = Affiliation.objects.filter(
        organisation__acronym="ICLEI", kind=AffiliationKind.PARTNER
    )
    assert partners.count() == 12
    assert {"CBCSD", "CSUS", "SSTEC", "WWF China"} <= {
        a.other.acronym or a.other.name for a in partners
    }
    assert Position.objects.get(person__name="Nancy Ning").title == "China Relations Officer"


def test_iclei_events_have_years_and_places(demo_counts):
    symposium = Event.objects.get(name="Energy-safe Cities East Asia Expert Symposium")
    assert (symposium.start, symposium.start_precision, symposium.place) == (
        datetime.date(2014, 10, 1),
        DatePrecision.MONTH,
        "Beijing",
    )
    assert [o.acronym for o in symposium.organisers.all()] == ["ICLEI"]
    eco_forum_years = sorted(
        e.start.year for e in Event.objects.filter(name__startswith="Eco-Forum Global")
    )
    assert eco_forum_years == [2010, 2011, 2012, 2013]
    assert (
        Event.objects.filter(name="Annual Meeting of the New Champions", place="Tianjin").count()
        == 2
    )
    assert Event.objects.filter(name__contains="Tianjin Binhai").count() == 4


def test_ec_link_labs_activities_and_key_expert(demo_counts):
    ec_link = Programme.objects.get(acronym="EC-LINK")
    assert ec_link.funder == "European Union"
    labs = ec_link.activities.filter(kind=ActivityKind.LAB, year=2017)
    assert {slug for lab in labs for slug in lab.topics.values_list("slug", flat=True)} == {
        "green-buildings",
        "transport",
        "low-carbon",
        "urbanisation",
        "water",
        "waste",
    }
    assert ec_link.activities.filter(year=2018).count() == 3
    position = Position.objects.get(person__name="Xiaocun Ruan", organisation__acronym="GIZ")
    assert "key expert" in position.title.lower()
    assert Position.objects.filter(
        person__name="Xiaocun Ruan", organisation__name="East West Urban Consultancy"
    ).exists()


def test_eco_canton_report_names_its_authors(demo_counts):
    report = Document.objects.get(title__contains="Eco Canton and Zero Waste Europe")
    assert {p.name for p in report.people.all()} == {"Danuta Chodakowska", "Huang Liying"}
    assert {o.name for o in report.organisations.all()} == {"Eco Canton", "Zero Waste Europe"}
    eco_canton = Organisation.objects.get(name="Eco Canton")
    assert Affiliation.objects.filter(
        organisation=eco_canton,
        other__name="China Zero Waste Alliance",
        kind=AffiliationKind.MEMBERSHIP,
    ).exists()


def test_sample_records_are_flagged_and_seed_records_are_not(demo_counts):
    sample_names = {o.name for o in SAMPLES.organisations}
    assert (
        set(Organisation.objects.filter(is_sample=True).values_list("name", flat=True))
        == sample_names
    )
    assert not Organisation.objects.filter(name__in=sample_names, is_sample=False).exists()
    assert set(Person.objects.filter(is_sample=True).values_list("name", flat=True)) == {
        p.name for p in SAMPLES.people
    }


@pytest.mark.parametrize(
    "model",
    [
        Organisation,
        Person,
        Position,
        Affiliation,
        Programme,
        Pair,
        Activity,
        Event,
        Visit,
        Document,
    ],
)
def test_every_record_says_where_it_came_from(demo_counts, model):
    content_type = ContentType.objects.get_for_model(model)
    sources = {
        s.object_id: (s.method, s.note) for s in Source.objects.filter(content_type=content_type)
    }
    assert set(model.objects.values_list("pk", flat=True)) == set(sources)
    committee = {
        value
        for value in sources.values()
        if value[0] == "person" and value[1].startswith("committee decision, ")
    }
    filed = {("person", FILED_NOTE)} if model is Document else set()  # reports the demo pairs filed
    assert (
        set(sources.values()) - committee
        <= {("import", SEED_NOTE), ("sample", SAMPLE_NOTE)} | filed
    )
    assert len(committee) == (
        1 if model is Pair else 0
    )  # the decided demo call's pairs cite the decision
    if model is Organisation:
        for org in Organisation.objects.all():
            assert sources[org.pk][0] == ("sample" if org.is_sample else "import")


def test_no_duplicate_slugs_or_names(demo_counts):
    for model in (Organisation, Person, Programme, Event, Document):
        duplicates = model.objects.values("slug").annotate(n=Count("pk")).filter(n__gt=1)
        assert list(duplicates) == []
    assert list(Organisation.objects.values("name").annotate(n=Count("pk")).filter(n__gt=1)) == []


def test_library_has_chinese_and_english_documents(demo_counts):
    assert Document.objects.filter(language="zh").count() >= 5
    assert Document.objects.filter(language="en").count() >= 6
    chinese = Document.objects.get(title="公民科学监测空气质量：西安与华沙的合作经验")
    assert "传感器" in chinese.text
    assert {o.country for o in chinese.organisations.all()} == {"CN", "PL"}


def test_demo_accounts(demo_counts):
    coordinator = authenticate(username="coordinator", password="twinning-demo")
    assert coordinator is not None and coordinator.is_coordinator
    applicant = authenticate(username="applicant", password="twinning-demo")
    assert applicant is not None and not applicant.is_staff
    membership = StaffMembership.objects.get(user=applicant)
    assert (membership.organisation.name, membership.is_approved) == ("Eco Canton", True)


def test_progress_goes_to_stdout(db):
    out = io.StringIO()
    load_demo(stdout=out)
    assert out.getvalue().splitlines() == ["Loading seed records…", "Loading sample records…"]


def test_the_open_calls_single_applicants_wait_in_the_pairing_pool(demo_counts):
    cohort = Programme.objects.get(name="EU–China NGO Twinning Programme").cohorts.get(year=2026)
    sides = set(cohort.pool.values_list("side", flat=True))
    assert sides == {"A", "B"} and demo_counts["organisations to pair"] == cohort.pool.count()


def test_the_search_evaluation_corpus_is_part_of_the_demo_library(demo_counts):
    from twinning.library.evaluation import load_corpus

    titles = set(Document.objects.values_list("title", flat=True))
    assert {item["title"] for item in load_corpus()} <= titles
    assert Document.objects.filter(language__startswith="zh").count() >= 14


def test_the_summary_names_calls_and_accounts_once(demo_counts):
    summary = ", ".join(f"{value} {key}" for key, value in demo_counts.items())
    assert "2 calls" in summary and "6 accounts" in summary
    assert "call calls" not in summary and "call accounts" not in summary
