"""Shared paths and fixtures: the repository's folders once, and one build of the reference store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
"""The repository: mkdocs.yml, content/, theme/, docs/."""
TESTS = REPO / "tests"
EXAMPLES = TESTS / "examples"
"""Folders of good and bad content (``good/<case>/content``, ``bad/<case>/content`` + ``expected.txt``)."""
STORE = EXAMPLES / "store"
"""The generator's reference store (mkdocs.yml, content/, docs/): what its tests build and search, never the
repository's own content/, which is the store's to change (README.md there)."""
GOLDEN = TESTS / "golden"
THEME = REPO / "theme"


@pytest.fixture(scope="session")
def store_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The reference store (tests/examples/store) built with its configuration, the theme and plugin (strict)."""
    from generator.mkdocs.engine import build_site
    from tests.helpers import copy_site_project

    root = copy_site_project(tmp_path_factory.mktemp("store"))
    build_site(root / "mkdocs.yml", root / "site")
    yield root / "site"
