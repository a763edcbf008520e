import json

import pytest

from tests.factories import EventFactory, OrganisationFactory, PairFactory, PositionFactory
from twinning.directory.actions import affiliate
from twinning.directory.models import Identifier
from twinning.programmes.popolo import popolo_network

pytestmark = pytest.mark.django_db


def _network():
    cres = OrganisationFactory(
        name="Chongqing Renewable Energy Society", name_zh="重庆市可再生能源学会",
        acronym="CRES", slug="cres", country="CN", city="Chongqing", founded=2016,
    )  # fmt: skip
    iclei = OrganisationFactory(name="ICLEI", slug="iclei", country="DE", city="Bonn", founded=1990)
    hidden = OrganisationFactory(name="Quiet Society", slug="quiet", is_published=False)
    Identifier.objects.create(organisation=iclei, scheme="DE-VR", value="VR 1234")
    PositionFactory(
        person__name="Nancy Ning", person__slug="nancy-ning", organisation=iclei,
        title="China Relations Officer",
    )  # fmt: skip
    PositionFactory(person__slug="private-person", organisation=iclei, is_public=False)
    PositionFactory(person__slug="hidden-staff", organisation=hidden)
    affiliate(kind="membership", organisation=cres, other=iclei, start_year=2018)
    affiliate(kind="partner", organisation=iclei, other=hidden)
    pair = PairFactory(organisation_a=iclei, organisation_b=cres, cohort__year=2017)
    event = EventFactory(name="EcoProcura China 2014", slug="ecoprocura-2014", place="Beijing")
    event.organisers.add(iclei)
    return pair


def test_popolo_collections_hold_only_what_a_visitor_may_see():
    pair = _network()
    data = popolo_network(None, base_url="https://twinning.example")
    assert [o["id"] for o in data["organizations"]] == ["cres", "iclei", f"pair-{pair.pk}"]
    cres = data["organizations"][0]
    assert cres["other_names"] == [
        {"name": "重庆市可再生能源学会", "note": "zh-Hans"},
        {"name": "CRES", "note": "acronym"},
    ]
    assert (cres["founding_date"], cres["area"], cres["sources"]) == (
        "2016",
        {"name": "Chongqing", "country": "CN"},
        [{"url": "https://twinning.example/organisations/cres/"}],
    )
    assert data["organizations"][1]["identifiers"] == [{"scheme": "DE-VR", "identifier": "VR 1234"}]
    assert data["persons"] == [{"id": "nancy-ning", "name": "Nancy Ning"}]
    roles = [
        (m.get("person_id") or m["member"]["id"], m["organization_id"], m["role"])
        for m in data["memberships"]
    ]
    assert roles == [
        ("nancy-ning", "iclei", "China Relations Officer"),
        ("cres", "iclei", "member"),
        ("iclei", f"pair-{pair.pk}", "twinning partner"),
        ("cres", f"pair-{pair.pk}", "twinning partner"),
    ]
    assert data["events"] == [
        {
            "id": "ecoprocura-2014",
            "name": "EcoProcura China 2014",
            "classification": "event",
            "start_date": "2014-10-01",
            "organization_id": "iclei",
            "location": "Beijing",
            "sources": [{"url": "https://twinning.example/programmes/events/ecoprocura-2014/"}],
        }
    ]


def test_coordinators_get_unpublished_records_too(coordinator):
    _network()
    data = popolo_network(coordinator)
    assert "quiet" in [o["id"] for o in data["organizations"]]
    assert "hidden-staff" in [p["id"] for p in data["persons"]]


def test_popolo_api_endpoint(client):
    _network()
    body = client.get("/api/popolo").json()
    assert sorted(body) == ["events", "memberships", "organizations", "persons"]
    assert body["organizations"][0]["sources"] == [{"url": "http://testserver/organisations/cres/"}]


def test_export_popolo_command(tmp_path, monkeypatch, capsys):
    from twinning.cli import main

    _network()
    monkeypatch.setattr("twinning.cli.setup_django", lambda: None)
    monkeypatch.setenv("TWINNING_SITE_URL", "https://twinning.example/")
    target = tmp_path / "network.json"
    assert main(["export-popolo", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["organizations"][0]["sources"] == [
        {"url": "https://twinning.example/organisations/cres/"}
    ]
    assert main(["export-popolo"]) == 0
    assert json.loads(capsys.readouterr().out) == data


def test_people_who_did_not_consent_stay_out_of_the_public_popolo():
    shown = PositionFactory(person__name="Dingping Ma", person__slug="dingping-ma")
    PositionFactory(
        person__name="No Consent", person__slug="no-consent", person__consent_at=None,
        organisation=shown.organisation,
    )  # fmt: skip
    assert [p["id"] for p in popolo_network(None)["persons"]] == ["dingping-ma"]
