"""Walk every page a role can reach, in English and Chinese, and measure what a phone would show.

Used by the browser test (against the live test server) and usable against a running demo:
`python -m tests.e2e.walk http://127.0.0.1:8600`.
"""

from __future__ import annotations

import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

# Pages that are files, or that change state when fetched, or Django's own admin.
SKIP_PREFIXES = (
    "/admin/",
    "/api/",
    "/static/",
    "/i18n/",
    "/accounts/logout/",
    "/accounts/confirm/",
)
SKIP_SUFFIXES = (".csv", ".json", ".ics", ".xlsx", ".pdf", ".svg", ".zip")
WIDTHS = (390, 1280)
# Public pages look alike for every role: walked once. Others (calls, accounts, ingest) per role.
SHARED_KINDS = ("home", "directory:", "programmes:", "library:")
LANGUAGES = ("en", "zh-hans")

OVERFLOW_SCRIPT = """() => {
  const root = document.scrollingElement;
  const width = window.innerWidth;
  const culprits = [];
  if (root.scrollWidth > width) {
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        let inside = false;
        for (let p = element.parentElement; p; p = p.parentElement) {
          const style = getComputedStyle(p);
          if (/(auto|scroll|hidden)/.test(style.overflowX) && p !== document.body && p !== document.documentElement) { inside = true; break; }
        }
        if (!inside) culprits.push(element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ').join('.') : '') + ' ' + Math.round(box.right));
      }
    }
  }
  return {scrollWidth: root.scrollWidth, innerWidth: width, culprits: culprits.slice(-5)};
}"""


@dataclass
class Finding:
    role: str
    url: str
    width: int
    language: str
    scroll_width: int
    culprits: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.role} {self.language} {self.width}px {self.url}: "
            f"{self.scroll_width}px wide ({'; '.join(self.culprits)})"
        )


# The demo's accounts (see `twinning load-demo`), and pages no link leads to.
ROLES = [
    ("coordinator", "coordinator"),
    ("applicant", "applicant"),
    ("single applicant", "applicant-single"),
    ("reviewer", "reviewer-1"),
    ("visitor", None),
]
START = {"coordinator": ("/", "/ingest/", "/ingest/queue/")}


def page_kind(path: str) -> str | None:
    """The URL pattern's name, so one page of each kind is walked; None for pages not to walk."""
    if path.startswith(SKIP_PREFIXES) or path.endswith(SKIP_SUFFIXES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def chinese(path: str) -> str:
    return "/zh-hans" + path


def same_site_links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "a[href]:not([download])",
        "links => links.map(a => new URL(a.getAttribute('href'), location.href).href)",
    )
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != base:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith("/zh-hans/"):
            paths.append(path)
    return paths


def walk(
    page,
    base: str,
    role: str,
    seen_kinds: set[str],
    start: tuple[str, ...] = ("/",),
    limit: int = 80,
):
    """Yield (path, kind) for every kind of page reachable from `start`, not in `seen_kinds`."""
    queue = deque(start)
    visited: set[str] = set()
    count = 0
    while queue and count < limit:
        path = queue.popleft()
        if path in visited:
            continue
        visited.add(path)
        kind = page_kind(urlsplit(path).path)
        if kind is None:
            continue
        key = kind if kind.startswith(SHARED_KINDS) else f"{role}:{kind}"
        if key in seen_kinds and path not in start:
            continue
        response = page.goto(base + path)
        if response is None or response.status >= 400:
            yield path, kind, response.status if response else 0
            continue
        seen_kinds.add(key)
        count += 1
        queue.extend(same_site_links(page, base))
        yield path, kind, response.status


def measure(page, role: str, url: str, language: str) -> list[Finding]:
    """Sideways scroll at each width of WIDTHS, for the page already loaded."""
    findings = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        result = page.evaluate(OVERFLOW_SCRIPT)
        if result["scrollWidth"] > result["innerWidth"]:
            findings.append(
                Finding(role, url, width, language, result["scrollWidth"], result["culprits"])
            )
    return findings


def sign_in(context, base: str, username: str, password: str) -> None:
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.close()


# Pages axe-core checks (every kind would double the suite's time; these are the journeys).
AXE_KINDS = {
    "home",
    "directory:list",
    "directory:organisation",
    "library:search",
    "programmes:figures",
    "programmes:pairing",
    "calls:call",
    "calls:new",
    "calls:apply",
    "calls:application",
    "calls:review",
    "calls:committee",
    "ingest:upload",
    "accounts:login",
    "accounts:signup",
    "accounts:edit_organisation",
}
AXE_NODE_MODULE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[str]:
    """Critical and serious axe-core violations of the loaded page, one line each."""
    # Evaluated through the browser's debugging protocol: an added <script> element would be
    # inline script, which the site's Content Security Policy rightly blocks.
    page.evaluate(AXE_NODE_MODULE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in ("critical", "serious")
    ]


def walk_site(browser, base: str, password: str = "twinning-demo", axe: bool = True) -> list[str]:
    """Every problem found walking the site as each role: HTTP errors, anything the Content
    Security Policy blocked, sideways scroll, axe."""
    seen: set[str] = set()
    problems = []
    for role, username in ROLES:
        context = browser.new_context(viewport={"width": 390, "height": 900})
        if username:
            sign_in(context, base, username, password)
        page = context.new_page()
        page.on(
            "console",
            lambda message, role=role, page=page: (
                problems.append(f"{role} {page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        for path, kind, status in walk(page, base, role, seen, start=START.get(role, ("/",))):
            if status >= 400:
                problems.append(f"{role} {path}: HTTP {status}")
                continue
            for language, url in (("en", path), ("zh-hans", chinese(path))):
                if language != "en":
                    page.set_viewport_size({"width": 390, "height": 900})
                    page.goto(base + url)
                problems.extend(str(finding) for finding in measure(page, role, url, language))
                if axe and kind in AXE_KINDS:
                    problems.extend(f"{role} {url}: {v}" for v in axe_violations(page))
        context.close()
    return problems


def main(base: str) -> int:
    import os

    import django
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    django.setup()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        problems = walk_site(browser, base, axe=AXE_NODE_MODULE.exists())
        browser.close()
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
