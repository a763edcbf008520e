"""The names of the exchange's kinds, without Django (the CLI's --help reads them)."""

from __future__ import annotations

# The kinds of the public network, in dependency order (documents have their own page).
NETWORK_KINDS = (
    "cities",
    "organisations",
    "identifiers",
    "people",
    "positions",
    "affiliations",
    "programmes",
    "cohorts",
    "pairs",
    "activities",
    "city_pairs",
    "events",
    "visits",
    "visit_participants",
)
# Every kind of the exchange (twinning.exchange.kinds.KINDS).
KIND_NAMES = (*NETWORK_KINDS, "documents")
