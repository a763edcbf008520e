import codecs
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.builders import REPORT_LINES, make_blank_pdf, make_pdf, make_xlsx
from twinning.extract import ExtractError, extract_text, read_document
from twinning.extract.readers import decode_bytes, expand_paths

DATA = Path(__file__).with_name("data")


def test_decode_utf8_with_and_without_bom():
    assert decode_bytes("Société".encode()) == "Société"
    assert decode_bytes(codecs.BOM_UTF8 + "Société".encode()) == "Société"


def test_decode_gb18030_utf16_and_latin1():
    assert decode_bytes("重庆市可再生能源学会".encode("gb18030")) == "重庆市可再生能源学会"
    assert decode_bytes("Zero Waste Europe".encode("utf-16")) == "Zero Waste Europe"
    assert decode_bytes(b"Caf\xe9 M\xfcller \xff") == "Café Müller ÿ"


def test_gb18030_file_is_extracted(tmp_path):
    path = tmp_path / "profile.txt"
    path.write_bytes("成都绿色河流保护协会成立于2010年。".encode("gb18030"))
    document = read_document(path)
    assert document.content_type == "text"
    assert extract_text(document.text).to_json()["organisations"][0]["founded"] == 2010


def test_html_drops_boilerplate_and_keeps_table_rows():
    document = read_document(DATA / "partners_table.html")
    assert document.content_type == "html"
    assert "analytics" not in document.text
    assert "Home" not in document.text
    assert "Example Bank" not in document.text
    assert "Partner organisations of the River Cities Exchange" in document.text
    assert (
        "Danube Wetland Alliance | DWA | Austria | Vienna | 2003 | Biodiversity; Water"
        in document.text
    )
    assert document.tables[0][0] == [
        "Organisation",
        "Acronym",
        "Country",
        "City",
        "Founded",
        "Topics",
    ]
    assert len(document.tables[0]) == 5


def test_html_list_items_become_bullet_lines():
    document = read_document(
        b"<html><body><ul><li>Alpha Society</li><li>Beta Network</li></ul></body></html>", "x.html"
    )
    assert document.text.splitlines() == ["• Alpha Society", "• Beta Network"]


def test_pdf_text_is_read():
    document = read_document(make_pdf(REPORT_LINES), "report.pdf")
    assert document.content_type == "pdf"
    assert document.text.splitlines()[1] == "Krakow Smog Alert (Poland)"


def test_scanned_pdf_without_text_is_an_error():
    with pytest.raises(ExtractError, match="no text layer"):
        read_document(make_blank_pdf(), "scan.pdf")


def test_missing_empty_and_oversized_files(tmp_path):
    with pytest.raises(ExtractError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(ExtractError, match="file is empty"):
        read_document(empty)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(ExtractError, match="larger than the 1000 byte limit"):
        read_document(big, max_bytes=1000)
    with pytest.raises(ExtractError, match="is a directory"):
        read_document(tmp_path)


def test_error_messages_are_one_line(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n")
    with pytest.raises(ExtractError) as caught:
        read_document(broken)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(str(broken))


def test_sheet_without_a_name_column_is_malformed(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("colour,size\nred,3\n", encoding="utf-8")
    from twinning.extract import extract_paths

    with pytest.raises(ExtractError, match="malformed sheet: no organisation or name column"):
        extract_paths([path])


def test_sheet_with_only_a_header_is_malformed():
    with pytest.raises(ExtractError, match="header row and at least one data row"):
        read_document(make_xlsx([["name", "country"]]), "only-header.xlsx")
    with pytest.raises(ExtractError, match="cannot read xlsx"):
        read_document(b"PK\x03\x04 not really a zip", "bad.xlsx")


def test_xlsx_rows_are_read():
    document = read_document(
        make_xlsx([["Organisation", "Country"], ["Alpha Society", "France"]]), "a.xlsx"
    )
    assert document.tables == [[["Organisation", "Country"], ["Alpha Society", "France"]]]


def test_stdin_is_read(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Legambiente, Italy\n")))
    assert read_document("-").text == "Legambiente, Italy\n"


def test_folders_expand_to_readable_files(tmp_path):
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.html").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.pdf").write_bytes(b"x")
    assert expand_paths([tmp_path, "-"]) == [
        str(tmp_path / "a.html"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.pdf"),
        "-",
    ]


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=400),
    name=st.sampled_from(["x.txt", "x.html", "x.pdf", "x.csv", "x.xlsx", "x"]),
)
def test_random_bytes_never_crash(data, name):
    try:
        document = read_document(data, name)
    except ExtractError as error:
        assert "\n" not in str(error)
        return
    extract_text(document.text, tables=document.tables)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_random_text_always_gives_a_result(text):
    result = extract_text(text)
    assert set(result.to_json()) == {"organisations", "partnerships", "events", "people"}
