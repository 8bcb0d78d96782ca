"""Shared fixtures: one real build of the real content per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.mkdocs.engine import build_site
from tests.helpers import copy_site_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real content built with the real configuration, theme and plugin (strict)."""
    root = copy_site_project(tmp_path_factory.mktemp("real"))
    build_site(root / "mkdocs.yml", root / "site")
    yield root / "site"
