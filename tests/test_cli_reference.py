from pathlib import Path

from twinning.cli.reference import render

DOCUMENT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_matches_the_code():
    assert DOCUMENT.read_text(encoding="utf-8") == render(), (
        "regenerate with: python -m twinning.cli.reference > docs/cli.md"
    )


def test_every_command_has_help():
    text = render()
    for command in ("demo", "serve", "worker", "ingest", "import", "export", "create-coordinator"):
        assert f"## twinning {command}" in text
