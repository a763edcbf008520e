"""The public network by kind as CSV, XLSX and JSON: from the demo, into an empty database
through `twinning import`, and out again unchanged; nothing unpublished leaves publicly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import OrganisationFactory, PairFactory, UserFactory
from tests.installation import python_in
from twinning.cli import main
from twinning.directory.models import Identifier
from twinning.exchange.export import records
from twinning.exchange.kinds import BY_NAME
from twinning.exchange.public import NETWORK_KINDS

pytestmark = pytest.mark.django_db
FORMATS = ("csv", "xlsx", "json")


@pytest.fixture(scope="module")
def demo_exports(demo_installation, tmp_path_factory) -> Path:
    """Every network kind of the demo in every format, as `twinning export --kind --public`."""
    folder = tmp_path_factory.mktemp("network")
    steps = [
        ["export", "--kind", kind, "--format", fmt, "--public", "-o", str(folder / f"{kind}.{fmt}")]
        for kind in NETWORK_KINDS
        for fmt in FORMATS
    ]
    done = python_in(
        demo_installation,
        f"from twinning.cli import main\nfor step in {steps!r}:\n    assert main(step) == 0, step",
    )
    assert done.returncode == 0, done.stderr
    return folder


def _section(path: Path, kind: str) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], list(data)[3:]) == ("twinning-exchange", 1, [kind])
    return data[kind]


def test_every_kind_round_trips_through_csv_and_then_xlsx_and_json_change_nothing(
    demo_exports, capsys
):
    exported = {kind: _section(demo_exports / f"{kind}.json", kind) for kind in NETWORK_KINDS}
    # The seed pages give no registry numbers, so the demo has no identifiers.
    assert [kind for kind, rows in exported.items() if not rows] == ["identifiers"]
    assert (demo_exports / "organisations.csv").read_bytes().startswith(b"\xef\xbb\xbfslug,")
    for kind in NETWORK_KINDS:
        assert main(["import", str(demo_exports / f"{kind}.csv")]) == 0
        count = len(exported[kind])
        assert f"{kind}: {count} created, 0 updated, 0 unchanged\n" in capsys.readouterr().out
    for kind in NETWORK_KINDS:
        assert list(records(BY_NAME[kind])) == exported[kind], kind
    for fmt in ("xlsx", "json"):
        for kind in NETWORK_KINDS:
            assert main(["import", str(demo_exports / f"{kind}.{fmt}")]) == 0
            count = len(exported[kind])
            out = capsys.readouterr().out
            assert f"{kind}: 0 created, 0 updated, {count} unchanged\n" in out, (fmt, kind)


def test_the_seed_facts_travel_with_their_cities(demo_exports):
    activities = {
        record["name"]: record
        for record in _section(demo_exports / "activities.json", "activities")
    }
    lab = activities["Inter-city lab: green buildings"]
    assert (lab["country"], lab["cities"], lab["place"]) == ("CN", [], "Chinese pilot cities")
    events = _section(demo_exports / "events.json", "events")
    symposium = next(
        e for e in events if e["name"] == "Energy-safe Cities East Asia Expert Symposium"
    )
    assert (symposium["locality"], symposium["organisers"]) == (
        "beijing-cn",
        ["iclei-local-governments-for-sustainability-iclei"],
    )
    people = _section(demo_exports / "people.json", "people")
    assert people and all("consent_source" not in person for person in people)


def _hidden_network():
    shown = OrganisationFactory(slug="shown", name="Shown Society", country="FR")
    hidden = OrganisationFactory(slug="hidden", name="=HYPERLINK(1)", is_published=False)
    Identifier.objects.create(organisation=hidden, scheme="GB-CHC", value="1234567")
    PairFactory(organisation_a=shown, organisation_b=hidden)
    return shown, hidden


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_api_exports_nothing_unpublished_to_visitors(client, fmt):
    _hidden_network()
    for kind in ("organisations", "identifiers", "pairs"):
        response = client.get(f"/api/export/{kind}.{fmt}")
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="{kind}.{fmt}"'
        body = b"".join(response.streaming_content)
        assert b"hidden" not in body and b"1234567" not in body
    organisations = b"".join(client.get("/api/export/organisations.csv").streaming_content)
    assert organisations.decode("utf-8").splitlines()[1].startswith("shown,Shown Society,")


def test_a_coordinator_exports_unpublished_records_with_formulas_neutralised(client):
    _hidden_network()
    client.force_login(UserFactory(is_staff=True))
    body = b"".join(client.get("/api/export/organisations.csv").streaming_content).decode()
    assert "hidden,'=HYPERLINK(1)," in body
    pairs = json.loads(b"".join(client.get("/api/export/pairs.json").streaming_content))
    assert [pair["organisation_b"] for pair in pairs["pairs"]] == ["hidden"]


def test_the_public_command_line_export_leaves_out_unpublished_records(tmp_path, capsys):
    _hidden_network()
    target = tmp_path / "identifiers.json"
    assert main(["export", "--kind", "identifiers", "--public", "-o", str(target)]) == 0
    assert _section(target, "identifiers") == []
    assert main(["export", "--kind", "identifiers", "-o", str(target)]) == 0
    assert _section(target, "identifiers") == [
        {"scheme": "GB-CHC", "value": "1234567", "organisation": "hidden"}
    ]


def test_the_whole_network_document_imports_as_it_is(client):
    shown, _ = _hidden_network()
    data = json.loads(b"".join(client.get("/api/export/network.json").streaming_content))
    assert list(data)[3:] == list(NETWORK_KINDS)
    assert [o["slug"] for o in data["organisations"]] == ["shown"]
    assert data["pairs"] == []


def test_the_kind_names_the_cli_offers_are_the_exchange_kinds():
    from twinning.exchange.kinds import KINDS
    from twinning.exchange.names import KIND_NAMES

    assert list(KIND_NAMES) == [kind.name for kind in KINDS]
