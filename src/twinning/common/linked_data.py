"""schema.org JSON-LD for public pages: one serialiser, safe to put inside <script>."""

from __future__ import annotations

import json
from typing import Any

EMPTY: tuple[Any, ...] = (None, [], "", {})


def _cleaned(value: Any) -> Any:
    """The value without empty members, at every depth (an empty nested node disappears)."""
    if isinstance(value, dict):
        kept = {key: _cleaned(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in EMPTY}
    if isinstance(value, list):
        kept_items = [_cleaned(item) for item in value]
        return [item for item in kept_items if item not in EMPTY]
    return value


def json_ld(data: dict[str, Any]) -> str:
    """The data without empty values, as JSON that cannot close its <script> element."""
    return json.dumps(_cleaned(data), ensure_ascii=False).replace("<", "\\u003c")
