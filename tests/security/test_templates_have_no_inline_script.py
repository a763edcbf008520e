"""No inline event handlers or inline executable scripts in templates: JavaScript lives in static files."""

import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "twinning"
TEMPLATES = sorted(SOURCE.glob("**/templates/**/*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_template_has_no_inline_javascript(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"\son[a-z]+\s*=", text), "move the handler to static/twinning/site.js"
    for opening in re.findall(r"<script\b[^>]*>", text):
        assert "src=" in opening or 'type="application/ld+json"' in opening, opening


def test_the_page_script_is_served(client, db):
    assert client.get("/static/twinning/site.js").status_code == 200
