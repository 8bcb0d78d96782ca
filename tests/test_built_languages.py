"""A store in every language the generator ships (tests/examples/languages), built for real: each locale's
pages speak only their language (text, aria-label, title, placeholder, alt), with no store catalogue of its
own; and every list counts what the page it leads to lists, untranslated entries included."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config.project import load_project
from generator.rendering.strings import REFERENCE, shipped_catalogue
from tests.conftest import EXAMPLES, THEME
from tests.helpers import page_words

pytestmark = pytest.mark.slow

FIXTURE = EXAMPLES / "languages"
PROJECT = load_project(FIXTURE / "mkdocs.yml")
OTHERS = [locale for locale in PROJECT.locales if not locale.default]
MKDOCS = yaml.load((FIXTURE / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from generator.mkdocs.engine import build_site

    root = tmp_path_factory.mktemp("languages")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    (root / "theme").symlink_to(THEME)
    build_site(root / "mkdocs.yml", root / "site")
    yield root / "site"


def phrases(texts: list[str]) -> set[str]:
    """Every run of more than one word in these texts, placeholders and HTML tags cut out."""
    found = set()
    for text in texts:
        for piece in re.split(r"\{\w+\}|<[^>]+>", text):
            part = " ".join(piece.split()).strip(" .,:;!?—–-")
            if len(part.split()) > 1:
                found.add(part)
    return found


def strings_of(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_of(item)]
    return [value] if isinstance(value, str) else []


def english_phrases() -> set[str]:
    """The English UI: our catalogue, Material's own English words, and what mkdocs.yml titles the contents."""
    material = (resources.files("material") / "templates" / "partials" / "languages" / "en.html").read_text("utf-8")
    texts = strings_of(shipped_catalogue(REFERENCE)) + re.findall(r'"[\w.-]+": "([^"]+)"', material)
    texts.append(MKDOCS["markdown_extensions"][2]["toc"]["title"])
    return phrases(texts)


def palette_labels() -> set[str]:
    return phrases([option["toggle"]["name"] for option in MKDOCS["theme"]["palette"]])


def locale_pages(site: Path, code: str) -> list[Path]:
    return sorted((site / code).rglob("*.html"))


def english_on(site: Path, code: str, english: set[str]) -> dict[str, list[str]]:
    found = {}
    for path in locale_pages(site, code):
        text = page_words(path).text
        if hits := sorted(p for p in english if p in text):
            found[str(path.relative_to(site))] = hits
    return found


def test_the_english_ui_is_known_to_the_test() -> None:
    english = english_phrases()
    assert {"Was this helpful", "On this page", "Still need help", "Back to top"} <= english
    assert "Switch to the dark theme" in palette_labels()


@pytest.mark.parametrize("locale", OTHERS, ids=lambda locale: locale.code)
def test_every_page_of_a_locale_speaks_its_language(site: Path, locale: Any) -> None:
    pages = locale_pages(site, locale.code)
    assert len(pages) >= 3, pages  # at least the home page, the care guides' index and the 404 page
    assert {page_words(path).lang for path in pages} == {locale.language}
    assert not english_on(site, locale.code, english_phrases())


def english_content() -> set[str]:
    """The default language's titles and descriptions: listed on other locales' pages when not translated."""
    source = load_source()
    texts = [text for c in source.categories for text in (c.title, c.description, *(q.question for q in c.questions))]
    texts += [text for g in source.guides for text in (g.title, g.description)]
    return phrases(texts)


@pytest.mark.parametrize("locale", OTHERS, ids=lambda locale: locale.code)
def test_untranslated_content_on_a_locale_s_pages_is_marked_as_english(site: Path, locale: Any) -> None:
    """Titles and excerpts in the default language carry lang="en" (screen readers switch voice; the reader
    above leaves them out): what is left is unmarked English."""
    assert not english_on(site, locale.code, english_content())
    assert "Delivery times, costs and tracking" in english_content()


@pytest.mark.parametrize("locale", [OTHERS[0]], ids=lambda locale: locale.code)
def test_the_scheme_toggle_speaks_the_page_language(site: Path, locale: Any) -> None:
    assert not english_on(site, locale.code, palette_labels())


def test_the_test_would_see_english(site: Path) -> None:
    """The default locale's pages are read the same way, and there the English words are found."""
    english = english_phrases()
    home = page_words(site / "index.html").text
    assert {"Browse by topic", "Most asked questions", "Still need help"} <= {p for p in english if p in home}
    guide = page_words(site / "care" / "washing" / "index.html").text
    assert "On this page" in guide


@pytest.mark.parametrize(("code", "title"), [("de", "Auf dieser Seite"), ("ja", "このページの内容")])
def test_a_long_guide_lists_its_sections_under_its_language_s_title(site: Path, code: str, title: str) -> None:
    html = (site / code / "care" / "washing" / "index.html").read_text("utf-8")
    assert f'aria-label="{title}"' in html and "Table of contents" not in html


# --- counts -------------------------------------------------------------------------------------------------


class Lists(HTMLParser):
    """The home page's cards (link, count) and "most asked" links; a list page's entries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[list[str]] = []
        self.featured: list[str] = []
        self.entries = 0
        self._in: list[str] = []
        self._count = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "div" and {"hc-cards", "hc-featured", "hc-article-list"} & set(classes):
            self._in.append(classes[0])
        elif tag == "div" and self._in:
            self._in.append("")
        where = self._in[-1] if self._in else ""
        if tag == "a" and where == "hc-cards" and "hc-card__link" in classes:
            self.cards.append([a["href"], ""])
        elif tag == "a" and where == "hc-featured":
            self.featured.append(a["href"])
        elif tag == "li" and where == "hc-article-list":
            self.entries += 1
        self._count = tag == "span" and "hc-card__count" in classes

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in:
            self._in.pop()
        self._count = False

    def handle_data(self, data: str) -> None:
        if self._count and self.cards:
            self.cards[-1][1] += data


def lists(path: Path) -> Lists:
    parsed = Lists()
    parsed.feed(path.read_text("utf-8"))
    return parsed


def page_of(site: Path, home: Path, href: str) -> Path:
    target = (home.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize("code", ["", "de", "ja", "es"])
def test_home_cards_count_what_the_pages_they_lead_to_list(site: Path, code: str) -> None:
    home = site / code / "index.html"
    cards = lists(home).cards
    assert len(cards) == 4  # three categories and the care guides, translated or not
    for href, count in cards:
        listed = lists(page_of(site, home, href)).entries
        assert re.sub(r"\D", "", count) == str(listed), f"{code or 'en'}: card {href} says {count!r}, lists {listed}"


@pytest.mark.parametrize("code", ["", "de", "ja", "es"])
def test_most_asked_lists_every_featured_question_in_every_language(site: Path, code: str) -> None:
    featured = [q.id for c in load_source().categories for q in c.questions if q.featured]
    links = lists(site / code / "index.html").featured
    assert [href.rstrip("/").split("/")[-1] for href in links] == featured
    config = re.search(r'id="hc-search-config">(.*?)</script>', (site / code / "index.html").read_text("utf-8"), re.S)
    assert config and len(json.loads(config.group(1))["featured"]) == len(featured)  # the search box's too


def test_a_translated_featured_question_links_to_its_translation_and_the_others_are_marked(site: Path) -> None:
    html = (site / "de" / "index.html").read_text("utf-8")
    assert 'href="orders/order-status/">Wo ist meine Bestellung?</a>' in html
    assert ('<a dir="ltr" href="../returns/return-item/" hreflang="en" lang="en">How do I return an item?</a> '
            '<span class="hc-lang-mark">auf Englisch</span>') in html


def load_source() -> Any:
    from generator.reading.loading import load_helpcenter

    return load_helpcenter(PROJECT.content_dir)


def meta_description(path: Path) -> str:
    found = re.search(r'<meta name="description" content="([^"]*)"', path.read_text("utf-8"))
    assert found, path
    return found.group(1)


def test_the_default_locale_describes_itself_with_mkdocs_site_description(site: Path) -> None:
    assert meta_description(site / "index.html") == MKDOCS["site_description"]
    assert meta_description(site / "404.html") == MKDOCS["site_description"]
    german = (shipped_catalogue("de") or {})["home_description"].format(store="Wavecraft")
    assert meta_description(site / "de" / "index.html") == german
    assert meta_description(site / "de" / "404.html") == german  # not the default language's
