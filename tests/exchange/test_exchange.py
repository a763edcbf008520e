"""`twinning export` → `twinning import`: every public-data kind by natural key, idempotent, atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import OrganisationFactory, UserFactory
from tests.installation import twinning
from twinning.cli import main
from twinning.directory.models import Organisation, Person
from twinning.exchange.load import import_exchange
from twinning.exchange.records import ExchangeRefused
from twinning.library.models import Source
from twinning.programmes.models import Pair, Visit

pytestmark = pytest.mark.django_db

KINDS = [
    "cities",
    "organisations",
    "identifiers",
    "people",
    "positions",
    "affiliations",
    "programmes",
    "cohorts",
    "pairs",
    "activities",
    "city_pairs",
    "events",
    "visits",
    "visit_participants",
    "documents",
]


def sections(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data.pop("format"), data.pop("version")) == ("twinning-exchange", 1)
    data.pop("exported_at")
    return data


@pytest.fixture(scope="module")
def demo_export(demo_installation, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exchange") / "demo.json"
    done = twinning(demo_installation, "export", "--output", str(path))
    assert done.returncode == 0, done.stderr
    return path


def test_the_demo_exported_and_imported_elsewhere_exports_the_same(demo_export, tmp_path, capsys):
    exported = sections(demo_export)
    assert list(exported) == KINDS
    assert main(["import", str(demo_export)]) == 0
    out = capsys.readouterr().out
    assert (
        "organisations: 93 created, 0 updated, 0 unchanged" in out
    )  # 92 demo + Lyon Green Lab from the ingested note
    assert "pairs: 35 created, 0 updated, 0 unchanged" in out
    assert "visit_participants: 13 created, 0 updated, 0 unchanged" in out
    assert out.endswith(f"Imported {demo_export}.\n")
    again = tmp_path / "again.json"
    assert main(["export", "--output", str(again)]) == 0
    assert sections(again) == exported
    # Importing the same file again changes nothing and records no new provenance.
    sources = Source.objects.count()
    assert main(["import", str(demo_export)]) == 0
    out = capsys.readouterr().out
    for kind in KINDS:
        count = len(exported[kind])
        assert f"{kind}: 0 created, 0 updated, {count} unchanged\n" in out
    assert Source.objects.count() == sources


def test_slugs_publication_and_sample_flags_survive_the_round_trip(tmp_path, capsys):
    OrganisationFactory(name="Hidden Works", slug="hidden-works-keep", is_published=False)
    OrganisationFactory(name="Invented Org", slug="invented", is_sample=True)
    path = tmp_path / "out.json"
    assert main(["export", "--output", str(path)]) == 0
    Organisation.objects.all().delete()
    assert main(["import", str(path)]) == 0
    assert sorted(Organisation.objects.values_list("slug", "is_published", "is_sample")) == [
        ("hidden-works-keep", False, False),
        ("invented", True, True),
    ]
    source = Source.objects.filter(method="import").first()
    assert source is not None and source.note == "import of out.json"


def test_a_dry_run_reports_changes_and_writes_nothing(tmp_path, capsys):
    OrganisationFactory(name="River Keepers", slug="river-keepers", city="Turku")
    OrganisationFactory(name="Compost Circle", slug="compost-circle")
    path = tmp_path / "changed.json"
    assert main(["export", "--output", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["organisations"][0]["city"] = "Helsinki"
    data["organisations"].append({"name": "Brand New", "country": "FI"})
    data["people"] = [{"slug": "ada", "name": "Ada Lindqvist"}]
    path.write_text(json.dumps(data), encoding="utf-8")
    sources = Source.objects.count()
    capsys.readouterr()
    assert main(["import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "organisations: 1 created, 1 updated, 1 unchanged\n" in out
    assert "people: 1 created, 0 updated, 0 unchanged\n" in out
    assert out.endswith("nothing was written.\n")
    assert Organisation.objects.get(slug="river-keepers").city == "Turku"
    assert Organisation.objects.count() == 2
    assert not Person.objects.exists()
    assert Source.objects.count() == sources


def test_a_bad_record_anywhere_refuses_the_whole_file_with_one_line(tmp_path, capsys):
    OrganisationFactory(name="River Keepers", slug="river-keepers")
    cases = {
        "pair": (
            {
                "format": "twinning-exchange",
                "version": 1,
                "organisations": [{"slug": "new-one", "name": "New One"}],
                "pairs": [
                    {
                        "cohort": ["nowhere", 2019],
                        "organisation_a": "river-keepers",
                        "organisation_b": "new-one",
                    }
                ],
            },
            "pairs[0]: cohort ['nowhere', 2019] is neither in the file nor in the database.",
        ),
        "year": (
            {
                "format": "twinning-exchange",
                "version": 1,
                "organisations": [{"slug": "new-one", "name": "New One", "founded": "soon"}],
            },
            "organisations[0]: founded 'soon'",
        ),
        "topic": (
            {
                "format": "twinning-exchange",
                "version": 1,
                "organisations": [{"name": "New One", "topics": ["no-such-topic"]}],
            },
            "unknown topic(s) no-such-topic",
        ),
        "field": (
            {"format": "twinning-exchange", "version": 1, "people": [{"name": "X", "age": 3}]},
            "people[0]: unknown field(s) age.",
        ),
        "format": ({"organisations": []}, "not a Twinning exchange file"),
    }
    for name, (document, message) in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert main(["import", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert message in err, err
        assert err.endswith("Nothing was imported.\n")
    assert list(Organisation.objects.values_list("slug", flat=True)) == ["river-keepers"]
    assert not Pair.objects.exists() and not Visit.objects.exists()


def test_only_coordinators_may_import_and_a_refusal_changes_nothing(coordinator, member):
    document = {
        "format": "twinning-exchange",
        "version": 1,
        "organisations": [{"slug": "by-member", "name": "By Member"}],
    }
    applicant = UserFactory(username="applicant")
    for actor in (member, applicant):
        with pytest.raises(ExchangeRefused, match="Only coordinators"):
            import_exchange(document, actor=actor)
    assert not Organisation.objects.exists()
    report = import_exchange(document, actor=coordinator, source_name="web.json")
    assert dict(report["organisations"]) == {"created": 1}
    assert Source.objects.get().entered_by == coordinator
