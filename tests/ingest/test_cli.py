import pytest

from tests.ingest.test_actions import PROFILE
from twinning.cli import main
from twinning.directory.models import Organisation
from twinning.library.models import Document
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db(transaction=True)


def test_ingest_accept_fills_the_directory_and_a_second_run_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "profile.txt").write_text(PROFILE, encoding="utf-8")
    assert main(["ingest", str(folder), "--accept"]) == 0
    captured = capsys.readouterr()
    first, first_err = captured.out, captured.err
    assert "1 document(s) stored" in first
    assert Organisation.objects.filter(name="Blue Delta Water Alliance").count() == 1
    assert Pair.objects.get().cohort.year == 2019  # the year the page states
    assert first_err == ""
    assert Document.objects.get().source == str(folder / "profile.txt")
    assert main(["ingest", str(folder), "--accept"]) == 0
    assert "0 document(s) stored, 0 candidate(s) queued" in capsys.readouterr().out
    assert Organisation.objects.count() == 2


def test_ingest_reports_unreadable_files_with_exit_status_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["ingest", str(empty)]) == 2
    assert "empty.txt: file is empty" in capsys.readouterr().err
    assert Document.objects.count() == 0


# Pages modelled on the seed pages (their facts, our sentences).
VISIT_PAGE = """Delegation visit to the Belt and Road Research Center

On November 28th, 2023 – Delegates of Chongqing Renewable Energy Society visited the Asian Institute of Technology Belt and Road Research Center (BRRC). Leading the group was Mr. Dingping Ma, Secretary General of Chongqing Renewable Energy Society; with him came Mr. Siyu Ma, Director of International Department of Chongqing Renewable Energy Society, Mr. Shiqin Zhao from Chongqing Zhongfen Technology Transfer Center, Ms. Yi Zhang from UNDP and Mr. Xiaofei Wang.

Both sides talked about joint seminars on renewable energy, energy efficiency trainings and low-carbon technology research in Southeast Asia.
"""

PROGRAMME_PAGE = """Europe-China Eco Cities Link Project

The Europe-China Eco Cities Link Project (EC-LINK) is a project paid for by the European Union that helps Chinese cities learn from European cities on sustainable urbanisation.

In 2017, the EC-LINK project organised inter-city labs in several pilot cities on the themes of green buildings, green transport and sustainable water management.

In 2018, the EC-LINK project works on the following activities: a green building training for small cities, pilot city cooperation on flood prevention, and a training on municipal green finance.
"""


def test_ingest_accept_keeps_a_visit_with_its_day_people_roles_organisations_and_topics(
    tmp_path, capsys
):
    from twinning.programmes.models import Visit

    page = tmp_path / "visit.txt"
    page.write_text(VISIT_PAGE, encoding="utf-8")
    assert main(["ingest", str(page), "--accept"]) == 0
    visit = Visit.objects.get()
    assert (visit.date_iso, visit.host.name) == (
        "2023-11-28",
        "Asian Institute of Technology Belt and Road Research Center",
    )
    assert set(visit.visitors.values_list("name", flat=True)) == {
        "Chongqing Renewable Energy Society",
        "Chongqing Zhongfen Technology Transfer Center",
        "UNDP",
    }
    people = {
        (p.person.name, p.role, p.organisation.name if p.organisation else None, p.is_leader)
        for p in visit.participants.select_related("person", "organisation")
    }
    assert people == {
        ("Dingping Ma", "Secretary General", "Chongqing Renewable Energy Society", True),
        (
            "Siyu Ma",
            "Director of International Department",
            "Chongqing Renewable Energy Society",
            False,
        ),
        ("Shiqin Zhao", "", "Chongqing Zhongfen Technology Transfer Center", False),
        ("Yi Zhang", "", "UNDP", False),
        ("Xiaofei Wang", "", None, False),
    }
    assert {"renewable-energy", "energy-efficiency", "low-carbon"} <= set(
        visit.topics.values_list("slug", flat=True)
    )


def test_ingest_accept_makes_a_project_a_programme_with_its_activities_by_year(tmp_path):
    from twinning.programmes.models import Activity, Programme

    page = tmp_path / "ec-link.txt"
    page.write_text(PROGRAMME_PAGE, encoding="utf-8")
    assert main(["ingest", str(page), "--accept"]) == 0
    programme = Programme.objects.get()
    assert (programme.acronym, programme.kind) == ("EC-LINK", "city")
    assert not Organisation.objects.filter(acronym="EC-LINK").exists()
    activities = {(a.year, a.kind, a.name) for a in Activity.objects.filter(programme=programme)}
    assert activities == {
        (2017, "lab", "Inter-city lab: green buildings"),
        (2017, "lab", "Inter-city lab: green transport"),
        (2017, "lab", "Inter-city lab: sustainable water management"),
        (2018, "training", "Green building training for small cities"),
        (2018, "workshop", "Pilot city cooperation on flood prevention"),
        (2018, "training", "Training on municipal green finance"),
    }
    lab = Activity.objects.get(name="Inter-city lab: green buildings")
    assert list(lab.topics.values_list("slug", flat=True)) == ["green-buildings"]
