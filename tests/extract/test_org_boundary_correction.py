"""The tagger's boundary correction (`TWINNING_ORG_TAGGER=correct`, ADR 0036) on built lines and
marginals: the span the model scores higher wins, the rule's form stays an alias."""

import pytest

from twinning.extract.org_boundaries import correct_boundaries
from twinning.extract.org_features import tokenise
from twinning.extract.org_tagger import LABELS, Mention, TaggedLine
from twinning.extract.registry import Registry

SURE = {"O": (0.9, 0.05, 0.05), "B-ORG": (0.05, 0.9, 0.05), "I-ORG": (0.05, 0.05, 0.9)}


def line(text: str, labels: list[str], unsure: dict[int, tuple[float, ...]] | None = None):
    tokens = tokenise(text)[0]
    assert len(tokens) == len(labels), [t.text for t in tokens]
    marginals = [(unsure or {}).get(i, SURE[label]) for i, label in enumerate(labels)]
    return TaggedLine(tokens, labels, marginals)


def mention(text: str, name: str, confidence: float = 0.9) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, confidence)


def test_a_name_the_rules_cut_short_takes_the_tagged_span():
    text = "Der Freundeskreis Lindau–Qingdao e.V. lädt ein."
    registry = Registry()
    entry = registry.add("Freundeskreis Lindau")
    tagged = line(text, ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    full = "Freundeskreis Lindau–Qingdao e.V."
    assert correct_boundaries(text, registry, [tagged], [mention(text, full)]) == 1
    assert [e.organisation.name for e in registry.entries] == [full]
    assert registry.find("Freundeskreis Lindau") is entry


def test_a_joined_name_is_split_into_the_tagged_names():
    text = "El Ayuntamiento de Soria y el Gobierno Municipal de Zibo firmaron."
    registry = Registry()
    registry.add("Ayuntamiento de Soria y el Gobierno Municipal de Zibo")
    labels = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    tagged = line(text, [*labels, "O", "O"])
    found = [
        mention(text, "Ayuntamiento de Soria"),
        mention(text, "Gobierno Municipal de Zibo"),
    ]
    assert correct_boundaries(text, registry, [tagged], found) == 1
    assert [e.organisation.name for e in registry.entries] == [
        "Ayuntamiento de Soria",
        "Gobierno Municipal de Zibo",
    ]


def test_the_rules_name_stays_when_the_model_is_less_sure_of_its_own_span():
    text = "Die Stiftung Brücke Ost hilft."
    registry = Registry()
    registry.add("Stiftung Brücke Ost")
    # Viterbi ends the name at "Brücke", but its marginals hold "Ost" more likely inside it.
    tagged = line(text, ["O", "B-ORG", "I-ORG", "O", "O", "O"], {3: (0.45, 0.0, 0.55)})
    assert tagged.span_score(1, 3) == 0.55
    assert tagged.span_score(1, 2) == pytest.approx(0.45)
    assert correct_boundaries(text, registry, [tagged], [mention(text, "Stiftung Brücke")]) == 0
    assert [e.organisation.name for e in registry.entries] == ["Stiftung Brücke Ost"]


def test_span_score_is_the_weakest_of_begin_inside_and_the_end_after_it():
    tagged = TaggedLine(
        tokenise("a b c d")[0],
        ["B-ORG", "I-ORG", "I-ORG", "O"],
        [(0.2, 0.8, 0.0), (0.1, 0.2, 0.7), (0.1, 0.0, 0.9), (0.6, 0.0, 0.4)],
    )
    assert LABELS == ("O", "B-ORG", "I-ORG")
    assert tagged.span_score(0, 2) == pytest.approx(0.6)  # P(not I) after the span
    assert tagged.span_score(0, 1) == pytest.approx(
        0.1
    )  # the third token is likely inside: not the end
    assert tagged.span_score(1, 2) == pytest.approx(
        0.2
    )  # the second token is likely a continuation


def test_a_name_that_also_stands_alone_is_not_lengthened():
    text = "Staff of the Water Office of Lund Energy Society met Lund Energy Society."
    registry = Registry()
    entry = registry.add("Lund Energy Society")
    tokens = tokenise(text)[0]
    labels = ["O"] * len(tokens)
    start = [t.text for t in tokens].index("Water")
    labels[start : start + 6] = ["B-ORG"] + ["I-ORG"] * 5
    tagged = line(text, labels)
    longer = mention(text, "Water Office of Lund Energy Society")
    assert correct_boundaries(text, registry, [tagged], [longer]) == 0
    assert entry.organisation.name == "Lund Energy Society"


def test_a_name_ending_in_an_organisation_word_is_not_cut_before_it():
    text = "We visited the Baltic Institute of Design and Craft Centre today."
    registry = Registry()
    registry.add("Baltic Institute of Design and Craft Centre")
    labels = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    tagged = line(text, labels)
    found = [mention(text, "Baltic Institute of Design")]
    assert correct_boundaries(text, registry, [tagged], found) == 0
    assert [e.organisation.name for e in registry.entries] == [
        "Baltic Institute of Design and Craft Centre"
    ]


def test_one_tagged_half_of_a_coordination_gives_both_names_when_an_article_opens_the_second():
    text = "La Città di Lucca e la Provincia di Anhui firmano."
    registry = Registry()
    registry.add("Città di Lucca e la Provincia di Anhui")
    labels = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O"]
    tagged = line(text, labels)
    assert correct_boundaries(text, registry, [tagged], [mention(text, "Città di Lucca")]) == 1
    assert [e.organisation.name for e in registry.entries] == [
        "Città di Lucca",
        "Provincia di Anhui",
    ]


def test_and_inside_one_name_is_not_split_on_one_tagged_half():
    text = "The School of Music and Dance Studies of Hanzhou Academy met us."
    registry = Registry()
    registry.add("School of Music and Dance Studies of Hanzhou Academy")
    labels = ["O", "B-ORG", "I-ORG", "I-ORG"] + ["O"] * 9
    tagged = line(text, labels)
    assert correct_boundaries(text, registry, [tagged], [mention(text, "School of Music")]) == 0


def test_a_capitalised_word_before_the_tagged_name_is_kept():
    text = "The Sino-Nordic Youth Exchange Project began."
    registry = Registry()
    registry.add("Sino-Nordic Youth Exchange Project")
    tagged = line(text, ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"])
    found = [mention(text, "Youth Exchange Project")]
    assert correct_boundaries(text, registry, [tagged], found) == 0
