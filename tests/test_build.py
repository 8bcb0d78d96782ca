"""Real builds: the reference store becomes the site; failures never damage the published site."""

from __future__ import annotations

import hashlib
import html
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator.errors import BuildError
from generator.mkdocs.engine import build_site
from tests.conftest import REPO, TESTS
from tests.content_changes import Content
from tests.helpers import copy_site_project, override_theme

SOURCE = TESTS / "fixtures" / "kseworks-faq.txt"
"""A copy of shared/source/kseworks-faq.txt, the store's original FAQ text."""
CATEGORIES = ["Account and Security", "Order Management", "Shipping and Delivery",
              "Returns, Exchanges, and Refunds", "Product and Maintenance"]
TYPO_FIXES = {"spam or spam folders": "spam or junk folders"}
"""The only wording changes from the source: obvious typos."""


def source_questions() -> dict[str, list[str]]:
    """Question -> its answer's lines, from the store's original text."""
    questions: dict[str, list[str]] = {}
    current = None
    for raw_line in SOURCE.read_text("utf-8").splitlines()[1:]:
        line = raw_line.strip()
        if not line or line in CATEGORIES:
            continue
        if line.endswith("?"):
            current = line
            questions[current] = []
        elif current:
            questions[current].append(line)
    return questions


def page_text(path: Path) -> str:
    article = re.search(r"<article.*?</article>", path.read_text("utf-8"), re.S)
    assert article, f"{path} has no article"
    inline_removed = re.sub(r"</?(a|strong|em|code|span|time)\b[^>]*>", "", article.group(0))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline_removed)).split())


def normalise(text: str) -> str:
    for wrong, right in TYPO_FIXES.items():
        text = text.replace(wrong, right)
    return " ".join(text.replace("“", '"').replace("”", '"').split())


def article_pages(site: Path) -> dict[str, Path]:
    """h1 -> page, for every article page of the site."""
    pages = {}
    for path in site.glob("*/*/index.html"):
        h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", path.read_text("utf-8"), re.S)
        assert len(h1) == 1, f"{path} must have exactly one h1"
        pages[html.unescape(re.sub(r"<[^>]+>", "", h1[0])).strip()] = path
    return pages


def test_source_has_21_questions() -> None:
    assert len(source_questions()) == 21


def test_every_source_question_is_an_article_page_carrying_its_answer(store_site: Path) -> None:
    pages = article_pages(store_site)
    guides = " ".join(page_text(p) for p in (store_site / "care").glob("*/index.html"))
    for question, answer_lines in source_questions().items():
        assert question in pages, f"no article page for {question!r}"
        text = page_text(pages[question])
        for line in answer_lines:
            # Sentences about materials and storage were moved into care guides, linked from the answer.
            sentences = [s for s in re.split(r"(?<=[.!?:])\s+", normalise(line)) if len(s) > 3]
            for raw_sentence in sentences:
                sentence = re.sub(r"^[a-e]\. ", "", raw_sentence)  # "a. Nylon / Polyester Bags"
                assert sentence in text or sentence in guides, f"{question!r}: missing {sentence!r}"


def test_article_urls_are_category_and_question_ids(store_site: Path) -> None:
    for url in ("shipping-and-delivery/standard-shipping-time", "account-and-security/forgot-password",
                "care/leather-bags", "care", "shipping-and-delivery"):
        assert (store_site / url / "index.html").is_file(), url
    assert (store_site / "404.html").is_file()


def test_article_pages_do_not_list_every_article_in_the_navigation(store_site: Path) -> None:
    page = (store_site / "shipping-and-delivery/standard-shipping-time/index.html").read_text("utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S)
    assert nav and "customs-duties" not in nav.group(0)
    assert "Shipping and Delivery" in nav.group(0)


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def built_project(tmp_path: Path) -> Path:
    root = copy_site_project(tmp_path)
    build_site(root / "mkdocs.yml", root / "site")
    return root


def test_bad_content_leaves_the_previous_site_byte_for_byte(built_project: Path) -> None:
    before = tree_digest(built_project / "site")
    faq = built_project / "content" / "faq" / "shipping-and-delivery.yml"
    faq.write_text(faq.read_text("utf-8").replace("answer:", "anwser:", 1), "utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=built_project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "unknown key 'anwser' — did you mean 'answer'?" in result.stdout
    assert tree_digest(built_project / "site") == before
    assert [p.name for p in built_project.iterdir() if p.name.startswith(".site")] == []


def test_a_strict_mode_warning_leaves_the_previous_site_intact(built_project: Path) -> None:
    before = tree_digest(built_project / "site")
    (built_project / "docs" / "stray.md").write_text("# Stray\n\n[broken](nowhere.md)\n", "utf-8")
    with pytest.raises(BuildError, match="left as it was"):
        build_site(built_project / "mkdocs.yml", built_project / "site")
    assert tree_digest(built_project / "site") == before


def test_a_successful_build_replaces_the_site(built_project: Path) -> None:
    faq = built_project / "content" / "faq" / "shipping-and-delivery.yml"
    faq.write_text(faq.read_text("utf-8").replace("7–14 business days", "5–9 business days"), "utf-8")
    build_site(built_project / "mkdocs.yml", built_project / "site")
    page = built_project / "site" / "shipping-and-delivery" / "standard-shipping-time" / "index.html"
    assert "5–9 business days" in page.read_text("utf-8")


def test_plain_mkdocs_build_works_through_the_plugin(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path)
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q"], cwd=root,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "returns-and-refunds" / "refund-time" / "index.html").is_file()


def test_export_builds_without_the_plugin(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    export_dir = tmp_path / "export"
    result = subprocess.run([sys.executable, "-m", "generator", "export", str(export_dir)], cwd=root,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((export_dir / "mkdocs.yml").read_text("utf-8"))
    assert "helpcenter" not in str(config.get("plugins", []))
    assert config["nav"][0] == {"Home": "index.md"}
    assert config["extra"]["hc"]["store"]["links"]["contact"] == "https://kseworks.com/pages/contact"
    assert (export_dir / "docs" / "shipping-and-delivery" / "standard-shipping-time.md").is_file()
    build = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q"],
                           cwd=export_dir, capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr
    exported = export_dir / "site" / "shipping-and-delivery" / "standard-shipping-time" / "index.html"
    assert "7–14 business days" in exported.read_text("utf-8")


def test_export_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    result = subprocess.run([sys.executable, "-m", "generator", "export", str(tmp_path / "out")], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "not empty" in result.stderr
    assert (tmp_path / "out" / "keep.txt").read_text() == "mine"


# --- publishing: leftovers of interrupted builds, one build at a time ------------------------------------------


def test_a_build_clears_the_staging_folders_an_interrupted_build_left(built_project: Path) -> None:
    parent = built_project
    leftovers = [parent / ".site-build-k3j_x9a2", parent / ".site-old-0abcdefg"]
    for folder in leftovers:
        (folder / "assets").mkdir(parents=True)
        (folder / "index.html").write_text("half-written", "utf-8")
    unrelated = [parent / ".site-build-notes", parent / ".other-build-k3j_x9a2"]
    for folder in unrelated:
        folder.mkdir()
    build_site(built_project / "mkdocs.yml", built_project / "site")
    assert [f for f in leftovers if f.exists()] == []
    assert all(f.is_dir() for f in unrelated), "only this site's own staging folders are removed"
    assert (built_project / "site" / "index.html").is_file()


def test_a_killed_build_leaves_the_site_and_nothing_after_the_next_one(built_project: Path) -> None:
    before = tree_digest(built_project / "site")
    build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--jobs", "2"], cwd=built_project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(built_project.glob(".site-build-*/*/*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.02)  # until its workers are rendering pages into its staging folder
    build.kill()
    build.wait()
    assert list(built_project.glob(".site-build-*")), "the killed build should have left its staging folder"
    assert tree_digest(built_project / "site") == before
    build_site(built_project / "mkdocs.yml", built_project / "site")  # its lock went with it, workers or not
    assert sorted(p.name for p in built_project.iterdir() if p.name.startswith(".site")) == []


def plain_mkdocs_build(root: Path) -> Path:
    """MkDocs' own build of ``root``, one process, into ``root/plain``."""
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    result = subprocess.run([mkdocs, "build", "-q", "-d", "plain"], cwd=root, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return root / "plain"


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_build_is_byte_identical_to_a_clean_build_of_the_same_content(
        built_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """Rebuilt over a previous site after edits, on one process or a pool of two: the same bytes as MkDocs'
    own build of the same content with the same SOURCE_DATE_EPOCH, sitemap.xml.gz included."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    content = Content(built_project, random.Random(jobs))
    for step, change in enumerate((content.random_change(), content.remove_question)):
        change()
        build_site(built_project / "mkdocs.yml", built_project / "site", jobs=jobs)
        clean = copy_site_project(tmp_path / f"clean-{step}")
        shutil.rmtree(clean / "content")
        shutil.copytree(built_project / "content", clean / "content")
        built = tree_digest(built_project / "site")
        assert "sitemap.xml.gz" in built
        assert built == tree_digest(plain_mkdocs_build(clean))


HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from generator.mkdocs.engine import build_lock
with build_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_a_second_build_at_the_same_time_stops_with_a_clear_message(built_project: Path) -> None:
    before = tree_digest(built_project / "site")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(built_project / "site")],
                              stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=built_project,
                                capture_output=True, text=True, check=False)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert re.fullmatch(rf"error: another build of site/ is running \(pid {holder.pid}, started [0-9: -]+\); "
                        r"wait for it to finish, then build again \(lock: .*\.site\.lock\)\n", result.stderr)
    assert tree_digest(built_project / "site") == before
    build_site(built_project / "mkdocs.yml", built_project / "site")  # the lock died with its holder
    assert not (built_project / ".site.lock").exists()


def test_a_theme_with_an_inline_event_handler_fails_the_build_by_name(built_project: Path) -> None:
    """The policy would refuse the handler in every browser: the build says so instead of shipping it."""
    main = override_theme(built_project, "main.html") / "main.html"
    skip_link = '<a href="#hc-content" class="md-skip hc-skip"'
    main.write_text(main.read_text("utf-8").replace(skip_link, skip_link + ' onclick="go()"'), "utf-8")
    with pytest.raises(BuildError, match="left as it was"):
        build_site(built_project / "mkdocs.yml", built_project / "site")
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=built_project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "index.md: inline event handlers (onclick) are refused by the Content Security Policy" in result.stderr


def test_a_build_killed_during_the_swap_gets_the_previous_site_back(built_project: Path) -> None:
    """Killed between the swap's two renames: no site/, the previous one as .site-old-…, a staging folder."""
    before = tree_digest(built_project / "site")
    (built_project / "site").rename(built_project / ".site-old-a1b2c3d4")
    (built_project / ".site-build-e5f6g7h8").mkdir()
    (built_project / "docs" / "stray.md").write_text("# Stray\n\n[broken](nowhere.md)\n", "utf-8")
    with pytest.raises(BuildError, match="left as it was"):
        build_site(built_project / "mkdocs.yml", built_project / "site")
    assert tree_digest(built_project / "site") == before
    assert sorted(p.name for p in built_project.iterdir() if p.name.startswith(".site")) == []


def test_a_site_another_engine_built_from_the_export_gets_the_policy(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    run = [sys.executable, "-m", "generator"]
    assert subprocess.run([*run, "export", str(tmp_path / "export")], cwd=root, check=False).returncode == 0
    mkdocs = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q"], cwd=tmp_path / "export",
                            capture_output=True, text=True, check=False)
    assert mkdocs.returncode == 0, mkdocs.stderr
    site = tmp_path / "export" / "site"
    assert "Content-Security-Policy" not in (site / "index.html").read_text("utf-8")  # no plugin ran
    for _ in range(2):  # a second run changes nothing
        result = subprocess.run([*run, "csp", str(site)], cwd=root, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        pages = {p: p.read_text("utf-8") for p in site.rglob("*.html")}
    assert all(text.count('http-equiv="Content-Security-Policy"') == 1 for text in pages.values())
    assert "frame-ancestors 'none'" in (site / "_headers").read_text("utf-8")
    assert f"added the Content Security Policy to {len(pages)} pages" in result.stderr
