"""No inline event handlers, inline scripts or inline styles in templates: JavaScript and CSS live in static files."""

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


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_template_has_no_inline_style(template):
    """`style-src 'self'`: a style attribute or a <style> block would be refused by the browser."""
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle\s*=", text), "use a class from static/twinning/site.css"
    assert not re.search(r"<style\b", text, re.I), "move the rules to static/twinning/site.css"


def test_no_python_source_writes_a_style_attribute():
    """HTML built in Python (format_html, widgets, SVG) follows the same rule."""
    offenders = [
        str(path.relative_to(SOURCE))
        for path in sorted(SOURCE.glob("**/*.py"))
        if re.search(r"""\sstyle=\\?["']""", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_page_script_is_served(client, db):
    assert client.get("/static/twinning/site.js").status_code == 200


@pytest.mark.parametrize("name", ["site.css", "error.css", "cytoscape.css"])
def test_the_stylesheets_that_replaced_inline_styles_are_served(client, db, name):
    assert client.get(f"/static/twinning/{name}").status_code == 200
