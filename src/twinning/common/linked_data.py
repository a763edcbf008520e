"""schema.org JSON-LD for public pages: one serialiser, safe to put inside <script>."""

from __future__ import annotations

import json
from typing import Any


def json_ld(data: dict[str, Any]) -> str:
    """The data without empty values, as JSON that cannot close its <script> element."""
    cleaned = {key: value for key, value in data.items() if value not in (None, [], "", {})}
    return json.dumps(cleaned, ensure_ascii=False).replace("<", "\\u003c")
