"""Signals other apps listen to, so programmes never imports them (calls sit above programmes)."""

from django.dispatch import Signal

# Sent inside the transaction of `pairing.accept_pairing_run`, with `run` (the PairingRun)
# and `pairs` (the Pair records it formed); a receiver that raises undoes the acceptance.
pairs_accepted = Signal()
