"""Documents per second of the extractor over every training set (read once, extracted `--runs`
times), to set the organisation work's cost beside an older checkout in the same session.

    PYTHONPATH=src python evaluation/org_speed.py                    # this checkout, its default
    PYTHONPATH=/tmp/old/src python evaluation/org_speed.py           # an older checkout's src

The documents are read first (reading is not timed); the extractor's CPU time per pass is the
figure (process time, so other processes on a shared machine cost it little).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--mode", default=None, help="TWINNING_ORG_TAGGER for the run")
    arguments = parser.parse_args()
    if arguments.mode:
        os.environ["TWINNING_ORG_TAGGER"] = arguments.mode
    os.environ.setdefault("TWINNING_RELATIONS", "off")
    from evaluation.sets import TRAINING_SETS
    from twinning.extract.pipeline import extract_document
    from twinning.extract.readers import ExtractError, read_document

    documents = []
    for folder in TRAINING_SETS.values():
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            if path.name == "README.md":
                continue
            try:
                documents.append(read_document(str(path)))
            except ExtractError:
                continue
    extract_document(documents[0])  # models loaded before the clock starts
    for run in range(arguments.runs):
        started = time.process_time()
        for document in documents:
            extract_document(document)
        elapsed = time.process_time() - started
        print(
            f"run {run + 1}: {len(documents)} documents in {elapsed:.1f} s CPU, "
            f"{len(documents) / elapsed:.2f} documents/s ({sys.modules['twinning'].__file__})"
        )


if __name__ == "__main__":
    main()
