"""Calls for applications: eligibility, tandem and single applications, review, selection."""
