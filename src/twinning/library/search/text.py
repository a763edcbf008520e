"""Words for the full-text index: English folded and plural-stemmed, Chinese segmented with jieba.

Index and query go through the same functions, so SQLite FTS5 and PostgreSQL see the same words.
Indexing uses jieba's search mode (a long word also yields the shorter words inside it).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache
from types import ModuleType

from django.utils.html import escape

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")

STOPWORDS = frozenset(
    """a an and are as at be been but by for from has have how in into is it its of on or that the
    their this to was were what when where which who why with about our we you your do does
    的 了 和 与 及 在 是 有 也 都 就 而 或 等 对 为 把 被 之 其 这 那 中 上 下 我们 他们 一个 如何 什么 哪些""".split()  # noqa: SIM905 - a word list reads better as text
)


@cache
def _jieba() -> ModuleType:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def fold(word: str) -> str:
    """Lower case without accents: "Éco" and "eco" are one word."""
    if word.isascii():  # the same result, without decomposing every character (snippets fold pages)
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    # The marks among the distinct characters, deleted in one pass (not a test per character).
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks) if marks else decomposed


def stem(word: str) -> str:
    """Harman's S-stemmer: joins plurals ("cities"/"city") and nothing else, on purpose."""
    if len(word) <= 3 or not word.isascii():
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def _words(text: str, *, search_mode: bool) -> list[str]:
    words: list[str] = []
    for run in _TOKEN.findall(text):
        if _IS_CJK.match(run):
            jieba = _jieba()
            pieces = jieba.cut_for_search(run) if search_mode else jieba.cut(run)
            words.extend(piece for piece in pieces if piece.strip())
        else:
            words.append(stem(fold(run)))
    return words


def index_words(text: str) -> str:
    """The space-separated words stored for full-text matching."""
    return " ".join(_words(text, search_mode=True))


def query_words(text: str) -> list[str]:
    """The distinct content words of a query, in order; stop words dropped unless nothing is left."""
    words = list(dict.fromkeys(_words(text, search_mode=False)))
    content = [word for word in words if word not in STOPWORDS]
    return content or words


def _word_pattern(words: list[str]) -> re.Pattern[str] | None:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        if _IS_CJK.match(word):
            parts.append(re.escape(word))
        else:
            root = (
                word[:-1] if word.endswith("y") and len(word) > 3 else word
            )  # "city" also marks "cities"
            parts.append(r"\b" + re.escape(root) + r"\w*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def snippet(text: str, words: list[str], *, width: int = 220) -> tuple[str, str]:
    """A window of `text` around the first query word: (plain text, escaped HTML with <mark>)."""
    text = " ".join(text.split())
    pattern = _word_pattern(words)
    match = pattern.search(fold(text)) if pattern else None
    start = 0
    if match and match.start() > width // 3:
        start = text.rfind(" ", 0, match.start() - width // 3) + 1 or match.start() - width // 3
    end = min(len(text), start + width)
    if end < len(text) and " " in text[end - 20 : end]:
        end = text.rfind(" ", end - 20, end)
    window = text[start:end]
    prefix, suffix = ("… " if start > 0 else ""), (" …" if end < len(text) else "")
    plain = f"{prefix}{window}{suffix}"
    if pattern is None:
        return plain, escape(plain)
    folded = fold(window)
    if len(folded) != len(
        window
    ):  # folding changed lengths (rare ligatures): no marks rather than wrong ones
        return plain, escape(plain)
    html: list[str] = [escape(prefix)]
    cursor = 0
    for hit in pattern.finditer(folded):
        html.append(escape(window[cursor : hit.start()]))
        html.append(f"<mark>{escape(window[hit.start() : hit.end()])}</mark>")
        cursor = hit.end()
    html.append(escape(window[cursor:]) + escape(suffix))
    return plain, "".join(html)


def chunk_paragraphs(text: str, *, target: int = 600, limit: int = 1200) -> list[str]:
    """Paragraph-sized pieces: short paragraphs merged up to `target`, long ones cut at sentences."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text) if p.strip()]
    pieces: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        sentence_buffer = ""
        for sentence in re.split(r"(?<=[.!?。！？；;])\s*", paragraph):
            if sentence_buffer and len(sentence_buffer) + len(sentence) > target:
                pieces.append(sentence_buffer.strip())
                sentence_buffer = ""
            sentence_buffer += sentence + ("" if _IS_CJK.search(sentence[-1:] or "a") else " ")
            while len(sentence_buffer) > limit:
                pieces.append(sentence_buffer[:limit])
                sentence_buffer = sentence_buffer[limit:]
        if sentence_buffer.strip():
            pieces.append(sentence_buffer.strip())
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + len(piece) < target:
            chunks[-1] = f"{chunks[-1]}\n{piece}"
        else:
            chunks.append(piece)
    return chunks
