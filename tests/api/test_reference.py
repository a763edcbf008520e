from pathlib import Path

from twinning.api.reference import render

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_api_reference_matches_the_schema():
    assert DOCUMENT.read_text(encoding="utf-8") == render(), (
        "regenerate with: python -m twinning.api.reference > docs/api.md"
    )
