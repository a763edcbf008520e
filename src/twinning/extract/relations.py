"""Partnerships: twinning pairs (profile pairs closed by an "Exchange Topic" line, pair lines),
visits, memberships, partner lists and signed agreements."""

from __future__ import annotations

import re

from twinning.extract.attributes import subject_of
from twinning.extract.names import CAPITALISED_RUN, has_organisation_head, is_acronym, is_title_case
from twinning.extract.organisations import (
    clean_run,
    parse_heading,
    place_attributes,
    split_pair_line,
)
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import Block, first_date, name_key
from twinning.topics import normalise_topic, topics_in_text

TOPIC_LINE = re.compile(
    r"^(?:exchange|twinning|cooperation|common|shared)?\s*(?:topics?|themes?|focus)\s*[:：]\s*(.+)$|^(?:交流|合作|结对)?主题\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
TWINNING_WORDS = re.compile(r"\btwinn(?:ing|ed)\b|\btwins?\b|\btandems?\b|结对|姐妹", re.IGNORECASE)
VISIT_VERB = re.compile(
    r"\b(?:visited|paid (?:a |an official |a study )?visits? to|made (?:a |an official |a study )?visit to|"
    r"went on (?:a |an )?(?:study )?visit to|came to visit|travell?ed to)\b"
)
HOSTED_VISIT = re.compile(
    r"\b(?:received|hosted|welcomed)\s+(?:a\s+)?(?:delegation|group|delegates|visitors)\s+(?:of\s+\w+\s+)?from\b"
)
MEMBERSHIP = re.compile(
    r"\b(?:is|are|was|became|has been|have been|as)\s+(?:also\s+)?(?:an?\s+|the\s+)?"
    r"(?:founding\s+|active\s+|full\s+|associate\s+|initial\s+)?members?\s+(?:organi[sz]ation\s+)?of\s+(?P<list>(?:[^.;]|\.(?=\S))+)"
    r"|\bone of the (?:initial |founding |first )?(?:members?|institutions?|organi[sz]ations?|initiators?|founders?) of\s+(?P<single>[^.;,]+)"
    r"|\bjoined\s+(?P<joined>(?:the\s+)?[A-Z][^.;,]+)"
)
AGREEMENT = re.compile(
    r"\b(?:signed|concluded|renewed)\s+(?:an?\s+|the\s+)?[^.;]{0,40}?\b(?:agreement|memorandum|MoU|MOU|partnership|accord)\b"
)
TWINNED_WITH = re.compile(
    r"\b(?:twinned|paired|matched)\s+with\b|\btwinning\s+(?:\w+\s+){0,2}?between\b"
)
PARTNERSHIP_WITH = re.compile(
    r"\b(?:in partnership with|partnered with|in cooperation with|in collaboration with|"
    r"[Tt]ogether with|(?:joins|joined|join|will join)\s+forces\s+with|"
    r"(?:have|has|had)\s+(?:been\s+)?(?:work(?:ed|ing)|cooperat(?:ed|ing)|collaborat(?:ed|ing))"
    r"\s+(?:closely\s+)?with)\b"
)
# "Paired this year: A (Austria) and the B": a pair announced after a label.
PAIRED_LABEL = re.compile(
    r"^(?:(?:newly|also|finally)\s+)?(?:paired|twinned|matched|tandem)\b[^:]{0,40}:\s*", re.I
)
# "A will host two staff members of B": hosting people of another organisation.
HOSTS_PEOPLE = re.compile(
    r"\b(?P<future>will\s+)?(?:host|hosts|hosted|welcome|welcomes|welcomed|receive|receives)\s+"
    r"(?:\w+\s+){0,4}?(?:staff(?:\s+members?)?|members?|volunteers|colleagues|delegates|visitors|"
    r"guests|employees|trainees|experts|a delegation|a group)\s+(?:of|from)\s+(?:the\s+)?"
)
# "it was received by Y", "where they were hosted by Y": the subject visited Y.
VISITED_BY = re.compile(r"\b(?:was|were)\s+(?:received|hosted|welcomed)\s+by\s+(?:the\s+)?")
# "The study tour was organised by A and hosted by B": A's people visited B.
ORGANISED_AND_HOSTED = re.compile(
    r"\borgani[sz]ed\s+by\s+(?P<guest>[^.;]+?)\s+and\s+hosted\s+by\s+(?P<host>[^.;]+)"
)
VISIT_CONTEXT = re.compile(r"\b(?:delegation|study tour|study visit|visit|trip|tour)\b", re.I)
# "B, with which the network has had a partnership since 2020".
WITH_WHICH = re.compile(
    r",\s+with\s+which\s+(?:the\s+|our\s+|its\s+)?(?P<ref>[\w'\-]+(?:\s+[\w'\-]+){0,3}?)\s+"
    r"(?:has|have|had)\s+(?:had|maintained|kept|built|been\s+in)?\s*(?:a\s+)?"
    r"(?:partnership|cooperation|co-operation|collaboration|working relationship)"
)
# "her organisation", "our association": the organisation named just before.
POSSESSED_ORGANISATION = re.compile(
    r"\b(?:its|her|his|their|our)\s+(?:organi[sz]ation|association|group|society|network|"
    r"centre|center|foundation|NGO|team)\b|\b[Ww]e\b",
)
# "organised by A together with B": co-organisers of an event, not a partnership.
CO_ORGANISED = re.compile(r"\b(?:co-)?organi[sz]ed\s+by\b[^.;]*$")
# "cooperation between A and B", "the partnership between A and B".
BETWEEN = re.compile(
    r"\b(?:cooperation|co-operation|partnership|collaboration|exchanges?|agreement|twinning|"
    r"memorandum(?:\s+of\s+understanding)?|MoU|MOU|accord)\s+between\b"
)
# "X, to which the Bucharest association belongs": membership of the one named before.
BELONGS = re.compile(
    r",\s+to\s+which\s+(?:the\s+)?(?P<member>[A-Z][\w'\-]*(?:\s+[\w'\-]+){0,3}?)\s+"
    r"(?:belongs|belong|is affiliated|are affiliated)\b"
)
# "the two organisations signed …", "双方签署…": the pair is the two organisations named before.
BOTH_SIDES = re.compile(
    r"\b(?:[Tt]he two|[Bb]oth)\s+(?:organi[sz]ations|partners|groups|NGOs|associations|networks|"
    r"sides|societies|foundations|institutions|centres|centers)\b|双方|两家机构|两个机构|两家组织"
)
ZH_AGREEMENT_VERB = re.compile(r"(?:签署|签订)(?:了)?[^。]{0,20}(?:协议|备忘录|协定)")
ZH_PAIR = re.compile(r"(?:与|和|同)(?P<b>[^。，,、]{2,30}?)(?:正式)?(?:结对|结为|结成)")
ZH_AGREEMENT = re.compile(
    r"(?:与|和|同)(?P<b>[^。，,、]{2,30}?)(?:正式)?(?:签署|签订)(?:了)?[^。]{0,12}(?:协议|备忘录|协定)"
)


def document_kind(text: str) -> str:
    """ "twinning" when the document speaks of twinning or tandems, otherwise "partner"."""
    return "twinning" if TWINNING_WORDS.search(text) else "partner"


def topics_of_line(text: str) -> list[str]:
    slugs: list[str] = []
    for label in re.split(r"[,;/、，；]|\band\b", text):
        slug = normalise_topic(label)
        if slug and slug not in slugs:
            slugs.append(slug)
    for slug in topics_in_text(text):
        if slug not in slugs:
            slugs.append(slug)
    return slugs


def _partnership(
    a: Entry,
    b: Entry,
    kind: str,
    evidence: str,
    source: str | None,
    topics: list[str] | None = None,
    year: int | None = None,
) -> Partnership | None:
    if a is b:
        return None
    return Partnership(
        a.organisation.name, b.organisation.name, kind, topics or [], year, evidence, source
    )


def _year(text: str) -> int | None:
    date = first_date(text)
    return int(date[:4]) if date else None


def profile_pairs(
    blocks: list[Block], headings: dict[int, Entry], kind: str, source: str | None
) -> list[Partnership]:
    """Two profiles followed by a topic line form a pair; so do two adjacent heading lines."""
    found: list[Partnership] = []
    group: list[Entry] = []
    for block in blocks:
        if block.index in headings:
            group.append(headings[block.index])
            continue
        topic = TOPIC_LINE.match(block.text) if len(block.text) < 300 else None
        if topic:
            if len(group) == 2:
                pair = _partnership(
                    group[0],
                    group[1],
                    kind,
                    block.text,
                    source,
                    topics_of_line(topic.group(1) or topic.group(2)),
                )
                if pair:
                    found.append(pair)
            group = []
    for position in range(len(blocks) - 1):
        first, second = blocks[position], blocks[position + 1]
        if first.index in headings and second.index in headings:
            previous = blocks[position - 1].index in headings if position else False
            following = blocks[position + 2] if position + 2 < len(blocks) else None
            if previous or (following is not None and following.index in headings):
                continue
            if not (parse_heading(first.text)[0].place and parse_heading(second.text)[0].place):
                continue
            topics: list[str] = []
            if following is not None and following.is_heading and len(following.text) < 80:
                topics = topics_of_line(following.text)
            pair = _partnership(
                headings[first.index],
                headings[second.index],
                kind,
                f"{first.text} / {second.text}",
                source,
                topics,
            )
            if pair:
                found.append(pair)
    return found


def pair_lines(
    blocks: list[Block], registry: Registry, kind: str, source: str | None
) -> list[Partnership]:
    """Lines such as "Org A (Country) / Org B (City)" or "Org A, City – Org B, Country"."""
    found: list[Partnership] = []
    for position, block in enumerate(blocks):
        split = split_pair_line(block.text)
        if split is None:
            continue
        left, right = split
        a = registry.add(
            left.name, left.acronym, evidence=block.text, strength=3, **place_attributes(left.place)
        )
        b = registry.add(
            right.name,
            right.acronym,
            evidence=block.text,
            strength=3,
            **place_attributes(right.place),
        )
        following = blocks[position + 1].text if position + 1 < len(blocks) else ""
        topic = TOPIC_LINE.match(following) if len(following) < 300 else None
        topics = topics_of_line(topic.group(1) or topic.group(2)) if topic else []
        pair = _partnership(a, b, kind, block.text, source, topics)
        if pair:
            found.append(pair)
    return found


def _entry_after(text: str, registry: Registry) -> Entry | None:
    """The organisation named at the start of `text`: a known one, or a new capitalised name."""
    stripped = text.lstrip()
    mentions = registry.mentions(stripped[:200])
    if mentions and mentions[0][0] <= 4:
        return mentions[0][2]
    run = CAPITALISED_RUN.match(re.sub(r"^(?:the|The)\s+", "", stripped))
    if run:
        name = clean_run(run.group(0), sentence_start=False)
        if name and (has_organisation_head(name) or is_acronym(name)):
            return registry.add(name, evidence=text[:200])
    return None


def visits(sentence: str, registry: Registry, source: str | None) -> list[Partnership]:
    found: list[Partnership] = []
    year = _year(sentence)
    for match in VISIT_VERB.finditer(sentence):
        before = registry.mentions(sentence[: match.start()])
        if not before:
            continue
        visitor = before[-1][2]
        from_clause = [
            m
            for m in before
            if re.search(r"\b(?:from|of)\s+(?:the\s+)?$", sentence[max(0, m[0] - 10) : m[0]])
        ]
        if from_clause:
            visitor = from_clause[-1][2]
        host = _entry_after(sentence[match.end() :], registry)
        if host is not None:
            pair = _partnership(visitor, host, "visit", sentence, source, year=year)
            if pair:
                found.append(pair)
    hosted = HOSTED_VISIT.search(sentence)
    if hosted:
        hosting = subject_of(sentence[: hosted.start()], registry, None)
        guest = _entry_after(sentence[hosted.end() :], registry)
        if hosting and guest:
            pair = _partnership(guest, hosting, "visit", sentence, source, year=year)
            if pair:
                found.append(pair)
    return found


def split_name_list(text: str) -> list[str]:
    """ "A, B, the C and D" into names; "Belt and Road" style names stay whole."""
    text = re.sub(
        r"\s*(?:,\s*)?\b(?:among others|etc\.?|and others|and more)\s*$", "", text.strip()
    )
    items: list[str] = []
    for part in re.split(r",\s*|;\s*", text):
        part = re.sub(r"^(?:and|as well as|&)\s+", "", part.strip())
        part = re.sub(r"^(?:the|The)\s+", "", part)
        pieces = re.split(r"\s+(?:and|as well as|&)\s+(?:of\s+)?(?:the\s+)?", part)
        explicit = re.search(r"\s+(?:and|as well as|&)\s+(?:of\s+the|of|the)\s+", part)
        both_named = all(
            (has_organisation_head(piece) and len(piece.split()) >= 2) or is_acronym(piece)
            for piece in pieces
        )
        if len(pieces) == 2 and (explicit or both_named):
            items.extend(pieces)
        elif part:
            items.append(part)
    return [item.strip(" .") for item in items if item.strip(" .")]


def _reference(text: str, registry: Registry) -> Entry | None:
    """ "Bucharest association": a known name, else the one organisation whose name has all
    these words."""
    entry = registry.find(text)
    if entry is not None:
        return entry
    wanted = {word.lower() for word in text.split()}
    candidates = [
        entry
        for entry in registry.entries
        if wanted <= {word.lower() for word in entry.organisation.name.split()}
    ]
    return candidates[0] if len(candidates) == 1 else None


ORGANISATION_NOUNS = {
    "network", "association", "society", "foundation", "centre", "center", "club", "alliance",
    "federation", "cooperative", "institute", "trust", "union", "group", "organisation",
    "organization",
}  # fmt: skip


def _described(noun: str, registry: Registry) -> Entry | None:
    """ "the network": the one organisation whose name ends with that word."""
    candidates = [
        entry
        for entry in registry.entries
        if entry.organisation.name.lower().split()[-1:] == [noun]
    ]
    return candidates[0] if len(candidates) == 1 else None


def memberships(
    sentence: str, registry: Registry, fallback: Entry | None, source: str | None
) -> list[Partnership]:
    found: list[Partnership] = []
    belongs = BELONGS.search(sentence)
    if belongs:
        before = registry.mentions(sentence[: belongs.start()])
        member = _reference(belongs.group("member"), registry)
        if before and before[-1][1] >= belongs.start() - 1 and member is not None:
            pair = _partnership(member, before[-1][2], "membership", sentence, source)
            if pair:
                found.append(pair)
    for match in MEMBERSHIP.finditer(sentence):
        member = subject_of(sentence[: match.start()], registry, fallback)
        if member is None:
            continue
        text = match.group("list") or match.group("single") or match.group("joined") or ""
        names = split_name_list(text) if match.group("list") else [text.strip()]
        for name in names:
            name = re.sub(r"^(?:the|The)\s+", "", name)
            entry = registry.find(name)
            if entry is None:
                cleaned = clean_run(name, sentence_start=False) or ""
                if not cleaned or not is_title_case(cleaned, 0.75) or len(cleaned.split()) > 12:
                    continue
                if not (
                    has_organisation_head(cleaned) or is_acronym(cleaned) or match.group("list")
                ):
                    continue
                entry = registry.add(cleaned, evidence=sentence)
            pair = _partnership(member, entry, "membership", sentence, source)
            if pair:
                found.append(pair)
    return found


def _pair_kind(a: Entry, b: Entry, sentence: str, kind: str) -> str:
    """ "twinning" when the sentence says so, or when a twinning document pairs a Chinese
    organisation with a foreign one; otherwise "partner"."""
    if TWINNING_WORDS.search(sentence):
        return "twinning"
    countries = {a.organisation.country, b.organisation.country}
    if kind == "twinning" and "CN" in countries and len(countries - {None}) == 2:
        return "twinning"
    return "partner"


def agreements(
    sentence: str,
    registry: Registry,
    fallback: Entry | None,
    kind: str,
    source: str | None,
    previous: Entry | None = None,
) -> list[Partnership]:
    """ "A and B signed a memorandum", "A is twinned with B", "in partnership with B"."""
    found: list[Partnership] = []
    mentions = registry.mentions(sentence)
    year = _year(sentence)
    sentence_kind = "twinning" if TWINNING_WORDS.search(sentence) else "partner"
    agreement = AGREEMENT.search(sentence)
    if agreement:
        before = [m for m in mentions if m[1] <= agreement.start()]
        if len(before) >= 2 and re.search(
            r"\band\b|&|\bwith\b", sentence[before[-2][1] : before[-1][0]]
        ):
            pair = _partnership(
                before[-2][2], before[-1][2], sentence_kind, sentence, source, year=year
            )
            if pair:
                found.append(pair)
        elif len(before) == 1:
            with_match = re.search(r"\bwith\s+(?:the\s+)?", sentence[agreement.end() :])
            if with_match:
                other = _entry_after(sentence[agreement.end() + with_match.end() :], registry)
                if other:
                    pair = _partnership(
                        before[0][2], other, sentence_kind, sentence, source, year=year
                    )
                    if pair:
                        found.append(pair)
    between = BETWEEN.search(sentence)
    if between and not TWINNED_WITH.search(sentence):
        after: list[tuple[int, int, Entry]] = []
        for mention in mentions:
            # "the Brno Centre (BCEE) and …": the acronym is the same organisation again.
            if mention[0] >= between.end() and not (after and after[-1][2] is mention[2]):
                after.append(mention)
        if (
            len(after) >= 2
            and re.search(r"\band\b|&", sentence[after[0][1] : after[1][0]])
            and len(sentence[after[0][1] : after[1][0]]) < 30
        ):
            pair_kind = (
                _pair_kind(after[0][2], after[1][2], sentence, kind)
                if re.search(r"exchange", between.group(0))
                else sentence_kind
            )
            pair = _partnership(after[0][2], after[1][2], pair_kind, sentence, source, year=year)
            if pair:
                found.append(pair)
    twinned = TWINNED_WITH.search(sentence)
    if twinned:
        before = [m for m in mentions if m[1] <= twinned.start()]
        after = [m for m in mentions if m[0] >= twinned.end()]
        if "between" in twinned.group(0) and len(after) >= 2:
            pair = _partnership(after[0][2], after[1][2], "twinning", sentence, source, year=year)
        elif before and after:
            pair = _partnership(before[-1][2], after[0][2], "twinning", sentence, source, year=year)
        elif after and previous and POSSESSED_ORGANISATION.search(sentence[: twinned.start()]):
            # "Since January her organisation has been paired with B".
            pair = _partnership(previous, after[0][2], "twinning", sentence, source, year=year)
        else:
            pair = None
        if pair:
            found.append(pair)
    joint = PARTNERSHIP_WITH.search(sentence)
    if joint and not CO_ORGANISED.search(sentence[: joint.start()]):
        subject = subject_of(sentence[: joint.start()], registry, fallback)
        if (
            previous is not None
            and not registry.mentions(sentence[: joint.start()])
            and POSSESSED_ORGANISATION.search(sentence)
            and fallback is None
        ):
            subject = previous
        other = _entry_after(sentence[joint.end() :], registry)
        if subject and other:
            pair = _partnership(
                subject,
                other,
                _pair_kind(subject, other, sentence, kind)
                if re.search(r"forces", joint.group(0))
                else kind
                if kind == "twinning" and sentence_kind == "twinning"
                else "partner",
                sentence,
                source,
                year=year,
            )
            if pair:
                found.append(pair)
    return found


def both_sides(
    sentence: str, recent: list[Entry], registry: Registry, source: str | None
) -> list[Partnership]:
    """ "In 2017 the two organisations signed a memorandum": a pair of the last two
    organisations named before the sentence (`recent`, oldest first), when it names none."""
    if not BOTH_SIDES.search(sentence) or len(recent) < 2:
        return []
    if not (AGREEMENT.search(sentence) or ZH_AGREEMENT_VERB.search(sentence)):
        return []
    if len({id(entry) for _s, _e, entry in registry.mentions(sentence)}) >= 2:
        return []
    # "协会与X签署合作协议，双方…": the two sides are named in the sentence itself.
    if ZH_AGREEMENT.search(sentence) or ZH_PAIR.search(sentence):
        return []
    kind = "twinning" if TWINNING_WORDS.search(sentence) else "partner"
    pair = _partnership(recent[-2], recent[-1], kind, sentence, source, year=_year(sentence))
    return [pair] if pair else []


def dedupe(partnerships: list[Partnership]) -> list[Partnership]:
    seen: set[tuple[str, str, str]] = set()
    kept: list[Partnership] = []
    for partnership in partnerships:
        ends = sorted((name_key(partnership.a), name_key(partnership.b)))
        key = (ends[0], ends[1], partnership.kind)
        if key not in seen and ends[0] != ends[1]:
            seen.add(key)
            kept.append(partnership)
    return kept
