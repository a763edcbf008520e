"""The search evaluation corpus, loaded into the demo library as sample documents.

`twinning eval-search` labels its queries against these same documents, so the demo library
is what the figures in docs/search.md describe.
"""

from __future__ import annotations

import datetime

from twinning.demo.records import DocumentRecord
from twinning.library.evaluation import load_corpus

EVALUATION_DOCUMENTS = tuple(
    DocumentRecord(
        title=item["title"],
        text=item["text"],
        published=datetime.date(item["year"], 1, 1),
        language=item["language"],
        kind=item["kind"],
    )
    for item in load_corpus()
)
