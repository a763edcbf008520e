"""The demo records themselves, before any database: keys, references and vocabulary."""

from collections import Counter

from twinning import topics as vocabulary
from twinning.demo.data import DATA_SETS, SAMPLES
from twinning.demo.seed_programmes import SEEDS


def all_of(kind):
    return [record for data in DATA_SETS for record in getattr(data, kind)]


def test_keys_and_names_are_unique():
    for kind in ("organisations", "people", "programmes"):
        keys = Counter(record.key for record in all_of(kind))
        names = Counter(record.name for record in all_of(kind))
        assert [k for k, n in keys.items() if n > 1] == []
        assert [k for k, n in names.items() if n > 1] == []


def test_every_reference_resolves():
    organisations = {o.key for o in all_of("organisations")}
    people = {p.key for p in all_of("people")}
    programmes = {p.key for p in all_of("programmes")}
    referenced = set()
    for person in all_of("people"):
        referenced |= {role.organisation for role in person.roles}
    for affiliation in all_of("affiliations"):
        referenced |= {affiliation.organisation, affiliation.other}
    for pair in all_of("pairs"):
        referenced |= {pair.organisation_a, pair.organisation_b}
        assert pair.programme in programmes
    for event in all_of("events"):
        referenced |= set(event.organisers) | set(event.participants)
        assert event.programme in programmes | {""}
    for visit in all_of("visits"):
        referenced |= {visit.host, *visit.visitors}
        referenced |= {p.organisation for p in visit.participants if p.organisation}
        assert {p.person for p in visit.participants} <= people
    for document in all_of("documents"):
        referenced |= set(document.organisations)
        assert set(document.people) <= people
    assert referenced - organisations == set()


def test_every_topic_is_in_the_vocabulary():
    known = set(vocabulary.vocabulary())
    used = set()
    for kind in (
        "organisations",
        "programmes",
        "pairs",
        "activities",
        "events",
        "visits",
        "documents",
    ):
        for record in all_of(kind):
            used |= set(record.topics)
    assert used - known == set()


def test_sample_pairs_join_sample_organisations_only():
    """Invented pairs never attach invented facts to real organisations."""
    samples = {o.key for o in SAMPLES.organisations}
    for pair in SAMPLES.pairs:
        assert {pair.organisation_a, pair.organisation_b} <= samples
    for affiliation in SAMPLES.affiliations:
        assert {affiliation.organisation, affiliation.other} <= samples
    for person in SAMPLES.people:
        assert {role.organisation for role in person.roles} <= samples


def test_no_organisation_is_paired_twice_in_a_cohort():
    seen = Counter()
    for data in (SEEDS, SAMPLES):
        for pair in data.pairs:
            seen[(pair.programme, pair.year, pair.organisation_a)] += 1
            seen[(pair.programme, pair.year, pair.organisation_b)] += 1
    assert [key for key, n in seen.items() if n > 1] == []
