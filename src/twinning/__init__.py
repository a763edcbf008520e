"""Twinning: cross-border partnership programmes between civil-society organisations."""

__version__ = "0.1.0"
