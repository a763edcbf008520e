"""`{% document_json_ld document organisations %}`: a library document as schema.org JSON-LD."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from twinning.common.linked_data import json_ld
from twinning.directory.models import Organisation
from twinning.library.enums import DocumentKind
from twinning.library.models import Document

register = template.Library()

TYPES: dict[str, str] = {
    DocumentKind.REPORT: "Report",
    DocumentKind.NEWS: "NewsArticle",
    DocumentKind.PAGE: "WebPage",
}


def document_linked_data(
    document: Document, organisations: Iterable[Organisation], base_url: str
) -> dict[str, Any]:
    """A Report, NewsArticle, WebPage or CreativeWork, about the organisations it mentions."""
    return {
        "@context": "https://schema.org",
        "@type": TYPES.get(document.kind, "CreativeWork"),
        "name": document.title,
        "url": base_url + document.get_absolute_url(),
        "datePublished": document.published.isoformat() if document.published else None,
        "inLanguage": document.language,
        "description": document.summary,
        "about": [
            {"@type": "Organization", "name": o.name, "url": base_url + o.get_absolute_url()}
            for o in organisations
        ],
        "keywords": [topic.name for topic in document.topics.all()],
    }


@register.simple_tag(takes_context=True)
def document_json_ld(
    context: template.Context, document: Document, organisations: Iterable[Organisation]
) -> SafeString:
    request = context["request"]
    base_url = request.build_absolute_uri("/").rstrip("/")
    data = json_ld(document_linked_data(document, organisations, base_url))
    # json_ld escapes "<", so the data cannot close its <script> element.
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308
