"""A build with nothing changed leaves ``site/`` as it is; any change, in the inputs or in ``site/``, builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.mkdocs.engine import build_site
from tests.helpers import copy_site_project
from tests.mkdocs.test_cachedbuild import assert_same_tree, clean_build


def swapped(root: Path, before: int) -> bool:
    """Whether a build published a new ``site/`` (the swap makes a new folder)."""
    return (root / "site").stat().st_ino != before


@pytest.mark.slow
def test_nothing_changed_leaves_the_site_and_any_change_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_site_project(tmp_path / "project")
    first = build_site(root / "mkdocs.yml", root / "site")
    before = (root / "site").stat().st_ino
    again = build_site(root / "mkdocs.yml", root / "site")
    assert not swapped(root, before) and again.pages == again.reused == first.pages

    page = root / "site" / "shipping-and-delivery" / "standard-shipping-time" / "index.html"
    page.write_text(page.read_text("utf-8").replace("business days", "days"), "utf-8")  # site/ edited by hand
    build_site(root / "mkdocs.yml", root / "site")
    assert swapped(root, before)
    before = (root / "site").stat().st_ino
    (root / "site" / "robots.txt").unlink()
    build_site(root / "mkdocs.yml", root / "site")
    assert swapped(root, before) and (root / "site" / "robots.txt").is_file()

    before = (root / "site").stat().st_ino
    monkeypatch.setenv("HELPCENTER_STORE_URL", "https://shop.example.org")  # read by the store's settings
    build_site(root / "mkdocs.yml", root / "site")
    assert swapped(root, before)

    before = (root / "site").stat().st_ino
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    faq.write_text(faq.read_text("utf-8").replace("7–14 business days", "6–12 business days"), "utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    assert swapped(root, before) and "6–12 business days" in page.read_text("utf-8")
    clean_build(root, tmp_path / "clean")
    assert_same_tree(root / "site", tmp_path / "clean")


@pytest.mark.slow
def test_a_change_in_a_docs_folder_outside_the_project_builds(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    (root / "docs").rename(tmp_path / "shared-docs")
    config = root / "mkdocs.yml"
    outside = f"docs_dir: {tmp_path / 'shared-docs'}"
    config.write_text(config.read_text("utf-8").replace("docs_dir: docs", outside), "utf-8")
    build_site(config, root / "site")
    (root / "build.log").write_text("not read by the build", "utf-8")
    before = (root / "site").stat().st_ino
    build_site(config, root / "site")
    assert not swapped(root, before)
    logo = tmp_path / "shared-docs" / "assets" / "images" / "logo.svg"
    logo.write_text(logo.read_text("utf-8").replace("</svg>", "<!-- redrawn --></svg>"), "utf-8")
    build_site(config, root / "site")
    assert swapped(root, before) and "redrawn" in (root / "site" / "assets" / "images" / "logo.svg").read_text("utf-8")
    clean_build(root, tmp_path / "clean")
    assert_same_tree(root / "site", tmp_path / "clean")
