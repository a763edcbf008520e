"""Every row of the cue table carries an example sentence: run through the whole extractor,
it must give the row's fact (founding year, or the relation with its ends and year)."""

import pytest

from twinning.extract import extract_text
from twinning.extract.cues import CUES, Cue
from twinning.extract.text import name_key

# The page's own organisation for the "we" rows: a page whose title names it.
SELF_PAGE = {
    "en": "Harbour Society",
    "de": "Verein Grüne Brücke Kassel",
    "fr": "Association Les Jardins du Rhône",
    "nl": "Stichting Blauwe Rivier",
    "it": "Associazione Terra Viva",
    "es": "Fundación Mar Abierto",
}


def _extract(cue: Cue):
    title = SELF_PAGE.get(cue.language, "")
    return extract_text(cue.example, language=cue.language, title=title).to_json()


@pytest.mark.parametrize("cue", CUES, ids=lambda cue: f"{cue.language}-{cue.kind}-{cue.roles}")
def test_cue_example_gives_its_fact(cue):
    result = _extract(cue)
    if cue.kind == "founded":
        name, year = cue.expect
        name = SELF_PAGE[cue.language] if name == "*" else name
        founded = {name_key(o["name"]): o["founded"] for o in result["organisations"]}
        assert founded.get(name_key(name)) == year, result["organisations"]
        return
    a, b, year = cue.expect
    pairs = {
        (name_key(p["a"]), name_key(p["b"]), p["kind"], p["year"]) for p in result["partnerships"]
    }
    assert (name_key(a), name_key(b), cue.kind, year) in pairs, result["partnerships"]


def test_every_language_has_founding_and_every_relation_kind():
    for language in ("de", "fr", "nl", "it", "es", "zh"):
        kinds = {cue.kind for cue in CUES if cue.language == language}
        assert kinds == {"founded", "twinning", "partner", "membership", "visit"}, language
