"""Render the API reference (docs/api.md) from the OpenAPI schema the site serves.

`python -m twinning.api.reference > docs/api.md` regenerates it; a test fails when the
document and the code disagree.
"""

from __future__ import annotations

import os

INTRODUCTION = """# REST API reference

Generated from `/api/openapi.json` by `python -m twinning.api.reference`; do not edit by hand.

The API lives under `/api/`; the interactive documentation is at `/api/docs`. Reads of public
data need no account. Everything else uses the session of a signed-in user (sign in on the
site, or POST to `/accounts/login/`), and every write needs the CSRF token (`X-CSRFToken`
header, from the `csrftoken` cookie). The same permission rules as the web pages apply:
what a user may not see is a 404, what they may see but not change is a 403. Every list is
paginated with `limit` (1–100) and `offset` (0–10⁹) and returns `{"items": [...], "count": N}`;
searches (`/api/search`, `/api/documents/{slug}/similar`) return ranked `results` cut at `limit`.
Ids are 1–2⁶³−1 and years 1–9999; a value outside answers 422 with `detail`. Send
`Accept-Language: zh-hans` (or use the `/zh-hans/` site) for Chinese reasons and labels.
"""


def render() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    import django

    django.setup()
    from twinning.api.urls import api

    schema = api.get_openapi_schema()
    lines = [INTRODUCTION, "| method | path | what it does | sign-in |", "|---|---|---|---|"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            summary = (
                (operation.get("description") or operation.get("summary") or "")
                .strip()
                .splitlines()[0]
            )
            secured = "yes" if operation.get("security") else "no"
            lines.append(f"| {method.upper()} | `{path}` | {summary} | {secured} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
