"""Readers: bytes of a text, HTML, PDF, CSV or XLSX file in, plain text and tables out.

Every failure is an `ExtractError` with a one-line message; nothing else escapes.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A realistic 300,000-character text took 104 s on the loaded 2-core machine: past this much
# text a document would take minutes, so it is refused (split it) instead.
MAX_TEXT_CHARS = 200_000
# Spreadsheet bombs: a small file that unpacks to gigabytes or declares millions of cells.
MAX_SHEET_CELLS = 500_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SHEET_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | SHEET_SUFFIXES | {".pdf"}


class ExtractError(Exception):
    """A document that cannot be read; `str(error)` is a one-line message for the user."""


@dataclass
class ReadDocument:
    """A document's text (lines) and its tables (rows of cells), with where it came from."""

    source: str
    content_type: str
    text: str
    tables: list[list[list[str]]] = field(default_factory=list)
    # An HTML page's <title> and footer text (its own name and address), else "".
    title: str = ""
    footer: str = ""


# Encodings a page of ours may come in; charset-normalizer chooses among these only, so that
# Western text is never read as a Central European code page.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "cp1252", "latin_1", "utf_16", "utf_32"]


def decode_bytes(data: bytes) -> str:
    """Text of `data`: BOMs first, UTF-16 without BOM, UTF-8, then charset-normalizer among
    GB18030, Big5, Windows-1252 and Latin-1; mojibake (UTF-8 read as Latin-1) repaired by ftfy."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ExtractError(f"cannot decode text as {encoding}: {error.reason}") from None
    sample = data[:4096]
    if len(sample) >= 4:
        odd_zeros, even_zeros = sample[1::2].count(0), sample[0::2].count(0)
        half = len(sample) // 2
        for zeros, encoding in ((odd_zeros, "utf-16-le"), (even_zeros, "utf-16-be")):
            if zeros >= half * 0.3:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detected(data)
    return _repaired(text)


def _detected(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024], cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is not None:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


def _repaired(text: str) -> str:
    """ "ComitÃ©" back to "Comité" when the text shows mojibake; other text is left alone."""
    if not re.search("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u201a-\u201e\u2122]", text):
        return text
    import ftfy

    return ftfy.fix_text(text, normalization="NFC")


def sniff_content_type(data: bytes, filename: str) -> str:
    """One of "text", "html", "pdf", "csv", "tsv", "xlsx", from the name, else the bytes."""
    suffix = Path(filename).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<table" in head:
        return "html"
    return "text"


def read_document(
    path_or_bytes: str | Path | bytes,
    filename: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadDocument:
    """Read a file path ("-" is standard input) or raw bytes named `filename`."""
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
        source = filename or "<bytes>"
    else:
        source = str(path_or_bytes)
        data = _read_source(source, max_bytes)
    name = filename or source
    if len(data) > max_bytes:
        raise ExtractError(f"{name}: file is larger than the {max_bytes} byte limit")
    if not data.strip():
        raise ExtractError(f"{name}: file is empty")
    content_type = sniff_content_type(data, name)
    try:
        if content_type == "pdf":
            document = ReadDocument(source, "pdf", _pdf_text(data, name))
        elif content_type == "xlsx":
            document = ReadDocument(source, "xlsx", "", _xlsx_tables(data, name))
        elif content_type in ("csv", "tsv"):
            document = ReadDocument(
                source, content_type, "", [_csv_rows(decode_bytes(data), content_type)]
            )
        elif content_type == "html":
            from twinning.extract.html import html_to_text, page_frame

            markup = decode_bytes(data)
            text, tables = html_to_text(markup)
            title, footer = page_frame(markup)
            document = ReadDocument(source, "html", text, tables, title, footer)
        else:
            document = ReadDocument(source, "text", decode_bytes(data))
    except ExtractError as error:
        message = str(error)
        raise ExtractError(message if message.startswith(name) else f"{name}: {message}") from None
    except Exception as error:  # a malformed file may raise anything inside a parser
        raise ExtractError(f"{name}: cannot read {content_type}: {_one_line(error)}") from None
    if not document.text.strip() and not any(document.tables):
        raise ExtractError(f"{name}: no text found")
    check_length(document.text, name)
    return document


def check_length(text: str, name: str) -> None:
    """Refuse a text longer than `MAX_TEXT_CHARS` with one line (before any rule runs)."""
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractError(
            f"{name}: text is {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} "
            "read at once; split the document"
        )


def _one_line(error: BaseException) -> str:
    return re.sub(r"\s+", " ", str(error) or type(error).__name__).strip()[:200]


def _read_source(source: str, max_bytes: int) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ExtractError(f"-: input is larger than the {max_bytes} byte limit")
        return data
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExtractError(f"{source}: file is larger than the {max_bytes} byte limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise ExtractError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise ExtractError(f"{source}: is a directory") from None
    except OSError as error:
        raise ExtractError(f"{source}: cannot read: {error.strerror or error}") from None


def _pdf_text(data: bytes, name: str) -> str:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:
            raise ExtractError(f"{name}: PDF is encrypted") from None
    pages = [page.extract_text() or "" for page in reader.pages]
    text = "\n\n".join(pages)
    if not text.strip():
        raise ExtractError(f"{name}: PDF has no text layer (scanned?); run OCR first")
    return text


def _csv_rows(text: str, content_type: str) -> list[list[str]]:
    sample = text[:4096]
    delimiter = "\t" if content_type == "tsv" else ","
    if content_type == "csv":
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    rows, cells = [], 0
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        cells += len(row)
        if cells > MAX_SHEET_CELLS:
            raise ExtractError(f"more than {MAX_SHEET_CELLS:,} cells; not read")
        rows.append([cell.strip() for cell in row])
    rows = [row for row in rows if any(row)]
    if len(rows) < 2 or len(rows[0]) < 1:
        raise ExtractError("sheet needs a header row and at least one data row")
    return rows


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


SHEET_TYPES = ("csv", "tsv", "xlsx")


def check_sheet_size(data: bytes, name: str) -> str | None:
    """For a spreadsheet, refuse it without parsing when it is too large (its content type);
    None for any other file. A CSV/TSV's cells are bounded by its separators and line ends."""
    content_type = sniff_content_type(data, name)
    if content_type == "xlsx":
        check_workbook_size(data, name)
    elif content_type in ("csv", "tsv"):
        bound = 1 + data.count(b"\n") + sum(data.count(mark) for mark in (b",", b";", b"\t", b"|"))
        if bound > MAX_SHEET_CELLS:
            raise ExtractError(
                f"{name}: the sheet may hold more than {MAX_SHEET_CELLS:,} cells; not read"
            )
    else:
        return None
    return content_type


def check_workbook_size(data: bytes, name: str) -> None:
    """Refuse a workbook before parsing it: too much unpacked data, or sheets declaring too many cells."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ExtractError(f"{name}: cannot read xlsx: not a zip archive") from None
    with archive:
        members = archive.infolist()
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            raise ExtractError(
                f"{name}: the workbook unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB"
            )
        cells = 0
        for member in members:
            if not member.filename.startswith("xl/worksheets/") or member.is_dir():
                continue
            with archive.open(member) as sheet:
                head = sheet.read(4096)
            found = _DIMENSION.search(head)
            if found and found.group(3) and found.group(4):
                first_column = _column_number(found.group(1).decode()) if found.group(1) else 1
                first_row = int(found.group(2)) if found.group(2) else 1
                columns = _column_number(found.group(3).decode()) - first_column + 1
                cells += max(columns, 1) * max(int(found.group(4)) - first_row + 1, 1)
        if cells > MAX_SHEET_CELLS:
            raise ExtractError(
                f"{name}: the sheets declare {cells:,} cells; at most {MAX_SHEET_CELLS:,} are read"
            )


def _xlsx_tables(data: bytes, name: str) -> list[list[list[str]]]:
    from openpyxl import load_workbook

    check_workbook_size(data, name)
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables: list[list[list[str]]] = []
    cells = 0
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
            if cells > MAX_SHEET_CELLS:  # a sheet whose declared size lied
                workbook.close()
                raise ExtractError(f"{name}: more than {MAX_SHEET_CELLS:,} cells; not read")
            rows.append(["" if cell is None else str(cell).strip() for cell in row])
        rows = [row for row in rows if any(row)]
        if rows:
            tables.append(rows)
    workbook.close()
    if not tables or all(len(table) < 2 for table in tables):
        raise ExtractError(f"{name}: sheet needs a header row and at least one data row")
    return tables


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files named, with folders replaced by the readable files inside them, sorted."""
    expanded: list[str] = []
    for path in paths:
        text = str(path)
        if text != "-" and Path(text).is_dir():
            expanded.extend(
                str(child)
                for child in sorted(Path(text).rglob("*"))
                if child.is_file()
                and child.suffix.lower() in READABLE_SUFFIXES
                and not child.name.startswith(".")
            )
        else:
            expanded.append(text)
    return expanded
