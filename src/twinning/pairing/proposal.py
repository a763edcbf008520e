"""The proposal of a pairing run as a typed record, read from and written to its JSON column.

`PairingRun.result` stores `Proposal.to_json()`; everything that reads a proposal (the pages,
the API, accepting it) goes through `Proposal.from_json`, never through the raw dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "zh")


class ProposalError(ValueError):
    """A stored proposal that does not have the shape `Proposal.to_json` writes."""


def _ids(values: Any, what: str) -> tuple[int, ...]:
    if not isinstance(values, list | tuple):
        raise ProposalError(f"{what} must be a list of organisation ids.")
    try:
        return tuple(int(value) for value in values)
    except (TypeError, ValueError) as error:
        raise ProposalError(f"{what} must be a list of organisation ids.") from error


@dataclass(frozen=True)
class ProposedPair:
    """One proposed pair: organisation ids (side A, side B), score, reasons, alternatives."""

    a: int
    b: int
    score: float
    fixed: bool = False
    reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    alternatives_a: tuple[int, ...] = ()
    alternatives_b: tuple[int, ...] = ()

    @property
    def key(self) -> tuple[int, int]:
        return (self.a, self.b)

    @property
    def value(self) -> str:
        """The pair as the confirm form posts it: "a:b"."""
        return f"{self.a}:{self.b}"

    def reasons_in(self, language: str) -> list[str]:
        """The reasons in `language` ("en" or "zh"), English when that language is missing."""
        return list(self.reasons.get(language) or self.reasons.get("en") or ())

    @classmethod
    def from_json(cls, data: Any) -> ProposedPair:
        if not isinstance(data, Mapping):
            raise ProposalError("A proposed pair must be an object.")
        try:
            a, b, score = int(data["a"]), int(data["b"]), float(data["score"])
        except (KeyError, TypeError, ValueError) as error:
            raise ProposalError(
                "A proposed pair needs integer a, b and a numeric score."
            ) from error
        reasons = data.get("reasons") or {}
        if not isinstance(reasons, Mapping):
            raise ProposalError("A proposed pair's reasons must be an object keyed by language.")
        return cls(
            a=a,
            b=b,
            score=score,
            fixed=bool(data.get("fixed", False)),
            reasons={lang: tuple(str(r) for r in reasons.get(lang, ())) for lang in reasons},
            alternatives_a=_ids(data.get("alternatives_a", []), "alternatives_a"),
            alternatives_b=_ids(data.get("alternatives_b", []), "alternatives_b"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "fixed": self.fixed,
            "reasons": {lang: list(reasons) for lang, reasons in self.reasons.items()},
            "alternatives_a": list(self.alternatives_a),
            "alternatives_b": list(self.alternatives_b),
        }


@dataclass(frozen=True)
class Proposal:
    """What a run proposes: pairs best first, the unmatched, and the stability report."""

    pairs: tuple[ProposedPair, ...] = ()
    unmatched: tuple[int, ...] = ()
    blocking_pairs: int = 0
    blocking_examples: tuple[tuple[int, int, float], ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def keys(self) -> set[tuple[int, int]]:
        return {pair.key for pair in self.pairs}

    def organisation_ids(self) -> set[int]:
        """Every organisation the proposal names: pairs, alternatives and the unmatched."""
        found = set(self.unmatched)
        for pair in self.pairs:
            found.update((pair.a, pair.b, *pair.alternatives_a, *pair.alternatives_b))
        return found

    @classmethod
    def from_json(cls, data: Any) -> Proposal:
        """The proposal stored in a run's JSON; an empty proposal for a run still working."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise ProposalError("A proposal must be an object.")
        pairs = data.get("pairs", [])
        if not isinstance(pairs, list):
            raise ProposalError("A proposal's pairs must be a list.")
        try:
            examples = tuple(
                (int(a), int(b), float(score)) for a, b, score in data.get("blocking_examples", [])
            )
            blocking = int(data.get("blocking_pairs", 0))
        except (TypeError, ValueError) as error:
            raise ProposalError("A proposal's stability report is malformed.") from error
        names = data.get("names") or {}
        return cls(
            pairs=tuple(ProposedPair.from_json(pair) for pair in pairs),
            unmatched=_ids(data.get("unmatched", []), "unmatched"),
            blocking_pairs=blocking,
            blocking_examples=examples,
            names={str(key): str(name) for key, name in dict(names).items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "pairs": [pair.to_json() for pair in self.pairs],
            "unmatched": list(self.unmatched),
            "blocking_pairs": self.blocking_pairs,
            "blocking_examples": [[a, b, score] for a, b, score in self.blocking_examples],
            "names": dict(self.names),
        }
