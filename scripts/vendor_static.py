"""Copy the front-end packages named in package.json from node_modules into the static files.

Run by `make vendor` (and so by `make demo` and `make test`). Installs them first with
`npm ci` from package-lock.json when node_modules lacks them; without npm it says so and
exits 0, and the pages that use them fall back (the map without borders, the printable
network diagram instead of the graph, plain selects instead of searchable pickers).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "twinning" / "static" / "twinning" / "vendor"
# package → files the site serves (paths inside the package), each copied with its licence.
FILES = {
    "@panzoom/panzoom": ["dist/panzoom.min.js", "MIT-License.txt"],
    "cytoscape": ["dist/cytoscape.min.js", "LICENSE"],
    "tom-select": [
        "dist/js/tom-select.complete.min.js",
        "dist/css/tom-select.default.min.css",
        "LICENSE",
    ],
    "world-atlas": ["countries-110m.json", "LICENSE"],
}


def _installed_version(package: str) -> str | None:
    manifest = ROOT / "node_modules" / package / "package.json"
    if not manifest.exists():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def _wanted_versions() -> dict[str, str]:
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return dict(manifest["dependencies"])


def main() -> int:
    wanted = _wanted_versions()
    if any(_installed_version(name) != version for name, version in wanted.items()):
        npm = shutil.which("npm")
        if npm is None:
            print("note: npm not found; the map draws no borders and the graph is not interactive")
            return 0
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
            cwd=ROOT,
            check=True,
        )
    for package, files in FILES.items():
        for name in files:
            source = ROOT / "node_modules" / package / name
            destination = TARGET / package / Path(name).name
            destination.parent.mkdir(parents=True, exist_ok=True)
            if not destination.exists() or destination.read_bytes() != source.read_bytes():
                shutil.copyfile(source, destination)
    (TARGET / "versions.json").write_text(
        json.dumps(wanted, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
