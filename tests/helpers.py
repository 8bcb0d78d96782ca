"""Small helpers to make projects and content folders for tests."""

from __future__ import annotations

import shutil
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generator.config.project import Project, project_from_settings
from tests.conftest import EXAMPLES, STORE, THEME


def settings(**extra_store: Any) -> dict[str, Any]:
    """An mkdocs.yml as data, for a project whose content is in ./content."""
    store = {"name": "Teststore", "url": "https://shop.example.com", **extra_store}
    return {
        "site_name": "Teststore Help Center",
        "site_url": "https://help.example.com/",
        "plugins": [{"helpcenter": {"content_dir": "content"}}],
        "extra": {"store": store},
    }


def project_for(root: Path, environ: dict[str, str] | None = None, **extra_store: Any) -> Project:
    return project_from_settings(root / "mkdocs.yml", settings(**extra_store), environ or {})


def copy_example(name: str, destination: Path) -> Path:
    """Copy an example folder (tests/examples/<name>) into ``destination``; returns it."""
    shutil.copytree(EXAMPLES / name, destination, dirs_exist_ok=True)
    return destination


def copy_site_project(destination: Path, content: Path | None = None) -> Path:
    """A copy of the reference store (mkdocs.yml, docs) with the given content (default: the store's own).

    Like a store's repository it has no theme/: the plugin reads the generator's own."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(STORE / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(STORE / "docs", destination / "docs")
    shutil.copytree(content or STORE / "content", destination / "content")
    return destination


def override_theme(root: Path, *names: str) -> Path:
    """Give the project at ``root`` a ``custom_dir`` (theme/) holding copies of the theme's files ``names``."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    if "custom_dir:" not in text:
        config.write_text(text.replace("\ntheme:\n", "\ntheme:\n  custom_dir: theme\n", 1), "utf-8")
    for name in names:
        (root / "theme" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(THEME / name, root / "theme" / name)
    return root / "theme"


# --- a local server under test -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

def fetch(url: str, timeout: float = 5) -> str:
    """The body of a page, also when the preview answers with an error status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # localhost only
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        return str(err.read().decode("utf-8"))

def wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


class PageWords(HTMLParser):
    """What a shopper reads or hears on a page, in the page's language: text and the attributes screen readers
    and browsers show. What is marked as another language (an untranslated title, the language switcher) and
    what never shows (scripts, styles) is left out."""

    ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lang = ""
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag in ("script", "style") or (a.get("lang") and a["lang"] != self.lang):
            self._skip.append(tag)
        if not self._skip:
            self.parts.extend(a[k] for k in self.ATTRIBUTES if a.get(k))

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def page_words(path: Path) -> PageWords:
    words = PageWords()
    words.feed(path.read_text("utf-8"))
    return words
