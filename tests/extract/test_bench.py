from evaluation.baseline import baseline_extract
from evaluation.corpus import (
    generate_documents,
    run_benchmark,
    run_countries_benchmark,
    run_relations_benchmark,
    run_tagger_benchmark,
    run_tagger_correct_benchmark,
)


def test_generated_documents_are_deterministic_and_mixed():
    first = generate_documents(8, seed=7)
    assert first == generate_documents(8, seed=7)
    assert [name for name, _text in first[:2]] == ["synthetic-0000.txt", "synthetic-0001.txt"]
    assert "Exchange Topic:" in first[0][1]
    assert "delegation from" in first[1][1]
    assert "Our partners include:" in first[2][1]
    assert "成立于" in first[3][1]


def test_benchmark_entry_has_the_contract_shape():
    entries = run_benchmark(n=12, seed=1)
    assert len(entries) == 1
    entry = entries[0]
    assert set(entry) == {"name", "metric", "value", "unit", "peer", "peer_value", "params"}
    assert (entry["name"], entry["metric"], entry["unit"]) == (
        "extract_documents",
        "throughput",
        "documents/s",
    )
    assert entry["peer"] == "regex baseline (evaluation/baseline.py)"
    assert entry["value"] > 0 and entry["peer_value"] > 0
    assert entry["params"]["documents"] == 12


def test_baseline_reads_names_years_and_pairs_by_plain_patterns():
    records = baseline_extract(
        "Alpha Society was founded in 2001. In 2019 Alpha Society twinned with Beta Network."
    )
    assert [o["name"] for o in records["organisations"]] == ["Alpha Society", "Beta Network"]
    assert records["organisations"][0]["founded"] == 2001
    assert records["partnerships"] == [
        {"a": "Alpha Society", "b": "Beta Network", "kind": "twinning", "topics": [], "year": 2019}
    ]


def test_relations_benchmark_entry_measures_the_component_on_beside_off():
    entries = run_relations_benchmark(n=2, seed=1)
    assert [(e["name"], e["unit"], e["peer"], e["params"]) for e in entries] == [
        (
            "extract_documents_learned_relations",
            "documents/s",
            "the same extractor, learned relations off (rules only)",
            {"documents": 2, "seed": 1, "mode": "add"},
        )
    ]
    assert entries[0]["value"] > 0 and entries[0]["peer_value"] > 0


def test_countries_benchmark_entry_measures_the_chooser_beside_the_rules():
    entries = run_countries_benchmark(n=2, seed=1)
    assert [(e["name"], e["unit"], e["peer"], e["params"]) for e in entries] == [
        (
            "extract_documents_learned_countries",
            "documents/s",
            "the same extractor, rules' countries (TWINNING_COUNTRIES=rules)",
            {"documents": 2, "seed": 1, "mode": "model"},
        )
    ]
    assert entries[0]["value"] > 0 and entries[0]["peer_value"] > 0


def test_tagger_benchmark_entry_measures_the_tagger_on_beside_off():
    entries = run_tagger_benchmark(n=2, seed=1)
    assert [(e["name"], e["unit"], e["peer"], e["params"]) for e in entries] == [
        (
            "extract_documents_organisation_tagger",
            "documents/s",
            "the same extractor, organisation tagger off (rules only)",
            {"documents": 2, "seed": 1, "mode": "add"},
        )
    ]
    assert entries[0]["value"] > 0 and entries[0]["peer_value"] > 0


def test_tagger_correct_benchmark_entry_measures_correct_beside_add():
    entries = run_tagger_correct_benchmark(n=2, seed=1)
    assert [(e["name"], e["unit"], e["peer"], e["params"]) for e in entries] == [
        (
            "extract_documents_organisation_tagger_correct",
            "documents/s",
            "the same extractor, organisation tagger adding names only (TWINNING_ORG_TAGGER=add)",
            {"documents": 2, "seed": 1, "mode": "correct"},
        )
    ]
    assert entries[0]["value"] > 0 and entries[0]["peer_value"] > 0
