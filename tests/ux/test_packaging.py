"""A clean install: the licence is an SPDX string, read by a setuptools that understands it."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_license_is_an_spdx_expression_not_a_table() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert project["project"]["license"] == "AGPL-3.0-or-later"
    assert not any("License ::" in c for c in project["project"].get("classifiers", []))
    # setuptools reads SPDX strings from 77 on; older ones warn or fail.
    assert project["build-system"]["requires"] == ["setuptools>=77"]


def test_ruff_checks_gettext_calls() -> None:
    ruff = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert "INT" in ruff["select"]
