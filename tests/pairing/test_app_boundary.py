"""The pairing app's boundary (ADR 0025): programmes → pairing → calls, never back.

Read from the source with `ast`, every import counted (also those inside functions), so a
lazy import cannot hide a cycle.
"""

import ast
from pathlib import Path

import twinning

APPS = ("programmes", "pairing", "calls")
ROOT = Path(twinning.__file__).parent


def imported_modules(app, root=ROOT):
    """(file, module) for every `twinning.…` module imported by the app's code (not migrations)."""
    found = []
    for path in sorted((root / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.extend((path, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.extend((path, node.module) for _alias in node.names)
    return [(path, module) for path, module in found if module.startswith("twinning.")]


def app_graph():
    graph = {app: set() for app in APPS}
    for app in APPS:
        for _path, module in imported_modules(app):
            other = module.split(".")[1]
            if other in APPS and other != app:
                graph[app].add(other)
    return graph


def test_imports_between_programmes_pairing_and_calls_are_acyclic():
    graph = app_graph()
    assert graph == {
        "programmes": set(),
        "pairing": {"programmes"},
        "calls": {"pairing", "programmes"},
    }
    # and, whatever the edges become, no cycle
    visiting, done = set(), set()

    def visit(app, path):
        assert app not in visiting, f"import cycle: {' → '.join([*path, app])}"
        if app in done:
            return
        visiting.add(app)
        for other in graph[app]:
            visit(other, [*path, app])
        visiting.discard(app)
        done.add(app)

    for app in APPS:
        visit(app, [])


def test_pairing_imports_no_views_of_calls_or_programmes():
    views = [
        (path.name, module)
        for path, module in imported_modules("pairing")
        if module.split(".")[1] in ("calls", "programmes") and "view" in module
    ]
    assert views == []


def test_the_reader_sees_an_import_inside_a_function(tmp_path):
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes" / "late.py").write_text(
        "def f():\n    from twinning.calls.models import Call\n    return Call\n"
    )
    assert imported_modules("programmes", root=tmp_path) == [
        (tmp_path / "programmes" / "late.py", "twinning.calls.models")
    ]
