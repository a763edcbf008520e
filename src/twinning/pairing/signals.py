"""Signals other apps listen to, so pairing never imports them (calls sit above pairing)."""

from django.dispatch import Signal

# Sent inside the transaction of `pairing.actions.accept_pairing_run`, with `run` (the PairingRun)
# `pairs` (the Pair records it formed) and `actor` (who accepted them); a receiver that raises undoes the acceptance.
pairs_accepted = Signal()
