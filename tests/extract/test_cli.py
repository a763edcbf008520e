import json
from pathlib import Path

from twinning.cli import main

DATA = Path(__file__).with_name("data")
GOLD = Path(__file__).with_name("gold") / "own.json"


def test_extract_json_has_the_contract_shape(capsys):
    assert main(["extract", str(DATA / "twinning_pair.txt"), "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert list(output) == ["organisations", "partnerships", "events", "people"]
    assert output["organisations"][0] == {
        "name": "Shenzhen Mangrove Guardians",
        "acronym": None,
        "country": "CN",
        "city": "Shenzhen",
        "founded": 2013,
        "type": "ngo",
        "topics": ["environment", "education"],
    }
    assert output["people"] == [
        {"name": "Sophie de Vries", "role": None, "organisation": None},
        {"name": "Zhou Ming", "role": None, "organisation": None},
    ]


def test_extract_merges_several_files_into_one_object(capsys):
    assert (
        main(["extract", str(DATA / "pair_lines.txt"), str(DATA / "partners.csv"), "--json"]) == 0
    )
    output = json.loads(capsys.readouterr().out)
    assert len(output["organisations"]) == 8
    assert len(output["partnerships"]) == 4


def test_unreadable_file_exits_2_with_one_line_and_no_json(capsys, tmp_path):
    assert (
        main(["extract", str(DATA / "pair_lines.txt"), str(tmp_path / "missing.pdf"), "--json"])
        == 2
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"twinning extract: {tmp_path / 'missing.pdf'}: no such file\n"


def test_extract_without_json_prints_tables(capsys):
    assert main(["extract", str(DATA / "press_release.txt")]) == 0
    output = capsys.readouterr().out
    assert "Organisations (2)" in output
    assert "Hangzhou Zero Waste Alliance" in output
    assert "People (2)" in output


def test_eval_extract_prints_scores_per_field(capsys):
    assert (
        main(
            [
                "eval-extract",
                str(GOLD),
                str(DATA / "pair_lines.txt"),
                str(DATA / "press_release.txt"),
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["field", "precision", "recall", "f1", "tp", "pred", "gold"]
    assert lines[1].split() == ["organisations", "1.000", "1.000", "1.000", "6", "6", "6"]
    assert lines[4].split() == ["pairs", "1.000", "1.000", "1.000", "4", "4", "4"]
    assert lines[7].split()[0] == "overall"
    # The same run, per language and for the regex baseline.
    assert lines[9] == "F1 per language: Twinning / regex baseline (same run)"
    assert lines[10].split() == ["field", "en", "(n)"]
    assert lines[19] == "regex baseline (same run)"
    assert lines[-1].split()[0] == "overall"


def test_eval_extract_json_and_unknown_file(capsys, tmp_path):
    assert main(["eval-extract", str(GOLD), str(DATA / "pair_lines.txt"), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["pairs"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "true_positives": 2,
        "predicted": 2,
        "expected": 2,
    }
    other = tmp_path / "other.txt"
    other.write_text("Alpha Society, France", encoding="utf-8")
    assert main(["eval-extract", str(GOLD), str(other)]) == 2
    assert capsys.readouterr().err == "twinning eval-extract: other.txt is not in the gold file\n"
