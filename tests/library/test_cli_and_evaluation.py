import json

import pytest

from twinning.cli import main
from twinning.library.actions import add_document
from twinning.library.evaluation import load_queries, ndcg_at, recall_at

pytestmark = pytest.mark.django_db


def test_search_command_catches_up_on_pending_records_and_prints_the_contract_json(capsys):
    document = add_document(
        title="Compost report", text="社区推广垃圾分类和堆肥。", source="seeds/compost.html"
    )
    assert main(["search", "堆肥", "--json", "--type", "document", "--limit", "3"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [{k: r[k] for k in ("type", "id", "title", "source", "snippet")} for r in results] == [
        {
            "type": "document",
            "id": document.slug,
            "title": "Compost report",
            "source": "seeds/compost.html",
            "snippet": "社区推广垃圾分类和堆肥。",
        }
    ]
    assert isinstance(results[0]["score"], float)


def test_search_command_refuses_a_bad_limit(capsys):
    assert main(["search", "x", "--limit", "0"]) == 2
    assert capsys.readouterr().err == "error: --limit must be at least 1\n"


def test_ranking_measures():
    relevant = {"a": 2, "b": 1}
    assert ndcg_at(["a", "b"], relevant) == 1.0
    assert round(ndcg_at(["x", "a"], relevant), 4) == round(3 / 1.5849625 / (3 + 1 / 1.5849625), 4)
    assert recall_at(["x", "b", "y"], relevant) == 0.5


def test_the_labelled_query_set_is_large_enough_and_half_chinese():
    queries = load_queries()
    chinese = [q for q in queries if any("\u4e00" <= ch <= "\u9fff" for ch in q["query"])]
    assert len(queries) >= 40 and len(chinese) * 2 >= len(queries)


def test_multilingual_model_finds_a_chinese_document_for_an_english_query(settings, index):
    """The one test with the real USE model: meaning crosses languages where words cannot."""
    settings.TWINNING_SEARCH_EMBEDDER = "use"
    chinese = add_document(
        title="小区垃圾分类", text="志愿者在投放点指导居民把厨余垃圾和可回收物分开。", language="zh"
    )
    add_document(title="Cycling lanes", text="Protected bike lanes in the city centre.")
    index()
    from twinning.library.search.engine import search

    assert search("household waste separation", mode="text") == []
    assert [hit.id for hit in search("household waste separation")][:1] == [chinese.slug]
