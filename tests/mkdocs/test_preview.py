"""The preview's site equals a clean full build after any sequence of edits, additions, deletions and renames.

The preview renders pages on request (generator/mkdocs/lazysite.py) and keeps results between saves
(generator/reuse.py), so
these tests replay random changes to a copy of the real content, ask the preview for some pages
between saves (as a browser would), then render everything and compare it, byte for byte, with a
clean ``mkdocs build`` of the same content.
"""

from __future__ import annotations

import filecmp
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.mkdocs.engine import mkdocs_logging
from generator.mkdocs.preview import Preview
from tests.content_changes import Content
from tests.helpers import copy_site_project, override_theme

SERVE_URL = "http://127.0.0.1:8000/"


def clean_build(root: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL  # the preview's own address, as in the preview
    build(config, serve_url=SERVE_URL)


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def assert_same_site(preview: Preview, root: Path, expected_dir: Path) -> None:
    assert preview.site is not None and not preview.failed
    preview.site.materialize()
    clean_build(root, expected_dir)
    assert tree(preview.site_dir) == tree(expected_dir)
    names = sorted(tree(expected_dir))
    _, mismatch, errors = filecmp.cmpfiles(expected_dir, preview.site_dir, names, shallow=False)
    assert not mismatch and not errors


def random_saves(root: Path, site_dir: Path, rng: random.Random, saves: int) -> Iterator[tuple[int, Any]]:
    """A preview of ``root``, then ``saves`` random content changes, each followed by a good rebuild."""
    content = Content(root, rng)
    preview = Preview(root / "mkdocs.yml", site_dir, SERVE_URL)
    preview.rebuild()
    for step in range(saves):
        content.random_change()()
        preview.rebuild()
        assert preview.site is not None and not preview.failed, preview.problems or preview.error
        yield step, preview


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_preview_equals_a_clean_build_after_random_changes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = copy_site_project(tmp_path / "project")
    with mkdocs_logging():
        for step, preview in random_saves(root, tmp_path / "preview", rng, 12):
            for uri in rng.sample(sorted(preview.site.pages), 5):  # a browser asks for a few pages
                preview.render(uri)
            if step % 4 == 3:
                assert_same_site(preview, root, tmp_path / f"expected-{step}")


@pytest.mark.slow
def test_pages_kept_unread_over_many_saves_equal_a_clean_build(tmp_path: Path) -> None:
    """Most pages and files pass from state to state for many saves (the preview reuses them) before one is read."""
    rng = random.Random(3)
    root = copy_site_project(tmp_path / "project")
    with mkdocs_logging():
        for _, preview in random_saves(root, tmp_path / "preview", rng, 10):
            preview.render(rng.choice(sorted(preview.site.pages)))  # the page the browser has open
        assert_same_site(preview, root, tmp_path / "expected")


@pytest.mark.slow
def test_a_content_error_then_a_good_save_gives_the_clean_site(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    good = faq.read_text("utf-8")
    with mkdocs_logging():
        preview.rebuild()
        preview.render("shipping-and-delivery/standard-shipping-time/index.html")
        faq.write_text(good.replace("related: [standard-shipping-time", "related: [no-such-question"), "utf-8")
        preview.rebuild()
        assert preview.failed and any("no-such-question" in p.message for p in preview.problems)
        assert preview.render("index.html") is None  # nothing is rendered from broken content
        faq.write_text(good.replace("7–14 business days", "6–12 business days"), "utf-8")
        preview.rebuild()
        page = preview.site_dir / "shipping-and-delivery/standard-shipping-time/index.html"
        assert preview.render("shipping-and-delivery/standard-shipping-time/index.html")
        assert "6–12 business days" in page.read_text("utf-8")
        assert_same_site(preview, root, tmp_path / "expected")


@pytest.mark.slow
def test_a_broken_theme_template_is_shown_until_it_is_fixed(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    main = override_theme(root, "main.html") / "main.html"
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    good = main.read_text("utf-8")
    with mkdocs_logging(quiet=True):
        preview.rebuild()
        main.write_text(good.replace("{% block content %}", "{% block content %}{% if %}", 1), "utf-8")
        preview.rebuild()
        assert preview.failed and preview.error and "main.html" in preview.error
        assert b"main.html" in preview.problems_page()
        main.write_text(good, "utf-8")
        preview.rebuild()
        assert not preview.failed and preview.render("index.html") == "index.html"


@pytest.mark.slow
def test_a_field_that_only_some_pages_show_is_picked_up_and_equals_a_clean_build(tmp_path: Path) -> None:
    """A question's ``updated`` date (its page, its JSON-LD, the sitemap): the preview's kept results are keyed
    by every field."""
    root = copy_site_project(tmp_path / "project")
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    page = "shipping-and-delivery/standard-shipping-time/index.html"
    with mkdocs_logging():
        preview.rebuild()
        preview.render(page)
        text = faq.read_text("utf-8")
        date = text.index("updated: 2026-11-26", text.index("  - id: standard-shipping-time\n"))
        faq.write_text(text[:date] + "updated: 2024-02-29" + text[date + 19:], "utf-8")
        preview.rebuild()
        preview.render(page)
        assert "February 29, 2024" in (preview.site_dir / page).read_text("utf-8")
        assert_same_site(preview, root, tmp_path / "expected")


@pytest.mark.slow
def test_a_category_retitled_or_reordered_changes_the_navigation_of_unread_pages(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    with mkdocs_logging():
        preview.rebuild()
        text = faq.read_text("utf-8")
        faq.write_text(text.replace("title: Shipping and Delivery", "title: Delivery").replace("order: 30", "order: 1"))
        preview.rebuild()
        assert_same_site(preview, root, tmp_path / "expected")


@pytest.mark.slow
def test_a_file_added_to_the_theme_while_previewing_is_published(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    override_theme(root, "assets/stylesheets/hc.css")  # a store's theme folder, which the file is added to
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    with mkdocs_logging():
        preview.rebuild()
        (root / "theme" / "assets" / "added.css").write_text("body{margin:0}\n", "utf-8")
        preview.rebuild()
        assert (tmp_path / "preview" / "assets" / "added.css").is_file()
        (root / "theme" / "assets" / "added.css").unlink()
        preview.rebuild()
        assert_same_site(preview, root, tmp_path / "expected")


def test_the_problems_page_shows_each_problem_in_its_file(tmp_path: Path) -> None:
    """A code frame under each problem (its lines, a caret under its column) and field names as code."""
    root = copy_site_project(tmp_path / "project")
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    slipped = "      keywords: [delivery time, transit time"
    faq.write_text(faq.read_text("utf-8").replace("    keywords: [delivery time, transit time", slipped, 1), "utf-8")
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    with mkdocs_logging(quiet=True):
        preview.rebuild()
    page = preview.problems_page().decode("utf-8")
    number = next(n for n, line in enumerate(faq.read_text("utf-8").splitlines(), 1) if line.startswith(slipped))
    assert f"content/faq/shipping-and-delivery.yml:{number}:7" in page
    assert f"<span class=gutter>&gt; {number} | </span>{slipped}" in page
    assert "<span class=marker>      ^</span>" in page
    assert "<code>keywords:</code>" in page and "`" not in page
