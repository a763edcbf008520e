"""Ranking and facet rules of the engine chosen by leave-one-set-out over the development sets a-g.

    PYTHONPATH=src .venv/bin/python evaluation/search/fusion_loso.py --cache /tmp/fusion-loso

Each set is one fold: a-d are the queries of `queries.tsv` (tuning and frozen) whose answers lie in
that pages file, ranked over pages a-d together; e is `blind-e` over pages a-e; f is `queries_f.tsv`
over pages_f; g is `queries_g.tsv` over pages_g (as the ledger's runs). Each library is built once
in a fresh SQLite file by the engine's own indexing (USE, vectors cached in `<cache>/vectors.pkl`),
and for every query the engine's own candidate lists (words, nearest paragraphs, nearest whole
records, no margin) are kept, beside the engine's default ranking and plain whole-page USE from the
same run. Every candidate rule is then scored through the engine's own `rank_records`; for each
held-out set the rule is chosen on the other six (their queries pooled) and scored on the seventh.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - the evaluation runner beside this file

HERE = run.HERE
LIBRARIES = {
    "abcd": [HERE / f"pages_{part}.json" for part in "abcd"],
    "abcde": [HERE / f"pages_{part}.json" for part in "abcde"],
    "f": [HERE / "pages_f.json"],
    "g": [HERE / "pages_g.json"],
}
SETS = {"a": "abcd", "b": "abcd", "c": "abcd", "d": "abcd", "e": "abcde", "f": "f", "g": "g"}
# The engine as it was before ADR 0031 (rank fusion of the margin-cut lists).
BEFORE = {"MEANING_FUSION": "rrf", "MEANING_MARGIN": 0.2, "FOUND_MARGIN": None}


def set_queries(name: str) -> list[dict]:
    """The judged queries of one development set."""
    if name in "abcd":
        origin = {
            page["id"]: part
            for part in "abcd"
            for page in run.load_pages([HERE / f"pages_{part}.json"])
        }
        chosen = []
        for query in run.load_queries("all"):
            if query["split"] in ("tuning", "frozen"):
                answers = [p for p, g in query["relevant"].items() if g == 2] or list(
                    query["relevant"]
                )
                if Counter(origin[p] for p in answers).most_common(1)[0][0] == name:
                    chosen.append(query)
        return chosen
    if name == "e":
        return run.load_queries("blind-e")
    return run.load_queries("all", HERE / f"queries_{name}.tsv")


class CachedEmbedder:
    """The USE embedder with its vectors kept in a pickle, so each text is embedded once."""

    def __init__(self, path: Path) -> None:
        from twinning.matching.embedding import default_embedder

        self.inner = default_embedder()
        self.dimension = self.inner.dimension
        self.path = path
        self.table: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.table))
        if missing:
            for text, row in zip(missing, np.asarray(self.inner.encode(missing)), strict=True):
                self.table[text] = np.asarray(row, dtype=np.float32)
            self.path.write_bytes(pickle.dumps(self.table))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self.table[t] for t in texts])


def collect(library: str, cache: Path) -> None:
    """Index one library and keep, per query, the engine's candidate lists and the baselines."""
    run.setup(None)
    from twinning.library.search import engine
    from twinning.library.search.embeddings import get_embedder, register_embedder
    from twinning.library.search.indexing import drain_pending
    from twinning.library.search.retrieval import SearchFilters, full_text
    from twinning.library.search.text import query_words

    register_embedder("use", CachedEmbedder(cache / "vectors.pkl"))
    pages = run.load_pages(LIBRARIES[library])
    run.load_into_library(pages)
    drain_pending(embedder="use")
    plain = run.PlainWholePageEmbedding(pages, get_embedder("use"))
    filters = SearchFilters(kind="document", public_only=False)
    defaults = {name: getattr(engine, name) for name in BEFORE if hasattr(engine, name)}
    records = {}
    for name in [name for name, lib in SETS.items() if lib == library]:
        for query in set_queries(name):
            text = query["query"]
            if text in records:
                continue
            for constant in defaults:
                setattr(engine, constant, BEFORE[constant])
            before = run.twinning_ranker("hybrid", "use")(text)
            for constant, value in defaults.items():
                setattr(engine, constant, value)
            now = run.twinning_ranker("hybrid", "use")(text)
            engine.MEANING_MARGIN = None
            lists = engine.ranked_lists(text, filters, mode="hybrid", embedder="use")
            lists["any"] = full_text(query_words(text), filters)
            engine.MEANING_MARGIN = defaults["MEANING_MARGIN"]
            chunks = engine._read_chunks(hit.chunk_id for hits in lists.values() for hit in hits)
            records[text] = {
                "lists": lists,
                "chunks": chunks,
                "plain": plain.rank(text),
                "before": before,
                "engine": now,
            }
    (cache / f"library_{library}.pkl").write_bytes(pickle.dumps(records))
    print(f"library {library}: {len(pages)} pages, {len(records)} queries", flush=True)


Candidate = dict[str, object]
ENGINE_LISTS = ("text", "chunk", "whole")
SHARES = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
BONUSES = (0.0, 0.005, 0.02, 0.03, 0.05, 0.07, 0.1)


def cut(lists: dict, margin: float | None) -> dict:
    """The lists as `ranked_lists` gives them with MEANING_MARGIN = `margin`."""
    kept = {name: lists[name] for name in ENGINE_LISTS if name in lists}
    if margin is None:
        return kept
    for name in ("chunk", "whole"):
        hits = kept.get(name) or []
        kept[name] = [hit for hit in hits if hit.score >= hits[0].score - margin] if hits else []
    return kept


def ranking(record: dict, text: str, candidate: Candidate) -> list[str]:
    """The engine's own ranking of this query's kept lists under `candidate`'s constants."""
    from twinning.library.search import engine

    settings = {"FOUND_RULE": "either", **candidate}
    settings["RESULTS_WITHIN_FOUND"] = settings["FOUND_MARGIN"] is not None
    margin = settings.pop("cut", None)
    engine.WEIGHTS = {"text": settings.pop("text_weight", 0.5), "chunk": 1.0, "whole": 1.0}
    for name, value in settings.items():
        setattr(engine, name, value)
    scores, best_chunk, _ = engine.rank_records(
        cut(record["lists"], margin), record["chunks"], text
    )
    scores = engine.mixed_kinds(scores)
    order = sorted(scores, key=lambda key: (-scores[key], key))[: run.CUTOFF]
    return [record["chunks"][best_chunk[key]].source.removeprefix("evaluation:") for key in order]


def facet_count(record: dict, text: str, candidate: Candidate) -> int:
    """How many documents `find` counts for this query under `candidate`: found ones and the 10 shown."""
    from twinning.library.search import engine

    ranking(record, text, candidate)  # sets the engine's constants
    engine.FOUND_MARGIN = engine.FOUND_MARGIN if engine.FOUND_MARGIN is not None else 0.2
    engine.RESULTS_WITHIN_FOUND = False
    lists = cut(record["lists"], None)
    scores, _, found = engine.rank_records(lists, record["chunks"], text)
    scores = engine.mixed_kinds(scores)
    shown = sorted(scores, key=lambda key: (-scores[key], key))[: run.CUTOFF]
    return len((found & scores.keys()) | set(shown))


def candidates() -> dict[str, dict[str, Candidate]]:
    """Families of candidate rules: name -> {label: engine constants}."""
    rrf_before: Candidate = {
        "MEANING_FUSION": "rrf",
        "FOUND_MARGIN": None,
        "cut": 0.2,
        "WORDS": "rrf",
    }
    families: dict[str, dict[str, Candidate]] = {
        "engine before (rrf, cut 0.2)": {"before": rrf_before}
    }
    for found in (0.2, 0.15, 0.1, None):
        where = f"found set ({found})" if found is not None else "every candidate"
        summed: dict[str, Candidate] = {}
        for share, weight in itertools.product(SHARES, (0.0, 0.25, 0.5, 1.0)):
            summed[f"sum w={share} text-rrf={weight} found={found}"] = {
                "MEANING_FUSION": "sum",
                "WHOLE_SHARE": share,
                "WORDS": "rrf",
                "text_weight": weight,
                "FOUND_MARGIN": found,
            }
        bonus: dict[str, Candidate] = {}
        for share, amount, scope in itertools.product(SHARES, BONUSES, ("any", "acronym")):
            bonus[f"sum w={share} bonus={amount} for={scope} found={found}"] = {
                "MEANING_FUSION": "sum",
                "WHOLE_SHARE": share,
                "WORDS": "bonus",
                "TEXT_BONUS": amount,
                "TEXT_BONUS_FOR": scope,
                "FOUND_MARGIN": found,
            }
        if found is None:
            families[
                "summed meaning, words as a bonus for acronym queries only, every candidate"
            ] = {
                label: value
                for label, value in bonus.items()
                if value["TEXT_BONUS_FOR"] == "acronym"
            }
        if found in (0.2, None):
            families[f"summed meaning alone, ranked within the {where}"] = {
                label: value for label, value in summed.items() if value["text_weight"] == 0.0
            }
            families[f"summed meaning, words by rrf 0.25-1, ranked within the {where}"] = summed
            families[f"summed meaning, words as a bonus, ranked within the {where}"] = bonus
            families[f"every rule above (the whole procedure), {where}"] = {
                "before": rrf_before,
                **summed,
                **bonus,
            }
        else:
            families[f"summed meaning, words as a bonus, ranked within the {where}"] = bonus
    for found in (0.1, 0.15):
        families[
            f"summed meaning, words as a bonus, ranked within the summed-score found set ({found})"
        ] = {
            f"sum w={share} bonus={amount} for={scope} summed-found={found}": {
                "MEANING_FUSION": "sum",
                "WHOLE_SHARE": share,
                "WORDS": "bonus",
                "TEXT_BONUS": amount,
                "TEXT_BONUS_FOR": scope,
                "FOUND_MARGIN": found,
                "FOUND_RULE": "summed",
            }
            for share, amount, scope in itertools.product(SHARES, BONUSES, ("any", "acronym"))
        }
    return families


def language_group(query: dict) -> str:
    return query["language"] if query["language"] in ("en", "zh", "mixed") else "eu"


def found_counts(records: dict, margins: Sequence[float | None], rule: str = "either") -> dict:
    """Per found-margin: median and largest number of documents counted as found per query."""
    from twinning.library.search import engine

    result = {}
    engine.FOUND_RULE = rule
    for margin in margins:
        engine.FOUND_MARGIN = margin
        counts = [
            len(engine._found(cut(record["lists"], None), record["chunks"]))
            for record in records.values()
        ]
        result[margin] = (float(np.median(counts)), max(counts), float(np.mean(counts)))
    return result


def score_all(cache: Path) -> None:
    """Leave-one-set-out over every family; figures beside plain whole-page USE and the engine before."""
    run.setup(None)
    by_library = {
        name: pickle.loads((cache / f"library_{name}.pkl").read_bytes()) for name in LIBRARIES
    }
    sets = {name: set_queries(name) for name in SETS}
    fixed: dict[str, dict[str, np.ndarray]] = {name: {} for name in SETS}
    for name, queries in sets.items():
        records = by_library[SETS[name]]
        for system in ("plain", "before", "engine"):
            fixed[name][system] = np.array(
                [run.ndcg(records[q["query"]][system], q["relevant"]) for q in queries]
            )
    families = candidates()
    table: dict[str, dict[str, np.ndarray]] = {name: {} for name in SETS}
    for members in families.values():
        for label, candidate in members.items():
            if label in table["a"]:
                continue
            for name, queries in sets.items():
                records = by_library[SETS[name]]
                table[name][label] = np.array(
                    [
                        run.ndcg(ranking(records[q["query"]], q["query"], candidate), q["relevant"])
                        for q in queries
                    ]
                )
    check = [
        (name, q["query"])
        for name, queries in sets.items()
        for q, a, b in zip(queries, table[name]["before"], fixed[name]["before"], strict=True)
        if abs(a - b) > 1e-9
    ]
    print(f"engine before, offline vs end to end: {len(check)} queries differ {check[:3]}")
    print("\nper set, no choice made (nDCG@10):")
    for system in ("plain", "before", "engine"):
        row = [fixed[name][system].mean() for name in SETS]
        print(f"  {system:<44}" + " ".join(f"{v:.3f}" for v in row) + f"  mean={np.mean(row):.3f}")
    for family, members in families.items():
        loso(family, list(members), sets, table, fixed)
    print("\nbest fixed candidates by mean over the seven sets (reading only, not held out):")
    names = list(table["a"])
    best = sorted(names, key=lambda k: -np.mean([table[s][k].mean() for s in SETS]))
    for label in best[:15]:
        row = [table[s][label].mean() for s in SETS]
        print(f"  {label:<44}" + " ".join(f"{v:.3f}" for v in row) + f"  mean={np.mean(row):.3f}")
    print("\nthe word side at the chosen share (w=0.5), fixed, every candidate, per set:")
    for label in (
        "sum w=0.5 text-rrf=0.0 found=None",
        "sum w=0.5 bonus=0.005 for=any found=None",
        "sum w=0.5 bonus=0.07 for=acronym found=None",
        "sum w=0.5 bonus=0.07 for=any found=None",
        "sum w=0.5 text-rrf=0.5 found=None",
    ):
        row = [table[s][label].mean() for s in SETS]
        print(f"  {label:<44}" + " ".join(f"{v:.3f}" for v in row) + f"  mean={np.mean(row):.3f}")
    final = families["every rule above (the whole procedure), every candidate"]
    pooled = {k: np.concatenate([table[s][k] for s in SETS]) for k in final}
    choice = max(final, key=lambda k: round(float(pooled[k].mean()), 6))
    print(
        f"\nchosen on all seven sets (the default): {choice} ({pooled[choice].mean():.3f} pooled)"
    )
    for library, records in by_library.items():
        counts = [facet_count(record, text, final[choice]) for text, record in records.items()]
        print(
            f"  facet count of documents (found within 0.2 on either side, and the 10 shown), "
            f"library {library}: median {np.median(counts):.0f}, largest {max(counts)}, "
            f"mean {np.mean(counts):.1f}"
        )
    print("\ndocuments counted as found per query (median / largest / mean), by FOUND_MARGIN:")
    for library, records in by_library.items():
        for rule, margins in (
            ("either", (0.1, 0.15, 0.2, 0.3, None)),
            ("summed", (0.05, 0.1, 0.15)),
        ):
            counts = found_counts(records, margins, rule)
            print(
                f"  library {library}, {rule}: "
                + "  ".join(f"{m}: {c[0]:.0f}/{c[1]}/{c[2]:.1f}" for m, c in counts.items())
            )


def loso(family: str, names: list[str], sets: dict, table: dict, fixed: dict) -> None:
    """Choose among `names` on six sets (queries pooled), score the seventh, beside the baselines."""
    print(f"\nleave-one-set-out: {family} ({len(names)} choices)")
    held, groups = [], defaultdict(lambda: defaultdict(list))
    for out in sets:
        train = {k: np.concatenate([table[s][k] for s in sets if s != out]) for k in names}
        choice = max(names, key=lambda k: round(float(train[k].mean()), 6))
        held.append(table[out][choice].mean())
        for i, query in enumerate(sets[out]):
            group = language_group(query)
            groups[group]["held"].append(table[out][choice][i])
            for system in ("plain", "before"):
                groups[group][system].append(fixed[out][system][i])
        print(
            f"  held-out {out}: chose {choice} (six sets {train[choice].mean():.3f}); "
            f"{table[out][choice].mean():.3f} | plain {fixed[out]['plain'].mean():.3f} "
            f"before {fixed[out]['before'].mean():.3f}"
        )
    plain = [fixed[s]["plain"].mean() for s in sets]
    before = [fixed[s]["before"].mean() for s in sets]
    print(
        f"  mean of seven held-out: {np.mean(held):.3f} | plain {np.mean(plain):.3f} before {np.mean(before):.3f}"
    )
    for group in sorted(groups):
        values = groups[group]
        print(
            f"  language={group:<6} n={len(values['held']):>3}: {np.mean(values['held']):.3f} | "
            f"plain {np.mean(values['plain']):.3f} before {np.mean(values['before']):.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="a directory for the kept lists")
    parser.add_argument("--collect", choices=list(LIBRARIES), help=argparse.SUPPRESS)
    parser.add_argument("--recollect", action="store_true", help="index the libraries again")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.collect:
        collect(args.collect, args.cache)
        return 0
    for library in LIBRARIES:
        if args.recollect or not (args.cache / f"library_{library}.pkl").exists():
            command = [sys.executable, __file__, "--cache", str(args.cache), "--collect", library]
            subprocess.run(command, check=True)
    score_all(args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
