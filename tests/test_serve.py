"""The editor's preview: `helpcenter serve` rebuilds when content, the theme or mkdocs.yml change,
and shows content problems in the terminal and in the browser until the next good save."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import copy_site_project, fetch, free_port, override_theme, wait_for

PAGE = "shipping-and-delivery/standard-shipping-time/"
FAQ = Path("content") / "faq" / "shipping-and-delivery.yml"
GOOD = "7–14 business days"
BROKEN = "7–14 [business days](nowhere-at-all)"
PROBLEM = ("content/faq/shipping-and-delivery.yml:20:62: question 2 (standard-shipping-time) › answer: "
           "link to 'nowhere-at-all' points nowhere")


@dataclass
class Served:
    root: Path
    url: str
    log: Path

    def page(self, path: str = PAGE) -> str:
        return fetch(self.url + path)

    def edit(self, relative: Path | str, old: str, new: str) -> None:
        file = self.root / relative
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")

    def terminal(self) -> str:
        return self.log.read_text("utf-8")


def serve(tmp_path: Path, broken: bool = False, theme_files: tuple[str, ...] = ()) -> Iterator[Served]:
    root = copy_site_project(tmp_path / "project")
    if theme_files:  # the store's own theme folder (custom_dir) with these files
        override_theme(root, *theme_files)
    served = Served(root, f"http://127.0.0.1:{free_port()}/", tmp_path / "terminal.txt")
    if broken:
        served.edit(FAQ, GOOD, BROKEN)
    port = served.url.rsplit(":", 1)[1].strip("/")
    with served.log.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", port], cwd=root,
                                  stdout=log, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: "Preview" in served.page() or GOOD in served.page(), 60), "no preview"
        yield served
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path)


@pytest.fixture
def broken_preview(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path, broken=True)


@pytest.fixture()
def themed_preview(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path, theme_files=("main.html", "assets/stylesheets/hc.css"))


def text_of(page: str) -> str:
    """What a reader sees of a page: tags dropped, entities decoded, spaces collapsed."""
    visible = re.sub(r"<(script|style).*?</(script|style)>|<[^>]+>", " ", page, flags=re.S)
    return " ".join(html.unescape(visible).split())


def livereload_epoch(page: str) -> int:
    found = re.search(r"livereload\((\d+), \d+\)", page)
    assert found, "the page has no live-reload script"
    return int(found[1])


@pytest.mark.slow
def test_serve_reloads_when_content_changes(preview: Served) -> None:
    assert GOOD in preview.page()
    assert "livereload" in preview.page()
    preview.edit(FAQ, GOOD, "6–12 business days")
    assert wait_for(lambda: "6–12 business days" in preview.page(), 60), "the preview did not pick up the change"


@pytest.mark.slow
def test_serve_shows_content_problems_until_the_next_good_save(broken_preview: Served) -> None:
    page = broken_preview.page()
    shown = text_of(page)
    assert "content/faq/shipping-and-delivery.yml:20:62" in shown  # file, line and column
    assert "question 2 (standard-shipping-time) › answer: link to 'nowhere-at-all' points nowhere" in shown
    assert "link to an article or guide by its id" in shown  # the hint
    assert text_of(broken_preview.page("care/")) == shown  # every page of the preview shows them
    assert PROBLEM in broken_preview.terminal()  # the full list, not just "Aborted with a BuildError!"
    epoch = livereload_epoch(page)

    broken_preview.edit(FAQ, BROKEN, GOOD)
    # The problems page's live-reload poll answers with a newer version: the browser reloads.
    assert int(fetch(f"{broken_preview.url}livereload/{epoch}/1", timeout=60)) > epoch
    assert GOOD in broken_preview.page() and "nowhere-at-all" not in broken_preview.page()

    broken_preview.edit(FAQ, GOOD, BROKEN)  # breaking it again while serving shows the problems again
    assert wait_for(lambda: "nowhere-at-all" in broken_preview.page(), 60)
    assert broken_preview.terminal().count(PROBLEM) == 2


@pytest.mark.slow
def test_serve_watches_the_theme_and_mkdocs_yml(themed_preview: Served) -> None:
    preview = themed_preview
    preview.edit("theme/main.html", "{% block content %}", "{% block content %}<!-- theme edited -->")
    assert wait_for(lambda: "<!-- theme edited -->" in preview.page(), 60), "theme/main.html is not watched"
    preview.edit("theme/assets/stylesheets/hc.css", ":root", "/* css edited */ :root")
    assert wait_for(lambda: "css edited" in fetch(preview.url + "assets/stylesheets/hc.css"), 60)
    preview.edit("mkdocs.yml", "site_name: Kseworks Help Center", "site_name: Kseworks Help Desk")
    assert wait_for(lambda: "Kseworks Help Desk" in preview.page(), 60), "mkdocs.yml is not watched"
