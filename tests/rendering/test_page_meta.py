"""Each page's metadata as data (``Page.meta``) is exactly what its front matter parses to.

The MkDocs build takes ``Page.meta`` instead of parsing the YAML of every page again
(generator/mkdocs/internals.py), so the two must never differ, down to the types (``1`` is not ``True``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.utils import meta as mkdocs_meta

from benchmarks.synthetic import write_synthetic_project
from generator.rendering.site import generate
from tests.conftest import EXAMPLES
from tests.helpers import copy_site_project, project_for


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _output_of(root: Path) -> Any:
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["helpcenter"]
    plugin.on_config(config)
    return plugin.output


def _assert_meta_is_the_front_matter(pages: list[Any]) -> None:
    assert pages
    for page in pages:
        assert page.meta is not None, page.path
        markdown, parsed = mkdocs_meta.get_data(page.content)
        assert _same(page.meta, parsed), f"{page.path}: {page.meta!r} != {parsed!r}"
        assert markdown != page.content


def test_meta_of_the_minimal_example() -> None:
    _assert_meta_is_the_front_matter(generate(project_for(EXAMPLES / "good" / "minimal")).pages)


def test_meta_of_the_reference_store_in_every_locale(tmp_path: Path) -> None:
    _assert_meta_is_the_front_matter(_output_of(copy_site_project(tmp_path / "real")).pages)


@pytest.mark.parametrize("articles", [40])
def test_meta_of_a_synthetic_site(tmp_path: Path, articles: int) -> None:
    write_synthetic_project(tmp_path / "synthetic", articles)
    _assert_meta_is_the_front_matter(_output_of(tmp_path / "synthetic").pages)
