"""``helpcenter build`` with its page cache gives the site a clean build gives, whatever the cache holds."""

from __future__ import annotations

import filecmp
import random
import shutil
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.mkdocs import cachedbuild
from generator.mkdocs.cachedbuild import PageCache
from generator.mkdocs.engine import build_site
from generator.mkdocs.unchanged import MANIFEST
from tests.content_changes import Content
from tests.helpers import copy_site_project


def cache_dir(root: Path) -> Path:
    return root / ".cache" / "helpcenter"


def pack(root: Path) -> Path:
    return cache_dir(root) / "pages.pack"


def entries(root: Path) -> dict[str, tuple[int, int, int]]:
    return PageCache(cache_dir(root)).entries


def without_last_build(root: Path) -> Path:
    """Make the next build go through the page cache even when nothing changed (see unchanged.py)."""
    (root / ".cache" / "helpcenter" / MANIFEST).unlink(missing_ok=True)
    return root / "mkdocs.yml"


def clean_build(root: Path, site_dir: Path) -> None:
    """The same project built with no cache at all."""
    saved = root / ".cache-aside"
    if (root / ".cache").exists():
        (root / ".cache").rename(saved)
    try:
        build_site(root / "mkdocs.yml", site_dir)
    finally:
        shutil.rmtree(root / ".cache", ignore_errors=True)
        if saved.exists():
            saved.rename(root / ".cache")


def assert_same_tree(built: Path, expected: Path) -> None:
    files = sorted(p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(expected, built, files, shallow=False)
    assert not mismatch and not errors


@pytest.mark.slow
def test_a_rebuild_reuses_every_page_and_equals_a_clean_build(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    first = build_site(root / "mkdocs.yml", root / "site")
    assert first.reused == 0 and first.pages == len(entries(root))
    pages = len(entries(root))
    assert build_site(without_last_build(root), root / "site").reused == pages  # nothing changed: every page reused
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    faq.write_text(faq.read_text("utf-8").replace("7–14 business days", "6–12 business days"), "utf-8")
    # The article, and the pages that quote its first sentence (its category), are rendered again.
    assert pages - 3 <= build_site(root / "mkdocs.yml", root / "site").reused < pages
    assert "6–12 business days" in (root / "site/shipping-and-delivery/standard-shipping-time/index.html").read_text()
    clean_build(root, tmp_path / "clean")
    assert_same_tree(root / "site", tmp_path / "clean")


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "jobs"), [(3, 1), (4, 3)])
def test_cached_builds_equal_clean_builds_after_random_changes(tmp_path: Path, seed: int, jobs: int) -> None:
    rng = random.Random(seed)
    root = copy_site_project(tmp_path / "project")
    content = Content(root, rng)
    build_site(root / "mkdocs.yml", root / "site", jobs=jobs)
    for step in range(6):
        content.random_change()()
        build_site(root / "mkdocs.yml", root / "site", jobs=jobs)
        clean_build(root, tmp_path / f"clean-{step}")
        assert_same_tree(root / "site", tmp_path / f"clean-{step}")


@pytest.mark.slow
def test_a_damaged_cache_gives_a_correct_site_and_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "project")
    build_site(root / "mkdocs.yml", root / "site")
    clean_build(root, tmp_path / "clean")
    pages = len(entries(root))
    (first, state_size, _), (second, _, html_size) = sorted(entries(root).values())[:2]
    data = bytearray(pack(root).read_bytes())
    data[first + 40] ^= 0xFF  # one page's state (after its checksum)
    data[second + 64 + state_size + html_size // 2] ^= 0xFF  # another page's HTML
    pack(root).write_bytes(bytes(data))
    core = next(cache_dir(root).glob("core-*.pickle"))  # the core's saved results
    core.write_bytes(core.read_bytes()[:-100])
    shutil.rmtree(root / "site")  # so that the pages' HTML comes from the cache, not the published site
    capsys.readouterr()
    assert build_site(without_last_build(root), root / "site").reused == pages - 2
    assert "3 damaged entries of the build cache" in capsys.readouterr().err
    assert_same_tree(root / "site", tmp_path / "clean")

    pack(root).write_bytes(pack(root).read_bytes()[:-1000])  # the whole file truncated
    assert build_site(without_last_build(root), root / "site").reused == 0
    assert "1 damaged entries of the build cache" in capsys.readouterr().err
    assert_same_tree(root / "site", tmp_path / "clean")


@pytest.mark.slow
def test_published_pages_are_reused_only_as_the_last_build_wrote_them(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    build_site(root / "mkdocs.yml", root / "site")
    clean_build(root, tmp_path / "clean")
    article = root / "site" / "shipping-and-delivery" / "standard-shipping-time" / "index.html"
    article.write_text(article.read_text("utf-8").replace("business days", "business dayz"), "utf-8")
    (root / "site" / "returns-and-refunds" / "index.html").unlink()
    build_site(without_last_build(root), root / "site")
    assert_same_tree(root / "site", tmp_path / "clean")


@pytest.mark.slow
def test_a_failed_build_leaves_nothing_in_the_cache_that_a_later_build_would_trust(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    # A page that renders with a warning (a link to a missing page): strict mode fails the build.
    (root / "docs" / "draft.md").write_text("# Draft\n\nSee [the missing page](missing.md).\n", "utf-8")
    with pytest.raises(BuildError):
        build_site(root / "mkdocs.yml", root / "site")
    assert not pack(root).exists()
    assert not (root / "site").exists()


@pytest.mark.slow
def test_warnings_of_pages_rendered_in_other_processes_fail_the_strict_build(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    for n in range(4):  # among the pages each process renders, whichever gets them
        (root / "docs" / f"draft-{n}.md").write_text(f"# Draft {n}\n\nSee [the missing page](missing.md).\n", "utf-8")
    with pytest.raises(BuildError, match="4 warnings"):
        build_site(root / "mkdocs.yml", root / "site", jobs=3)
    assert not (root / "site").exists() and not list(cache_dir(root).glob(".tmp-*"))


@pytest.mark.slow
def test_reused_pages_placed_by_forks_equal_a_clean_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reused pages are linked (from the published site) or written (from the cache) by several processes."""
    monkeypatch.setattr(cachedbuild, "PLACING_CHUNK", 4)  # the real site's pages in many tasks
    root = copy_site_project(tmp_path / "project")
    build_site(root / "mkdocs.yml", root / "site", jobs=3)
    clean_build(root, tmp_path / "clean")
    build_site(without_last_build(root), root / "site", jobs=3)  # linked
    assert_same_tree(root / "site", tmp_path / "clean")
    shutil.rmtree(root / "site")
    build_site(without_last_build(root), root / "site", jobs=3)  # written from the cache
    assert_same_tree(root / "site", tmp_path / "clean")
