"""HTML to text lines: boilerplate dropped, headings, list items and table rows kept as lines."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

BOILERPLATE_TAGS = (
    "script",
    "style",
    "nav",
    "footer",
    "header",
    "aside",
    "noscript",
    "form",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
)
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "address", "figure",
    "figcaption", "br", "hr", "body",
}  # fmt: skip
# A cell holding blocks of its own is page layout (a newsletter in one table), not a record.
LAYOUT_CHILDREN = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table")
BOILERPLATE_CLASS = re.compile(
    r"\b(?:nav|navbar|menu|breadcrumb|cookie|footer|header|sidebar|share|social)\b", re.IGNORECASE
)


def html_to_text(markup: str) -> tuple[str, list[list[list[str]]]]:
    """Readable lines of an HTML page and its tables as rows of cell texts."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    if not markup.strip():
        return "", []
    root = lxml.html.document_fromstring(markup)
    for element in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        if element.getparent() is not None:
            element.drop_tree()
    for tag in BOILERPLATE_TAGS:
        for element in root.findall(f".//{tag}"):
            if element.getparent() is not None:
                element.drop_tree()
    for element in root.xpath("//*[@role='navigation' or @class or @id]"):
        label = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        boilerplate = BOILERPLATE_CLASS.search(label) and element.tag not in (
            "body",
            "main",
            "article",
        )
        if boilerplate and element.getparent() is not None:
            element.drop_tree()
    tables: list[list[list[str]]] = []
    for table in root.findall(".//table"):
        rows = []
        for row in table.findall(".//tr"):
            if _is_layout(row):
                continue
            cells = [_cell_text(cell) for cell in row if cell.tag in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if rows:
            tables.append(rows)
    lines: list[str] = []
    _walk(root.find("body") if root.find("body") is not None else root, lines, [])
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip(), tables


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _is_layout(row: lxml.html.HtmlElement) -> bool:
    """Whether a table row's cells hold paragraphs, headings or lists (page layout)."""
    return any(
        child.tag in LAYOUT_CHILDREN for cell in row if cell.tag in ("td", "th") for child in cell
    )


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's text; a line break inside it ("Chair: X<br>Y, Org") separates with "; "."""
    pieces: list[str] = [cell.text or ""]
    for node in cell.iterdescendants():
        if node.tag == "br":
            pieces.append("\x00")
        elif isinstance(node.tag, str):
            pieces.append(node.text or "")
        pieces.append(node.tail or "")
    parts = (_squash(part) for part in "".join(pieces).split("\x00"))
    return "; ".join(part for part in parts if part)


def _walk(element: lxml.html.HtmlElement, lines: list[str], buffer: list[str]) -> None:
    """Append the text of `element` to `lines`, one line per block element."""

    def flush(prefix: str = "") -> None:
        text = _squash("".join(buffer))
        buffer.clear()
        if text:
            lines.append(prefix + text)

    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("tr",) and not _is_layout(element):
        flush()
        cells = [_cell_text(cell) for cell in element if cell.tag in ("td", "th")]
        if any(cells):
            lines.append(" | ".join(cells))
        lines.append("")
        return
    if tag == "li":
        flush()
        inner: list[str] = []
        _inline(element, inner)
        text = _squash("".join(inner))
        if text:
            lines.append("• " + text)
        return
    if tag in BLOCK_TAGS:
        flush()
        if tag in (
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "ul",
            "ol",
            "section",
            "article",
        ):
            lines.append("")
    if element.text:
        buffer.append(element.text)
    for child in element:
        _walk(child, lines, buffer)
        if child.tail:
            buffer.append(child.tail)
    if tag in BLOCK_TAGS:
        flush()
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"):
            lines.append("")


def _inline(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag in ("ul", "ol"):
            continue
        if child.tag == "br":
            parts.append(" ")
        _inline(child, parts)
        if child.tail:
            parts.append(child.tail)


def page_frame(markup: str) -> tuple[str, str]:
    """The page's `<title>` and the text of its footers and `<address>` blocks (where an
    organisation writes its own name and address), each squashed to one line."""
    if not markup.strip():
        return "", ""
    try:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", markup))
    except (etree.ParserError, ValueError):
        return "", ""
    title = root.find(".//title")
    parts = [
        _squash(element.text_content())
        for element in root.xpath("//footer | //address | //*[contains(@class, 'footer')]")
    ]
    return (_squash(title.text_content()) if title is not None else ""), " · ".join(
        part for part in parts if part
    )[:2000]
