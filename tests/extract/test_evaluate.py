from evaluation.scoring import score_document


def organisation(name, acronym=None, country=None, founded=None):
    return {
        "name": name,
        "acronym": acronym,
        "country": country,
        "city": None,
        "founded": founded,
        "type": None,
        "topics": [],
    }


def test_names_match_by_acronym_or_normalised_name():
    gold = {
        "organisations": [
            organisation("The Green Volunteer League of Chongqing", "CQGVL", "CN", 1995),
            organisation("Zero Waste Europe", None, "BE"),
        ]
    }
    predicted = {
        "organisations": [
            organisation("CQGVL", None, "CN", 1994),
            organisation("zero waste-europe", None, "FR"),
            organisation("Extra Society"),
        ]
    }
    scores = score_document(gold, predicted)
    assert (
        scores["organisations"].true_positives,
        scores["organisations"].predicted,
        scores["organisations"].expected,
    ) == (2, 3, 2)
    assert (
        scores["country"].true_positives,
        scores["country"].predicted,
        scores["country"].expected,
    ) == (1, 2, 2)
    assert (
        scores["founded"].true_positives,
        scores["founded"].predicted,
        scores["founded"].expected,
    ) == (0, 1, 1)
    assert round(scores["organisations"].f1, 3) == 0.8


def test_pairs_match_either_way_round_through_acronyms():
    gold = {
        "organisations": [
            organisation("Chongqing Renewable Energy Society", "CRES"),
            organisation("EKOenergy"),
        ],
        "partnerships": [
            {
                "a": "Chongqing Renewable Energy Society",
                "b": "EKOenergy",
                "kind": "twinning",
                "topics": [],
                "year": None,
            }
        ],
    }
    predicted = {
        "organisations": [organisation("CRES"), organisation("EKOenergy")],
        "partnerships": [
            {"a": "EKOenergy", "b": "CRES", "kind": "twinning", "topics": [], "year": None},
            {"a": "EKOenergy", "b": "CRES", "kind": "visit", "topics": [], "year": None},
        ],
    }
    scores = score_document(gold, predicted)
    assert (
        scores["pairs"].true_positives,
        scores["pairs"].predicted,
        scores["pairs"].expected,
    ) == (1, 2, 1)


def test_people_ignore_name_order_and_events_need_the_year():
    gold = {
        "people": [{"name": "Ma Dingping", "role": None, "organisation": None}],
        "events": [{"name": "World Urban Forum", "start": "2008", "place": None, "organisers": []}],
    }
    predicted = {
        "people": [{"name": "Dingping Ma", "role": None, "organisation": None}],
        "events": [
            {
                "name": "UN-HABITAT World Urban Forum",
                "start": "2008-06",
                "place": None,
                "organisers": [],
            },
            {"name": "World Urban Forum", "start": "2010", "place": None, "organisers": []},
        ],
    }
    scores = score_document(gold, predicted)
    assert scores["people"].true_positives == 1
    assert (scores["events"].true_positives, scores["events"].predicted) == (1, 2)


def test_empty_gold_and_prediction_score_one():
    scores = score_document({}, {"organisations": []})
    assert scores["organisations"].f1 == 1.0


def test_a_refused_document_scores_as_nothing_found_and_is_named(tmp_path):
    import json

    from evaluation.scoring import evaluate_runs

    sheet = tmp_path / "pairs.tsv"
    sheet.write_text("ciudad\tpais\nLugo\tEspaña\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            {
                "pairs.tsv": {
                    "language": "es",
                    "organisations": [organisation("Ayuntamiento de Lugo", country="ES")],
                    "pairs": [],
                    "people": [],
                    "events": [],
                }
            }
        ),
        encoding="utf-8",
    )
    report = evaluate_runs(gold, [str(sheet)])["twinning"]
    assert [line.split(":")[0] for line in report.refused] == ["pairs.tsv"]
    organisations = report.fields["organisations"]
    assert (organisations.true_positives, organisations.predicted, organisations.expected) == (
        0,
        0,
        1,
    )
