"""The audit log of every model: who changed which record, how, through which channel."""
