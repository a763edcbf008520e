"""The committed extraction sets the learned components train and cross-validate on.

Name → folder under `tests/extract/` (gold in `tests/extract/gold/NAME.json`). Seeds are left out
(their pages are not in the repository); each blind set joins once its first run is in the ledger.
"""

TRAINING_SETS = {
    "own": "data",
    "heldout": "heldout",
    "multilingual": "multilingual",
    "blind": "blind",
    "blind2": "blind2",
    "blind3": "blind3",
    "blind4": "blind4",
    "blind5": "blind5",
    "blind6": "blind6",
    "blind7": "blind7",
    "blind8": "blind8",
    "blind9": "blind9",
    "blind10": "blind10",
    "blind11": "blind11",
    "blind12": "blind12",
    "blind13": "blind13",
}
