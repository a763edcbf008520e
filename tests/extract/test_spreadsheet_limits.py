"""Spreadsheet bombs are refused by unpacked size and cell count before (or while) parsing."""

import io

import pytest
from openpyxl import Workbook

from twinning.extract import readers
from twinning.extract.readers import ExtractError, read_document


def workbook(*cells: tuple[str, str]) -> bytes:
    book = Workbook()
    sheet = book.active
    for address, value in cells:
        sheet[address] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_sheet_declaring_too_many_cells_is_refused_before_parsing(monkeypatch):
    data = workbook(("A1", "name"), ("A2", "Blue Delta"), ("Z30000", "x"))
    parsed = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: parsed.append(1))
    with pytest.raises(ExtractError) as refused:
        read_document(data, "bomb.xlsx")
    assert (
        str(refused.value)
        == "bomb.xlsx: the sheets declare 780,000 cells; at most 500,000 are read"
    )
    assert parsed == []


def test_a_workbook_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_UNPACKED_BYTES", 1024)
    with pytest.raises(ExtractError, match="unpacks to more than"):
        read_document(workbook(("A1", "name"), ("A2", "x" * 5000)), "big.xlsx")


def test_a_csv_with_too_many_cells_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_SHEET_CELLS", 10)
    with pytest.raises(ExtractError, match="more than 10 cells"):
        read_document(b"name,country\n" + b"a,FR\n" * 10, "many.csv")


def test_an_ordinary_sheet_is_still_read():
    document = read_document(workbook(("A1", "name"), ("A2", "Blue Delta")), "ok.xlsx")
    assert document.tables == [[["name"], ["Blue Delta"]]]
