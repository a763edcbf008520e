"""Pairing: a cohort's pool, constraints and runs, the proposal, suggested partners (ADR 0025)."""
