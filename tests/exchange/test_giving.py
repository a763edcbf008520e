"""360Giving JSON of what a programme awards: every grant carries the standard's required
fields; visitors see only grants to published pairs and never placements."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import CohortFactory, OrganisationFactory, PairFactory, UserFactory
from twinning.cli import main
from twinning.directory.models import Identifier
from twinning.exchange.giving import REQUIRED
from twinning.exchanges.models import Placement
from twinning.programmes.actions import ProgrammeError, set_programme_grants

pytestmark = pytest.mark.django_db
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def assert_valid_360giving(document):
    """The required fields of the 360Giving standard, with the types its schema gives them."""
    assert set(document) == {"grants"}
    identifiers = [grant["identifier"] for grant in document["grants"]]
    assert len(identifiers) == len(set(identifiers))
    for grant in document["grants"]:
        assert set(REQUIRED) <= set(grant), grant
        assert grant["identifier"].startswith("360G-")
        for text in ("title", "description"):
            assert isinstance(grant[text], str) and grant[text].strip()
        assert re.fullmatch(r"[A-Z]{3}", grant["currency"])
        assert isinstance(grant["amountAwarded"], int | float) and grant["amountAwarded"] >= 0
        assert ISO_DATE.match(grant["awardDate"])
        for party in ("recipientOrganization", "fundingOrganization"):
            assert isinstance(grant[party], list) and len(grant[party]) == 1
            assert {"id", "name"} <= set(grant[party][0])
            assert all(isinstance(grant[party][0][key], str) for key in ("id", "name"))
        for dates in grant.get("plannedDates", []):
            assert ISO_DATE.match(dates["startDate"]) and ISO_DATE.match(dates["endDate"])


@pytest.fixture
def programme():
    cohort = CohortFactory(
        year=2018, programme__slug="twinning", programme__name="NGO Twinning", programme__funder="European Union"
    )  # fmt: skip
    europe = OrganisationFactory(slug="zwe", name="Zero Waste Europe", country="BE")
    china = OrganisationFactory(slug="eco-canton", name="Eco Canton", country="CN")
    Identifier.objects.create(organisation=europe, scheme="BE-BCE_KBO", value="0123456789")
    pair = PairFactory(cohort=cohort, organisation_a=europe, organisation_b=china, focus="Waste.")
    hidden = OrganisationFactory(slug="hidden", is_published=False)
    PairFactory(cohort=cohort, organisation_a=europe, organisation_b=hidden)
    fellow = UserFactory()
    Placement.objects.create(
        pair=pair, fellow=fellow, home=europe, host=china, direction="a_to_b", city="Guangzhou",
        planned_start=datetime.date(2018, 9, 1), planned_end=datetime.date(2018, 9, 30),
        host_contact_name="Host", work_plan="Plan.",
    )  # fmt: skip
    set_programme_grants(
        actor=UserFactory(is_staff=True),
        programme=cohort.programme,
        currency="eur",
        per_partner=Decimal("5000"),
        per_placement=Decimal("1500.50"),
    )
    return cohort.programme


def test_visitors_get_the_grants_to_published_pairs_in_360giving_form(client, programme):
    document = client.get("/api/programmes/twinning/360giving").json()
    assert_valid_360giving(document)
    grants = document["grants"]
    assert [(g["recipientOrganization"][0]["id"], g["amountAwarded"]) for g in grants] == [
        ("BE-BCE_KBO-0123456789", 5000),
        ("360G-twinning-org-eco-canton", 5000),
    ]
    first = grants[0]
    assert first["title"] == "NGO Twinning 2018: Zero Waste Europe with Eco Canton"
    assert (first["currency"], first["description"]) == ("EUR", "Waste.")
    assert first["fundingOrganization"] == [
        {"id": "360G-twinning-funder-european-union", "name": "European Union"}
    ]
    assert first["recipientOrganization"][0]["addressCountry"] == "Belgium"
    assert "hidden" not in json.dumps(document)


def test_coordinators_also_get_placements_with_their_dates(client, programme):
    client.force_login(UserFactory(is_staff=True))
    document = client.get("/api/programmes/twinning/360giving").json()
    assert_valid_360giving(document)
    placement = document["grants"][-1]
    assert len(document["grants"]) == 5  # two pairs' partners, one placement
    assert placement["amountAwarded"] == 1500.5
    assert placement["plannedDates"] == [{"startDate": "2018-09-01", "endDate": "2018-09-30"}]
    assert placement["recipientOrganization"][0]["name"] == "Eco Canton"


def test_the_command_line_writes_the_same_and_sets_grants(programme, tmp_path, capsys):
    target = tmp_path / "grants.json"
    assert main(["export-360giving", "twinning", "--public", "-o", str(target)]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert_valid_360giving(document)
    assert len(document["grants"]) == 2
    assert main(["set-grants", "twinning", "--currency", "E1", "--per-partner", "10"]) == 2
    assert "three letters" in capsys.readouterr().err
    assert main(["export-360giving", "nowhere"]) == 2


def test_only_coordinators_set_grants_and_a_refusal_changes_nothing(programme):
    with pytest.raises(PermissionDenied):
        set_programme_grants(actor=UserFactory(), programme=programme, currency="USD")
    with pytest.raises(ProgrammeError):
        set_programme_grants(
            actor=UserFactory(is_staff=True),
            programme=programme,
            currency="",
            per_partner=Decimal(1),
        )
    programme.refresh_from_db()
    assert (programme.currency, programme.grant_per_partner) == ("EUR", Decimal("5000.00"))


def test_a_programme_without_grants_publishes_none(client):
    CohortFactory(programme__slug="quiet")
    assert client.get("/api/programmes/quiet/360giving").json() == {"grants": []}
    assert client.get("/api/programmes/nowhere/360giving").status_code == 404
