"""The Simplified Chinese catalogue: complete, placeholders intact, compiled .mo in step, pages in Chinese.

The checks double as the catalogue checker: after `make messages` and translating, run
`pytest tests/test_translations.py` and every problem is listed by msgid.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

LOCALE_DIR = (
    Path(__file__).resolve().parents[1] / "src" / "twinning" / "locale" / "zh_Hans" / "LC_MESSAGES"
)
PO_PATH = LOCALE_DIR / "django.po"
MO_PATH = LOCALE_DIR / "django.mo"

# printf-style conversions as Python's % operator reads them (named or positional, "%%" included).
PYTHON_FORMAT = re.compile(r"%(?:\(\w+\))?[#0 +\-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa%]")
BRACE_FORMAT = re.compile(r"\{\w*\}")
ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # index 0 for a singular entry
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        """The lookup key used in a compiled catalogue (context joined with EOT)."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid


def _unquote(literal: str, line: int) -> str:
    literal = literal.strip()
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"line {line}: expected a quoted string, got {literal!r}")
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        if body[i] == "\\":
            out.append(ESCAPES[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def parse_po(path: Path) -> list[Entry]:
    """Read a .po file into entries (obsolete `#~` entries are skipped); the header is the entry with msgid ""."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None

    def finish():
        nonlocal current, target
        if current is not None and target is not None:
            entries.append(current)
        current, target = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if current is not None and target is not None and target[0].startswith("msgstr"):
                finish()  # a comment after msgstr starts the next entry
            if current is None:
                current = Entry(line=number)
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        match = KEYWORD.match(line)
        if match:
            keyword, index, literal = match.groups()
            if (
                keyword in ("msgctxt", "msgid")
                and current is not None
                and target is not None
                and target[0] == "msgstr"
            ):
                finish()  # entries not separated by a blank line
            if current is None:
                current = Entry(line=number)
            value = _unquote(literal, number)
            if keyword.startswith("msgstr"):
                slot = int(index) if index is not None else 0
                current.msgstr[slot] = value
                target = ("msgstr", slot)
            else:
                setattr(current, keyword, value)
                target = (keyword, None)
        elif line.startswith('"') and current is not None and target is not None:
            value = _unquote(line, number)
            if target[0] == "msgstr":
                current.msgstr[target[1]] += value
            else:
                setattr(current, target[0], getattr(current, target[0]) + value)
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def placeholders(text: str) -> Counter:
    return Counter(PYTHON_FORMAT.findall(text)) + Counter(BRACE_FORMAT.findall(text))


def header_fields(entries: list[Entry]) -> dict[str, str]:
    header = next(entry for entry in entries if entry.msgid == "" and entry.msgctxt is None)
    return dict(line.split(":", 1) for line in header.msgstr.get(0, "").splitlines() if ":" in line)


def catalogue_problems(entries: list[Entry]) -> list[str]:
    """Every reason the catalogue is not ready to ship, one line each (empty list when it is)."""
    problems = []
    header = {name.strip(): value.strip() for name, value in header_fields(entries).items()}
    expected = {
        "Language": "zh_Hans",
        "Plural-Forms": "nplurals=1; plural=0;",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    for name, value in expected.items():
        if header.get(name) != value:
            problems.append(f"header {name}: {header.get(name)!r}, expected {value!r}")
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            if "fuzzy" in entry.flags:
                problems.append("header is marked fuzzy")
            continue
        where = f"line {entry.line} {entry.msgid!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{where}: fuzzy")
        if entry.msgid_plural is not None and sorted(entry.msgstr) != [0]:
            problems.append(
                f"{where}: plural entry must have exactly msgstr[0] (nplurals=1), has {sorted(entry.msgstr)}"
            )
        for index, translation in entry.msgstr.items():
            if not translation.strip():
                problems.append(f"{where}: msgstr[{index}] is empty")
                continue
            # with one plural form, msgstr[0] serves every count, so it follows the plural source
            source = entry.msgid_plural if entry.msgid_plural is not None else entry.msgid
            if placeholders(source) != placeholders(translation):
                problems.append(
                    f"{where}: placeholders {sorted(placeholders(source).elements())} != {sorted(placeholders(translation).elements())} in {translation!r}"
                )
            if entry.msgid_plural is not None and placeholders(entry.msgid) != placeholders(
                entry.msgid_plural
            ):
                problems.append(f"{where}: msgid and msgid_plural use different placeholders")
            if source.endswith("\n") != translation.endswith("\n"):
                problems.append(f"{where}: trailing newline differs")
    return problems


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    return parse_po(PO_PATH)


def test_parser_reads_plurals_contexts_and_continuations(tmp_path):
    po = tmp_path / "sample.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n\n'
        '#, python-format\nmsgid "%(n)s pair"\nmsgid_plural "%(n)s pairs"\nmsgstr[0] "%(n)s 个结对"\n\n'
        'msgctxt "menu"\nmsgid ""\n"Long "\n"text"\nmsgstr "长\\"文\\"本"\n\n'
        '#, fuzzy\nmsgid "Open"\nmsgstr ""\n',
        encoding="utf-8",
    )
    header, plural, context, fuzzy = parse_po(po)
    assert header_fields([header]) == {"Language": " zh_Hans"}
    assert (plural.msgid_plural, plural.msgstr, plural.flags) == (
        "%(n)s pairs",
        {0: "%(n)s 个结对"},
        {"python-format"},
    )
    assert (context.key, context.msgstr[0]) == ("menu\x04Long text", '长"文"本')
    assert catalogue_problems([header, plural, context, fuzzy]) == [
        "header Plural-Forms: None, expected 'nplurals=1; plural=0;'",
        "header Content-Type: None, expected 'text/plain; charset=UTF-8'",
        "line 16 'Open': fuzzy",
        "line 16 'Open': msgstr[0] is empty",
    ]


def test_checker_catches_broken_placeholders():
    entry = Entry(msgid="%(name)s scored %(max)d%%", msgstr={0: "%(name)s 得分 %(max)s"}, line=1)
    header = Entry(
        msgid="",
        msgstr={
            0: "Language: zh_Hans\nPlural-Forms: nplurals=1; plural=0;\nContent-Type: text/plain; charset=UTF-8\n"
        },
    )
    [problem] = catalogue_problems([header, entry])
    assert "placeholders" in problem


def test_every_entry_is_translated_without_fuzzy_flags_and_keeps_placeholders(catalogue):
    assert len(catalogue) > 100
    problems = catalogue_problems(catalogue)
    assert not problems, f"{len(problems)} problem(s) in {PO_PATH.name}:\n" + "\n".join(problems)


def test_compiled_catalogue_matches_the_po_file(catalogue):
    """The committed .mo (used when gettext is not installed) says exactly what the .po says."""
    with MO_PATH.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in catalogue:
        if "fuzzy" in entry.flags or not all(entry.msgstr.values()):
            continue  # msgfmt leaves these out
        if entry.msgid_plural is not None:
            expected.update({(entry.key, index): text for index, text in entry.msgstr.items()})
        else:
            expected[entry.key] = entry.msgstr[0]
    # msgfmt drops POT-Creation-Date from the compiled header; the other fields must agree
    compiled_header, po_header = (
        {line for line in header.splitlines() if not line.startswith("POT-Creation-Date:")}
        for header in (compiled.pop(""), expected.pop(""))
    )
    assert compiled_header == po_header, "header differs"
    missing = sorted(str(key) for key in expected.keys() - compiled.keys())
    stale = sorted(str(key) for key in compiled.keys() - expected.keys())
    changed = sorted(
        str(key) for key in expected.keys() & compiled.keys() if expected[key] != compiled[key]
    )
    assert not (missing or stale or changed), (
        "django.mo is out of date; run `python -m django compilemessages` in src/twinning.\n"
        f"missing: {missing[:10]}\nstale: {stale[:10]}\nchanged: {changed[:10]}"
    )


@pytest.mark.django_db
def test_chinese_home_page_has_chinese_navigation(client):
    html = client.get("/zh-hans/").content.decode()
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    for label in ("组织名录", "项目", "活动", "资料库"):
        assert label in nav
    assert "登录" in html


@pytest.mark.django_db
def test_chinese_directory_has_a_chinese_title(client):
    response = client.get("/zh-hans/organisations/")
    assert response.status_code == 200
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert "组织名录" in title and "Directory" not in title


@pytest.mark.django_db
def test_english_pages_stay_in_english(client):
    html = client.get("/organisations/").content.decode()
    assert "Directory" in html and "组织名录" not in html
