"""The language of a text: one of en, zh, de, fr, nl, it, es (lingua, offline), else None."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

LANGUAGES = ("en", "zh", "de", "fr", "nl", "it", "es")
SAMPLE_CHARS = 4000
MIN_WORDS = 6
# Below this confidence the text is read as English (the rules' default).
MIN_CONFIDENCE = 0.6


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of `text` (its first 4,000 characters); a text with
    a fifth of its letters Chinese is "zh". None when there is nothing to tell by (fewer than
    six lower-case words, or no language with confidence 0.6)."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    han = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff")
    if han >= len(letters) * 0.2 or han >= 30:
        return "zh"
    # Names say nothing of the language they are written in ("Gdańsk Sea Education Society"):
    # only the lower-case words are read, and a text with too few of them tells nothing.
    function_words = re.findall(r"(?<![\w'’])[a-zà-ÿ][\w'’-]*", sample)
    if len(function_words) < MIN_WORDS:
        return None
    values = _detector().compute_language_confidence_values(" ".join(function_words))
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    code = values[0].language.iso_code_639_1.name.lower()
    return code if code in LANGUAGES else None
