"""Write src/twinning/directory/org_id_lists.json from the org-id.guide snapshot in PyPI's
`org-id` package (its data file; its code needs Python 3.13, so it is not installed).

Run when org-id.guide changes: `python scripts/org_id_lists.py [VERSION]`. Keeps, per list,
the code, English name, coverage (countries) and whether org-id.guide marks it deprecated.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "twinning" / "directory" / "org_id_lists.json"
VERSION = "0.1.1"


def main() -> int:
    version = sys.argv[1] if len(sys.argv) > 1 else VERSION
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--python-version",
             "3.13", "--only-binary=:all:", f"org-id=={version}", "-d", folder],
            check=True,
        )  # fmt: skip
        wheel = next(Path(folder).glob("org_id-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = json.loads(archive.read("org_id/data/download.json"))
    lists = [
        {
            "code": entry["code"],
            "name": entry.get("name", {}).get("en", ""),
            "coverage": entry.get("coverage") or [],
            "deprecated": bool(entry.get("deprecated")),
        }
        for entry in data["lists"]
    ]
    lists.sort(key=lambda entry: entry["code"])
    source = json.dumps(f"org-id {version} (PyPI), data/download.json")
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in lists)
    TARGET.write_text(f'{{"source": {source},\n"lists": [\n{lines}\n]}}\n', encoding="utf-8")
    print(f"{len(lists)} lists written to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
