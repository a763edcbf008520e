"""Organisation profiles and cohorts: the records the matching engine reads.

A cohort is the input of `twinning match` (CONTRACTS §3): organisations on side A and side B,
fixed tandems that are always paired and forbidden (or conflicted) pairs that never are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from twinning.topics import normalise_topic, topics_in_text, vocabulary


class CohortError(ValueError):
    """The cohort input is malformed; the message is one line meant for the user."""


@dataclass(frozen=True)
class Profile:
    """One organisation as the matcher sees it; `topics` holds vocabulary slugs only."""

    id: str
    name: str
    side: str
    description: str
    topics: tuple[str, ...] = ()
    free_labels: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    country: str | None = None
    region: str | None = None
    org_type: str | None = None
    languages: tuple[str, ...] = ()
    partner_regions: tuple[str, ...] = ()

    @property
    def exchange_topics(self) -> tuple[str, ...]:
        """Declared topics plus those named by the exchange interests, declared first."""
        found = list(self.topics)
        for interest in self.interests:
            slug = normalise_topic(interest)
            if slug is not None and slug not in found:
                found.append(slug)
        return tuple(found)

    @property
    def text_topics(self) -> tuple[str, ...]:
        """Vocabulary topics mentioned in the description, most mentioned first."""
        return tuple(topics_in_text(self.description))

    @property
    def document(self) -> str:
        """The text used for lexical and semantic evidence: description and interests."""
        return " ".join([self.description, *self.interests]).strip()


@dataclass
class Cohort:
    """Side A and side B of one pairing round, with its constraints (pairs of ids, A first)."""

    profiles: list[Profile]
    fixed: list[tuple[str, str]] = field(default_factory=list)
    forbidden: list[tuple[str, str]] = field(default_factory=list)
    true_pairs: list[tuple[str, str]] = field(default_factory=list)
    name: str = ""
    split: str = ""

    @property
    def side_a(self) -> list[Profile]:
        return [p for p in self.profiles if p.side == "A"]

    @property
    def side_b(self) -> list[Profile]:
        return [p for p in self.profiles if p.side == "B"]


def make_profile(raw: dict[str, Any]) -> Profile:
    """Build a profile from one input organisation; free topic labels are normalised to slugs."""
    if not isinstance(raw, dict):
        raise CohortError("each organisation must be a JSON object")
    identifier = raw.get("id")
    if not isinstance(identifier, str) or not identifier:
        raise CohortError("each organisation needs a non-empty string 'id'")
    side = raw.get("side")
    if side not in ("A", "B"):
        raise CohortError(f'organisation {identifier!r}: \'side\' must be "A" or "B"')
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise CohortError(f"organisation {identifier!r}: 'description' must be a string")
    labels = _string_list(raw.get("topics", []), identifier, "topics")
    slugs: list[str] = []
    free: list[str] = []
    known = vocabulary()
    for label in labels:
        slug = label if label in known else normalise_topic(label)
        if slug is None:
            free.append(label)
        elif slug not in slugs:
            slugs.append(slug)
    country = raw.get("country")
    if country is not None and not isinstance(country, str):
        raise CohortError(f"organisation {identifier!r}: 'country' must be a string or null")
    return Profile(
        id=identifier,
        name=str(raw.get("name") or identifier),
        side=side,
        description=description,
        topics=tuple(slugs),
        free_labels=tuple(free),
        interests=tuple(_string_list(raw.get("interests", []), identifier, "interests")),
        country=country.upper() if country else None,
        region=raw.get("region") or None,
        org_type=(raw.get("type") or None),
        languages=tuple(
            lang.lower() for lang in _string_list(raw.get("languages", []), identifier, "languages")
        ),
        partner_regions=tuple(
            _string_list(raw.get("partner_regions", []), identifier, "partner_regions")
        ),
    )


def _string_list(value: Any, identifier: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CohortError(f"organisation {identifier!r}: '{key}' must be a list of strings")
    return value


def _pairs(raw: Any, key: str, by_id: dict[str, Profile]) -> list[tuple[str, str]]:
    """Validate id pairs and orient them A first."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise CohortError(f"'{key}' must be a list of [id, id] pairs")
    pairs: list[tuple[str, str]] = []
    for item in raw:
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(i, str) for i in item)
        ):
            raise CohortError(f"'{key}' must be a list of [id, id] pairs")
        first, second = item
        for identifier in item:
            if identifier not in by_id:
                raise CohortError(f"'{key}' names unknown organisation {identifier!r}")
        if by_id[first].side == by_id[second].side:
            raise CohortError(f"'{key}' pair {first!r}, {second!r} is not across sides A and B")
        pairs.append((first, second) if by_id[first].side == "A" else (second, first))
    return pairs


def make_cohort(data: Any) -> Cohort:
    """Validate a cohort JSON document (CONTRACTS §3, plus optional `conflicts` and `pairs`)."""
    if not isinstance(data, dict):
        raise CohortError("the cohort must be a JSON object")
    organisations = data.get("organisations")
    if not isinstance(organisations, list) or not organisations:
        raise CohortError("'organisations' must be a non-empty list")
    profiles = [make_profile(raw) for raw in organisations]
    by_id: dict[str, Profile] = {}
    for profile in profiles:
        if profile.id in by_id:
            raise CohortError(f"duplicate organisation id {profile.id!r}")
        by_id[profile.id] = profile
    fixed = _pairs(data.get("fixed"), "fixed", by_id)
    forbidden = _pairs(data.get("forbidden"), "forbidden", by_id)
    forbidden += _pairs(data.get("conflicts"), "conflicts", by_id)
    seen: set[str] = set()
    for a, b in fixed:
        if a in seen or b in seen:
            raise CohortError(f"organisation in more than one fixed pair: {a!r} or {b!r}")
        seen.update((a, b))
    clash = set(fixed) & set(forbidden)
    if clash:
        a, b = sorted(clash)[0]
        raise CohortError(f"pair {a!r}, {b!r} is both fixed and forbidden")
    return Cohort(
        profiles=profiles,
        fixed=fixed,
        forbidden=forbidden,
        true_pairs=_pairs(data.get("pairs"), "pairs", by_id),
        name=str(data.get("name", "")),
        split=str(data.get("split", "")),
    )


def read_cohort(path: str | Path) -> Cohort:
    """Read and validate a cohort file; any problem becomes a one-line `CohortError`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CohortError(f"cannot read {path}: {error.__class__.__name__}: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CohortError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}"
        ) from error
    return make_cohort(data)


def read_labelled(path: str | Path) -> list[Cohort]:
    """Read a labelled file: `{"cohorts": [cohort with "name", "split" and true "pairs"]}`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CohortError(f"cannot read labelled data {path}: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("cohorts"), list):
        raise CohortError("labelled data must be an object with a 'cohorts' list")
    return [make_cohort(item) for item in data["cohorts"]]
