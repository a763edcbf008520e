"""The front-end packages: every one named in package.json is pinned by the lock file and
copied by scripts/vendor_static.py, and the pages name only files that script provides."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location(
        "vendor_static", ROOT / "scripts" / "vendor_static.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_dependency_is_pinned_and_copied():
    dependencies = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert {name: lock[f"node_modules/{name}"]["version"] for name in dependencies} == dependencies
    assert set(_script().FILES) == set(dependencies)


def test_pages_use_only_vendored_files():
    script = _script()
    provided = {
        f"twinning/vendor/{package}/{Path(name).name}"
        for package, names in script.FILES.items()
        for name in names
    }
    used = {
        "twinning/vendor/cytoscape/cytoscape.min.js",
        "twinning/vendor/world-atlas/countries-110m.json",
        "twinning/vendor/@panzoom/panzoom/panzoom.min.js",
    }
    assert used <= provided
    graph = (ROOT / "src/twinning/programmes/templates/programmes/graph.html").read_text(
        encoding="utf-8"
    )
    assert "{% static 'twinning/vendor/cytoscape/cytoscape.min.js' %}" in graph
    map_page = (ROOT / "src/twinning/programmes/templates/programmes/map.html").read_text(
        encoding="utf-8"
    )
    assert "{% static 'twinning/vendor/@panzoom/panzoom/panzoom.min.js' %}" in map_page
    from twinning.programmes.cartography import WORLD_FILE

    assert WORLD_FILE in provided
