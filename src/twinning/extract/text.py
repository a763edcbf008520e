"""Text helpers: cleaning, lines and sentences, name keys and dates. Pure functions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

BULLET_RE = re.compile(r"^\s*(?:[•●▪◦·∙‣○■□*+\-–—]|\d{1,2}[.)]|[a-z][.)])\s+")
ABBREVIATIONS = (
    "mr", "ms", "mrs", "dr", "prof", "co", "ltd", "inc", "st", "no", "nr", "vs", "e.g", "i.e", "etc",
    "jr", "sr", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
)  # fmt: skip
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def _month_names_of_other_languages() -> dict[str, int]:
    """Full month names in German, French, Dutch, Italian and Spanish, from babel's CLDR data
    (abbreviations such as "mar" or "set" collide with words, so only full names)."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in ("de", "fr", "nl", "it", "es", "pt"):
        for number, name in get_month_names("wide", locale=locale).items():
            names.setdefault(name.lower(), int(number))
    names.update({"märz": 3, "maerz": 3, "setiembre": 9})
    return names


MONTHS.update({k: v for k, v in _month_names_of_other_languages().items() if k not in MONTHS})
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Between a day and its month or year ("21 de octubre de 2022", "14. März 2020", "1er mai").
DAY_END = r"(?:st|nd|rd|th|er|\.)?"
OF = r"(?:\s+(?:de|del|di)\b)?"
RANGE_TO = r"(?:to|until|till|au|bis|al|tot|a|hasta|y|et|e|en|[-–—])"
YEAR = r"(?:19|20)\d{2}"


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def clean_text(text: str) -> str:
    """Unicode-normalise (full-width forms to ASCII), unify quotes, drop control characters."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u200b", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return re.sub(r"[ \t]+", " ", text)


def name_key(name: str) -> str:
    """A comparison key for names: case, punctuation, a leading "the" and spacing ignored."""
    text = unicodedata.normalize("NFKC", name).lower().replace("'s ", "s ")
    text = re.sub(r"[^\w\u4e00-\u9fff]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"\s+", " ", text)


def is_bullet(line: str) -> bool:
    return bool(BULLET_RE.match(line))


def strip_bullet(line: str) -> str:
    return BULLET_RE.sub("", line, count=1).strip()


_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u4e00-\u9fff])|(?<=[。！？])"
)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; abbreviations such as "Mr." or "Co." do not end one."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : match.start()].rstrip()
        # Only the candidate's end is read: a run of "Mr." lines must not cost its square.
        last_word = re.search(r"([\w.]+)\.$", candidate[-40:])
        if last_word and (
            last_word.group(1).lower() in ABBREVIATIONS or len(last_word.group(1)) == 1
        ):
            continue
        if candidate:
            pieces.append(candidate.strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return [chunk for piece in pieces for chunk in _bounded(piece)]


MAX_SENTENCE = 1000


def _bounded(sentence: str) -> list[str]:
    """A run-on "sentence" (a 10 MB line without a full stop) cut at spaces into pieces of at
    most 1,000 characters, so that the work per sentence stays bounded."""
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    chunks: list[str] = []
    while len(sentence) > MAX_SENTENCE:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        chunks.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        chunks.append(sentence)
    return chunks


@dataclass(frozen=True)
class Block:
    """A paragraph or a single line of the document, with its sentences."""

    text: str
    index: int
    is_heading: bool
    is_bullet: bool
    sentences: tuple[str, ...]


def looks_like_heading(line: str) -> bool:
    """A short title-like line: no sentence end, few words, starting with a capital or CJK."""
    stripped = line.strip()
    if not stripped or is_bullet(stripped) or len(stripped) > 120:
        return False
    if stripped[-1] in ".;!?。；" or len(stripped.split()) > 14:
        return False
    if has_cjk(stripped):
        return len(stripped) <= 40 and "，" not in stripped and "," not in stripped
    return stripped[0].isupper() or stripped[0].isdigit()


def _stands_alone(line: str, following: str) -> bool:
    """Whether a short line is a heading rather than the first line of a wrapped paragraph."""
    if not following or is_bullet(following) or has_cjk(line):
        return True
    last_word = line.split()[-1]
    return not (last_word.islower() and len(line) > 40)


def split_blocks(text: str) -> list[Block]:
    """Lines grouped into blocks: each heading and bullet on its own, prose lines joined."""
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            paragraph = " ".join(buffer)
            blocks.append(
                Block(paragraph, len(blocks), False, False, tuple(split_sentences(paragraph)))
            )
            buffer.clear()

    lines = text.split("\n")
    for position, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            flush()
            continue
        following = lines[position + 1].strip() if position + 1 < len(lines) else ""
        if is_bullet(line):
            flush()
            item = strip_bullet(line)
            blocks.append(Block(item, len(blocks), False, True, (item,)))
        elif (
            looks_like_heading(line)
            and (not buffer or buffer[-1].endswith((".", "!", "?", "。", "!", "?")))
            and _stands_alone(line, following)
        ):
            flush()
            blocks.append(Block(line, len(blocks), True, False, (line,)))
        else:
            buffer.append(line)
    flush()
    return blocks


DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(" + YEAR + r")-(\d{1,2})-(\d{1,2})\b"), "ymd"),
    # Ranges across months start on their first day: "28 November to 1 December 2019".
    (
        re.compile(
            r"\b(\d{1,2})"
            + DAY_END
            + OF
            + r"\s+("
            + MONTH_NAMES
            + r")\.?\s*"
            + RANGE_TO
            + r"\s*\d{1,2}"
            + DAY_END
            + OF
            + r"\s+(?:"
            + MONTH_NAMES
            + r")\.?,?"
            + OF
            + r"\s+("
            + YEAR
            + r")\b",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    # "March 12–14, 2019" and "November 28 to December 1, 2019".
    (
        re.compile(
            r"\b("
            + MONTH_NAMES
            + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|until|[-–—])\s*(?:(?:"
            + MONTH_NAMES
            + r")\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+("
            + YEAR
            + r")\b",
            re.IGNORECASE,
        ),
        "mdy",
    ),
    (
        re.compile(
            r"\b(" + MONTH_NAMES + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(" + YEAR + r")\b",
            re.IGNORECASE,
        ),
        "mdy",
    ),
    (
        re.compile(
            r"\b(\d{1,2})"
            + DAY_END
            + r"\s*(?:and|"
            + RANGE_TO
            + r")\s*\d{1,2}"
            + DAY_END
            + OF
            + r"\s+("
            + MONTH_NAMES
            + r")\.?,?"
            + OF
            + r"\s+("
            + YEAR
            + r")\b",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    (
        re.compile(
            r"\b(\d{1,2})"
            + DAY_END
            + OF
            + r"\s+("
            + MONTH_NAMES
            + r")\.?,?"
            + OF
            + r"\s+("
            + YEAR
            + r")\b",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    # "October to December 2020": a season starts in its first month.
    (
        re.compile(
            r"\b("
            + MONTH_NAMES
            + r")\s*(?:[-–]|to|until)\s*(?:"
            + MONTH_NAMES
            + r")\.?,?\s+("
            + YEAR
            + r")\b",
            re.IGNORECASE,
        ),
        "my",
    ),
    (
        re.compile(r"\b(" + MONTH_NAMES + r")\.?,?" + OF + r"\s+(" + YEAR + r")\b", re.IGNORECASE),
        "my",
    ),
    (re.compile(r"(" + YEAR + r")\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "ymd"),
    # "15.03.2023" and "15/03/2023": day first, as written in Europe.
    (re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](" + YEAR + r")(?![\d.])"), "dmy_numeric"),
    (re.compile(r"(" + YEAR + r")\s*年\s*(\d{1,2})\s*月"), "ym"),
    (re.compile(r"(?<![\d-])(" + YEAR + r")(?![\d-])"), "y"),
)


def find_dates(text: str) -> list[tuple[int, str]]:
    """Dates in `text` as (position, "YYYY" | "YYYY-MM" | "YYYY-MM-DD"), most precise kept."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    for pattern, shape in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            groups = match.groups()
            if shape == "ymd":
                year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
            elif shape == "mdy":
                month, day, year = MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
            elif shape == "dmy":
                day, month, year = int(groups[0]), MONTHS[groups[1].lower()], int(groups[2])
            elif shape == "dmy_numeric":
                day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
            elif shape == "my":
                month, day, year = MONTHS[groups[0].lower()], 0, int(groups[1])
            elif shape == "ym":
                year, month, day = int(groups[0]), int(groups[1]), 0
            else:
                year, month, day = int(groups[0]), 0, 0
            if shape == "my" and groups[0].lower() == "may" and not groups[0][0].isupper():
                continue
            if not 1 <= month <= 12 and month:
                continue
            if day and not 1 <= day <= 31:
                day = 0
            value = f"{year:04d}"
            if month:
                value += f"-{month:02d}"
                if day:
                    value += f"-{day:02d}"
            taken.append((match.start(), match.end()))
            found.append((match.start(), value))
    return sorted(found)


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None
