"""The extraction pipeline: a document's text (and tables) in, an `ExtractionResult` out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from twinning.extract import (
    announced,
    attributes,
    country_model,
    events,
    founding,
    matcher,
    org_tagger,
    people,
    relation_filter,
    relation_frames,
    relation_lists,
    relation_model,
    relation_patterns,
    relations,
    relations_zh,
)
from twinning.extract.acronyms import (
    link_unattached_acronyms,
    register_acronym_actors,
    register_acronym_definitions,
)
from twinning.extract.activities import programme_activities
from twinning.extract.chinese import (
    SUFFIXES,
    merge_described_variants,
    register_chinese,
    short_reference,
)
from twinning.extract.european import merge_legal_form_variants, register_european
from twinning.extract.event_lists import events_from_structure, quoted_events
from twinning.extract.fields import register_fields
from twinning.extract.gatherings import events_in_lines, merge_events
from twinning.extract.language import detect_language
from twinning.extract.names import (
    EVENT_HEADS,
    ORGANISATION_HEADS,
    SECTION_WORDS,
    is_acronym,
    is_labelled_person,
)
from twinning.extract.organisations import (
    link_translations,
    register_headings,
    register_runs,
    register_short_forms,
    register_table_cities,
    register_twin_towns,
)
from twinning.extract.people_lines import people_in_lines
from twinning.extract.readers import DEFAULT_MAX_BYTES, ReadDocument, expand_paths, read_document
from twinning.extract.records import ExtractionResult
from twinning.extract.registry import Entry, Registry
from twinning.extract.roles import merge_people, people_with_roles
from twinning.extract.subject import (
    address_place,
    assign_seats,
    framed_subject,
    register_frame,
    speaking_subject,
)
from twinning.extract.tabular import (
    MARKDOWN_RULE,
    header_index,
    is_field_table,
    map_header,
    markdown_cells,
    markdown_tables,
    records_from_table,
)
from twinning.extract.text import Block, clean_text, has_cjk, name_key, split_blocks
from twinning.extract.visit_details import add_visit_details

SHORT_REFERENCE_ANYWHERE = re.compile(
    "|".join(re.escape(suffix) for suffix in SUFFIXES if len(suffix) >= 2)
)


def _sections(blocks: list[Block], headings: dict[int, Entry]) -> dict[int, Entry]:
    """Block index -> the profile it belongs to: from an organisation heading to the next heading."""
    sections: dict[int, Entry] = {}
    current: Entry | None = None
    for block in blocks:
        if block.index in headings:
            current = headings[block.index]
        elif block.is_heading or relations.TOPIC_LINE.match(block.text):
            current = None
        if current is not None:
            sections[block.index] = current
    return sections


def _main_organisation(registry: Registry, text: str) -> Entry | None:
    """The organisation the document is about: the most mentioned one, the earliest on a tie."""
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    for start, _end, entry in registry.mentions(text):
        counts[id(entry)] = counts.get(id(entry), 0) + 1
        first.setdefault(id(entry), start)
    # A bare 协会 (the association) refers back to the one organisation whose name ends so.
    if has_cjk(text):
        mentions = registry.mentions(text)
        for match in SHORT_REFERENCE_ANYWHERE.finditer(text):
            referred = short_reference(text[: match.end()], registry, mentions)
            if referred is not None:
                counts[id(referred)] = counts.get(id(referred), 0) + 1
    if not counts:
        return None
    best = max(
        registry.entries, key=lambda entry: (counts.get(id(entry), 0), -first.get(id(entry), 10**9))
    )
    return best if counts.get(id(best), 0) >= 2 else None


def _page_organisation(registry: Registry, text: str, title: str, footer: str) -> Entry | None:
    """The organisation the page is about: named in its title or footer, else the most
    mentioned, else the first one a page speaking of itself ("we", "wir") names."""
    return (
        framed_subject(registry, title, footer)
        or _main_organisation(registry, text)
        or speaking_subject(registry, text)
    )


def extract_text(
    text: str,
    *,
    source: str | None = None,
    content_type: str = "text",
    tables: list[list[list[str]]] | None = None,
    title: str = "",
    footer: str = "",
    language: str | None = None,
    learned_relations: str | None = None,
    countries: str | None = None,
    organisation_tagger: str | None = None,
) -> ExtractionResult:
    """Organisations, partnerships, events and people in one document's text (and tables).
    `language` (ISO 639-1) is detected when not given; `title` and `footer` are an HTML
    page's own name and address lines; `learned_relations` is the learned relations' mode
    (`relation_model.MODES`, `TWINNING_RELATIONS` when None); `countries` chooses who assigns
    countries (`country_model.MODES`, `TWINNING_COUNTRIES` when None); `organisation_tagger`
    the organisation tagger's (`org_tagger.MODES`, `TWINNING_ORG_TAGGER` when None)."""
    text = clean_text(text)
    whole_text = text
    language = language or detect_language(text)
    european = language not in (None, "en", "zh")
    if not tables:
        tables = markdown_tables(text)
    for table in tables or []:
        if not is_field_table(table) and "name" in map_header(table[header_index(table)]):
            rows = {clean_text(" | ".join(row)).strip() for row in table}
            text = "\n".join(
                line
                for line in text.split("\n")
                if line.strip() not in rows
                and markdown_cells(line) not in table
                and not MARKDOWN_RULE.match(line)
            )
    blocks = split_blocks(text)
    sentences = [sentence for block in blocks for sentence in block.sentences]
    registry = Registry(source)
    kind = relations.document_kind(text)

    headings = register_headings(blocks, registry)
    register_frame(registry, title, language, footer)
    described = register_fields(blocks, registry)
    partnerships = relations.pair_lines(blocks, registry, kind, source)
    listed = relation_lists.partner_lists(blocks, registry, source)
    partnerships.extend(relations_zh.chinese_member_list(blocks, registry, source))
    register_acronym_definitions(text, registry)
    for sentence in sentences:
        if has_cjk(sentence):
            register_chinese(sentence, registry)
        elif european:
            register_european(sentence, registry, language)
        else:
            register_runs(sentence, registry)
    sections = _sections(blocks, headings)
    register_short_forms(text, registry)
    block_of_sentence = [(block, sentence) for block in blocks for sentence in block.sentences]
    for block, sentence in block_of_sentence:
        partnerships.extend(
            relations.memberships(sentence, registry, sections.get(block.index), source)
        )
    register_acronym_actors(text, registry)
    link_unattached_acronyms(registry)
    register_short_forms(text, registry)
    link_translations(text, registry)
    register_acronym_definitions(text, registry)
    table_results = [
        records_from_table(
            table, source=source, kind=kind, strict=content_type in ("csv", "tsv", "xlsx")
        )
        for table in tables or []
    ]
    register_table_cities(tables, registry, f"{title}\n{text[:2000]}")
    register_twin_towns(text.split("\n"), registry)
    org_tagger.add_tagged(
        org_tagger.tagging_text(text, tables),
        title,
        registry,
        organisation_tagger,
        {
            name_key(form)
            for table_result in table_results
            for o in table_result.organisations
            for form in (o.name, o.acronym or "")
        },
    )
    merge_legal_form_variants(registry)
    merge_described_variants(registry)
    main = _page_organisation(registry, text, title, footer) or described
    found_events = events.events_in_blocks(blocks, registry, main, source)
    if european:
        found_events = merge_events(found_events, events_in_lines(text, language, source, registry))
    found_events = merge_events(
        found_events, events_from_structure(whole_text, registry, source), fuller=True
    )
    found_events = merge_events(found_events, quoted_events(whole_text, registry, language, source))
    register_acronym_definitions(text, registry)

    attributes.founded_from_lines(whole_text, registry)
    for block, sentence in block_of_sentence:
        fallback = sections.get(block.index)
        attributes.assign_founded(sentence, registry, fallback, main)
        for entry, year in founding.founding_from_cues(
            sentence, registry, fallback or main, language
        ):
            if entry.organisation.founded is None:
                entry.organisation.founded = year
        attributes.assign_type_and_country_from_sentence(sentence, registry)
    attributes.assign_from_names(registry, text)
    for block, sentence in block_of_sentence:
        assign_seats(sentence, registry, sections.get(block.index) or main)
    if main is not None and main.organisation.country is None and footer:
        main.organisation.country, city = address_place(footer)
        main.organisation.city = main.organisation.city or city
    for entry in registry.entries:
        section_text = " ".join(
            block.text for block in blocks if sections.get(block.index) is entry
        )
        if section_text:
            organisation = entry.organisation
            prose = [
                block
                for block in blocks
                if sections.get(block.index) is entry and not block.is_heading
            ]
            if prose and organisation.description is None:
                organisation.description = " ".join(prose[0].sentences[:2])
            attributes.assign_topics(entry, section_text)
        elif entry.organisation.evidence:
            attributes.assign_topics(entry, entry.organisation.evidence)

    partnerships.extend(relations.profile_pairs(blocks, headings, kind, source))
    partnerships.extend(relation_lists.dash_pair_lines(blocks, registry, kind, source))
    listed.extend(relation_lists.profile_lists(blocks, headings))
    listed.extend(relation_lists.chinese_list_items(blocks, registry))
    main = _page_organisation(registry, text, title, footer) or main or described
    if main is None and blocks and blocks[0].index in headings:
        # A page opening with an organisation's name is about that organisation.
        main = headings[blocks[0].index]
    leads = [entry for entry, list_kind, _evidence in listed if list_kind == "lead"]
    if len(leads) == 1:
        # A consortium page: the lead partner is paired with every other listed partner.
        main = leads[0]
    if main is not None:
        for entry, list_kind, evidence in listed:
            if entry is not main and list_kind != "lead":
                ends = (main, entry)
                partnerships.append(
                    relations.Partnership(
                        ends[0].organisation.name,
                        ends[1].organisation.name,
                        list_kind,
                        [],
                        None,
                        evidence,
                        source,
                    )
                )
    recent: list[Entry] = []
    visitor: Entry | None = None
    for block, sentence in block_of_sentence:
        fallback = sections.get(block.index) or main
        previous = recent[-1] if recent else None
        partnerships.extend(relations.both_sides(sentence, recent, registry, source))
        for _start, _end, entry in registry.mentions(sentence):
            if entry in recent:
                recent.remove(entry)
            recent.append(entry)
        if has_cjk(sentence):
            partnerships.extend(
                relations_zh.chinese_relations(sentence, registry, fallback, source)
            )
        else:
            partnerships.extend(relations.visits(sentence, registry, source))
            partnerships.extend(
                relation_patterns.sentence_relations(
                    sentence, registry, kind, main, visitor, source
                )
            )

            partnerships.extend(
                relations.agreements(sentence, registry, fallback, kind, source, previous)
            )
            partnerships.extend(
                announced.announced_pairs(sentence, registry, kind, previous, source, visitor)
            )
            if fallback is not None and re.search(r"\b[Ww]e\b", sentence):
                # "In 2020 we became a member of X": the page's organisation.
                partnerships.extend(relations.memberships(sentence, registry, fallback, source))
        stated = {frozenset((p.a, p.b)) for p in partnerships}
        cities = matcher.partner_cities(sentence, registry, fallback, language, source)
        for found in cities + matcher.relations_from_cues(
            sentence, registry, fallback, language, source
        ):
            if frozenset((found.a, found.b)) not in stated or found.kind == "visit":
                partnerships.append(found)
                continue
            for known in partnerships:
                # The pair is known; the cue may still tell its year.
                if frozenset((known.a, known.b)) == frozenset((found.a, found.b)):
                    known.year = known.year or found.year
        stated = {frozenset((p.a, p.b)) for p in partnerships}
        own = fallback if fallback is not None and _keep(fallback) else main
        framed = relation_frames.frame_relations(
            sentence, registry, own, language, source, kind, visitor
        )
        partnerships.extend(f for f in framed if frozenset((f.a, f.b)) not in stated)
        partnerships = relation_frames.drop_coordinated(partnerships, framed)
        zipped = relation_patterns.respectively_pairs(sentence, registry, kind, source)
        if zipped:
            # "… respectively" says which end goes with which: no other pairing holds.
            zipped_ends = {frozenset((p.a, p.b)) for p in zipped}
            partnerships = [
                p
                for p in partnerships
                if p.evidence != sentence or frozenset((p.a, p.b)) in zipped_ends
            ]
            paired = {frozenset((p.a, p.b)) for p in partnerships}
            partnerships.extend(p for p in zipped if frozenset((p.a, p.b)) not in paired)
        visitors = [p for p in partnerships if p.kind == "visit"]
        visitor = registry.find(visitors[-1].a) if visitors else None
    found_people = merge_people(
        people.find_people(sentences, registry, source, main.organisation.name if main else None),
        people_with_roles(text, registry, main, language, source),
    )
    found_people = merge_people(found_people, people_in_lines(whole_text, registry, main, source))
    names = {entry.organisation.name for entry in registry.entries if _keep(entry)}
    partnerships = [
        p
        for p in relations.dedupe(_canonical(partnerships, registry))
        if p.a in names and p.b in names
    ]

    add_visit_details(partnerships, found_people, blocks)
    cohort_year = stated_cohort_year(text)
    for partnership in partnerships:
        if partnership.kind == "twinning" and partnership.year is None:
            partnership.year = cohort_year
    result = ExtractionResult(
        organisations=[entry.organisation for entry in registry.entries if _keep(entry)],
        partnerships=partnerships,
        events=found_events,
        people=found_people,
        sources=[source] if source else [],
        activities=programme_activities(sentences, registry, main, source),
    )
    for table_result in table_results:
        result = result.merge(table_result)
    listed_in_tables = relation_lists.subject_table_pairs(
        tables or [],
        table_results,
        main.organisation.name if main else None,
        source,
        [o.name for o in result.organisations],
        whole_text,
    )
    result.partnerships = relations.dedupe(result.partnerships + listed_in_tables)
    for partnership in result.partnerships:
        if partnership.kind == "twinning" and partnership.year is None:
            partnership.year = cohort_year  # table rows of a cohort page too
    result.subject = main.organisation.name if main is not None else None
    country_model.apply(
        result,
        whole_text,
        title=title,
        footer=footer,
        language=language,
        mode=countries,
        tables=tables or (),
    )
    result = relation_filter.apply(result)
    return relation_model.apply(result, whole_text, learned_relations)


COHORT_YEAR = re.compile(
    r"\b(?:cohort|Kohorte|Jahrgang|cohorte|coorte|promoci[oó]n|lichting)\s+(?:of\s+|van\s+|de\s+|del\s+)?"
    r"((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:cohort|Kohorte|cohorte|coorte)\b"
    r"|((?:19|20)\d\d)\s*年度?(?:结对|批次|项目届)",
    re.IGNORECASE,
)


def stated_cohort_year(text: str) -> int | None:
    """The one cohort year the page states ("the 2019 cohort", "Kohorte 2021"); None if several."""
    years = {
        int(next(group for group in match.groups() if group))
        for match in COHORT_YEAR.finditer(text)
    }
    return years.pop() if len(years) == 1 else None


def _canonical(
    partnerships: list[relations.Partnership], registry: Registry
) -> list[relations.Partnership]:
    """Partnership ends renamed to the final name of their organisation (acronyms resolved)."""
    for partnership in partnerships:
        for attribute in ("a", "b"):
            entry = registry.find(getattr(partnership, attribute))
            if entry is not None:
                setattr(partnership, attribute, entry.organisation.name)
    return partnerships


def _keep(entry: Entry) -> bool:
    name = entry.organisation.name
    # Programmes are what organisations run (gold rule), except the UN's.
    if re.search(r"\bProgram(?:me)?$", name) and not re.search(
        r"\b(?:Nations|Development|Environment|Food)\s+Program", name
    ):
        return False
    # A lone section word ("Partners", "Events") is a heading, not a name.
    lone = name.lower().rstrip("s") if " " not in name else ""
    return (
        bool(name)
        and not (
            lone
            and (
                lone in SECTION_WORDS
                or lone + "s" in SECTION_WORDS
                or lone in ORGANISATION_HEADS
                or lone + "s" in ORGANISATION_HEADS
                or lone in EVENT_HEADS
            )
        )
        and not (is_acronym(name) and len(name) < 3)
        # "Fondazione collabora": a head word and a verb, not a name.
        and not re.fullmatch(r"[A-ZÀ-Þ][\w'’-]+\s+[a-zà-ÿ]+", name)
        and not re.fullmatch(r"[\W\d_]+", name)
        and not is_labelled_person(name)
    )


def extract_document(document: ReadDocument) -> ExtractionResult:
    """Records of a document already read by `read_document`."""
    return extract_text(
        document.text,
        source=document.source,
        content_type=document.content_type,
        tables=document.tables,
        title=document.title,
        footer=document.footer,
    )


def extract_paths(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> ExtractionResult:
    """Read every file (folders expanded, "-" is stdin) and merge their records into one result.
    Raises `ExtractError` on the first file that cannot be read."""
    result = ExtractionResult()
    for path in expand_paths(paths):
        result = result.merge(extract_document(read_document(path, max_bytes=max_bytes)))
    return result
