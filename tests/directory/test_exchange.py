import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory
from twinning.cli import main
from twinning.directory.models import Organisation

pytestmark = pytest.mark.django_db


def test_csv_export_streams_the_filtered_directory(client):
    OrganisationFactory(name="River Keepers", name_zh="护河者", country="FI", topics=["water"])
    OrganisationFactory(name="Compost Circle", country="IT", topics=["waste"])
    OrganisationFactory(name="Hidden", is_published=False)
    response = client.get(reverse("directory:export", args=["csv"]), {"topic": "water"})
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["name"], row["name_zh"], row["topics"]) for row in rows] == [
        ("River Keepers", "护河者", "water")
    ]


def test_json_export_hides_unpublished_organisations(client):
    OrganisationFactory(name="River Keepers")
    OrganisationFactory(name="Hidden", is_published=False)
    data = json.loads(
        b"".join(client.get(reverse("directory:export", args=["json"])).streaming_content)
    )
    assert [row["name"] for row in data] == ["River Keepers"]


@pytest.mark.django_db(transaction=True)
def test_import_is_all_or_nothing_and_export_round_trips(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(
        "name,country,founded,type,topics\nRiver Keepers,FI,1999,ngo,water;education\n重庆绿色志愿者联合会,CN,1995,ngo,\n",
        encoding="utf-8",
    )
    assert main(["import", str(good)]) == 0
    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "River Keepers",
        "重庆绿色志愿者联合会",
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country,founded\nNew One,DE,2001\n,FR,1990\n", encoding="utf-8")
    assert main(["import", str(bad)]) == 2
    assert "row 3: the name is missing" in capsys.readouterr().err
    assert not Organisation.objects.filter(name="New One").exists()
    out = tmp_path / "out.json"
    assert main(["export", "--format", "json", "--output", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))["organisations"]
    assert {row["name"]: row["topics"] for row in exported}["River Keepers"] == [
        "education",
        "water",
    ]
    xlsx = tmp_path / "out.xlsx"
    assert main(["export", "--format", "xlsx", "--output", str(xlsx)]) == 0
    capsys.readouterr()
    assert main(["import", str(xlsx)]) == 0
    assert Organisation.objects.count() == 2  # matched by slug, not duplicated
    assert capsys.readouterr().out.startswith("organisations: 0 created, 0 updated, 2 unchanged\n")
