"""The committed extraction sets the learned components train and cross-validate on.

Name → folder under `tests/extract/` (gold in `tests/extract/gold/NAME.json`). Seeds are left out
(their pages are not in the repository); blind set 9 joins once a component was scored on it.
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
}
