"""The error pairing actions raise."""


class PairingError(ValueError):
    """A pairing request that cannot be carried out, with a message for the coordinator."""
