"""generator/mkdocs/internals.py: its populator gives every page what MkDocs' own ``_populate_page`` gives it,
and no other module of ours names a private name of MkDocs.

One Markdown instance for all pages and the core's metadata instead of the parsed front matter: each page's
HTML, table of contents, title, metadata, anchors and links to anchors are compared with MkDocs' own, page
by page, over the real site (both locales) and a synthetic one, in the order a build renders them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from benchmarks.synthetic import write_synthetic_project
from generator.mkdocs import internals
from generator.mkdocs.engine import mkdocs_logging
from generator.mkdocs.lazysite import LazySite
from tests.helpers import copy_site_project

GENERATOR = Path(internals.__file__).resolve().parents[1]


def _populated(page: Page) -> dict[str, Any]:
    return {"markdown": page.markdown, "content": page.content, "toc": str(page.toc), "title": page.title,
            "meta": page.meta, "anchors": page.present_anchor_ids,
            "links": {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()}}


def _site(root: Path) -> LazySite:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    return LazySite(config, for_preview=False)


def _assert_same_pages(root: Path) -> None:
    ours, theirs = _site(root), _site(root)
    assert ours.pages.keys() == theirs.pages.keys()
    known = 0
    for uri, page in ours.pages.items():
        ours.populator.populate(page, ours.files)
        mkdocs_build._populate_page(theirs.pages[uri], theirs.config, theirs.files)
        assert _populated(page) == _populated(theirs.pages[uri]), uri
        known += ours.populator.known.get(page.file.src_uri) is not None
    assert known == len(ours.pages)  # every generated page took the core's metadata


def test_the_reference_store(tmp_path: Path) -> None:
    with mkdocs_logging():
        _assert_same_pages(copy_site_project(tmp_path / "real"))


@pytest.mark.parametrize("articles", [60])
def test_a_synthetic_site(tmp_path: Path, articles: int) -> None:
    write_synthetic_project(tmp_path / "synthetic", articles)
    with mkdocs_logging():
        _assert_same_pages(tmp_path / "synthetic")


def test_only_the_adapter_names_mkdocs_private_names() -> None:
    others = [p for p in GENERATOR.rglob("*.py") if p.resolve() != Path(internals.__file__).resolve()]
    found = {(p.relative_to(GENERATOR).as_posix(), name) for p in others for name in internals.PRIVATE_NAMES
             if re.search(rf"\b{name}\b", p.read_text("utf-8"))}
    assert found == set()
