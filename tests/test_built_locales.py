"""The real build's French pages, read as a French shopper and as search engines read them: every word
in French (or marked as English), hreflang alternates both ways, the sitemap's alternates, canonical URLs
and structured data in the page's language. The default locale's pages: tests/test_built_site.py."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.config.project import load_project
from generator.reading.loading import load_helpcenter
from generator.reading.translations import load_translations
from generator.rendering.strings import shipped_catalogue
from tests.conftest import STORE
from tests.helpers import page_words
from tests.test_built_site import SITE_URL, read_html

pytestmark = pytest.mark.slow

PROJECT = load_project(STORE / "mkdocs.yml")
SOURCE = load_helpcenter(PROJECT.content_dir)
FRENCH = load_translations(PROJECT.content_dir, PROJECT.locales, SOURCE).translations[0].helpcenter
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def french_pages(site: Path) -> list[Path]:
    """The French locale's pages (its 404 page, which is not one, has its own test)."""
    return sorted(p for p in (site / "fr").rglob("*.html") if p.name != "404.html")


def english_ui_phrases() -> list[str]:
    """The English catalogue's words that French says otherwise (placeholders cut out)."""
    english, french = shipped_catalogue("en") or {}, shipped_catalogue("fr") or {}
    phrases = set()
    for key, text in english.items():
        if isinstance(text, str) and text != french.get(key):
            phrases.update(p.strip() for p in re.split(r"\{\w+\}|<[^>]+>", text) if len(p.strip()) > 3)
    return sorted(phrases)


def page_url(site: Path, path: Path) -> str:
    return SITE_URL + path.relative_to(site).as_posix().removesuffix("index.html")


def test_french_pages_are_exactly_the_translated_ones(store_site: Path) -> None:
    expected = {SITE_URL + "fr/", SITE_URL + "fr/care/"}
    expected.update(SITE_URL + "fr/" + c.url for c in FRENCH.categories)
    expected.update(SITE_URL + "fr/" + a.url for a in FRENCH.articles_by_id.values())
    assert {page_url(store_site, p) for p in french_pages(store_site)} == expected


def test_every_french_page_is_in_french(store_site: Path) -> None:
    phrases = english_ui_phrases()
    assert "Still need help?" in phrases and "Was this helpful?" in phrases
    for path in french_pages(store_site):
        assert read_html(path).lang == "fr", path
        text = page_words(path).text
        found = [p for p in phrases if p in text]
        assert not found, f"{path}: English words on a French page: {found}"
        assert "Besoin d'aide" in text or path.name == "404.html", path


def test_the_scripts_words_are_french(store_site: Path) -> None:
    html = (store_site / "fr" / "index.html").read_text("utf-8")
    block = re.search(r'<script type="application/json" id="hc-strings">(.*?)</script>', html, re.S)
    assert block
    strings = json.loads(unescape(block.group(1)))
    assert strings["not_found"] == "Commande introuvable"
    assert set(strings) >= set((shipped_catalogue("en") or {})["widgets"])
    config = json.loads(re.search(r'id="hc-search-config">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert config["index"] == "fr/assets/search/" and config["language"] == "fr"
    manifest = json.loads((store_site / "fr/assets/search/index.json").read_text("utf-8"))
    assert manifest["language"] == "fr"
    rows = [row for path in (store_site / "fr/assets/search").glob("docs-*.json")
            for row in json.loads(path.read_text("utf-8"))]
    assert len({row[0] for row in rows if "#" not in row[0]}) == len(SOURCE.articles_by_id)
    assert {row[3] for row in rows} >= {"Guides d'entretien", "Expédition et livraison"}
    assert "Care guides" not in {row[3] for row in rows}


def alternates(path: Path) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in read_html(path).links
            if link.get("rel") == "alternate" and "hreflang" in link}


def test_translated_pages_have_reciprocal_hreflang_with_x_default(store_site: Path) -> None:
    for path in french_pages(store_site):
        own = page_url(store_site, path)
        english = own.replace(SITE_URL + "fr/", SITE_URL, 1)
        links = alternates(path)
        assert links == {"fr": own, "en": english, "x-default": english}, path
        twin = store_site / path.relative_to(store_site / "fr")
        assert alternates(twin) == links, f"{twin}: not reciprocal"
        canonical = [link["href"] for link in read_html(path).links if link.get("rel") == "canonical"]
        assert canonical == [own], path


def test_structured_data_is_in_the_pages_language(store_site: Path) -> None:
    question = FRENCH.questions[0]
    graph = json.loads(read_html(store_site / "fr" / question.url / "index.html").jsonld[0])["@graph"]
    article = next(node for node in graph if node["@type"] == "Article")
    assert article["inLanguage"] == "fr" and article["headline"] == question.question
    assert article["url"] == SITE_URL + "fr/" + question.url


def test_the_sitemap_lists_every_locale_with_alternates(store_site: Path) -> None:
    root = ET.fromstring((store_site / "sitemap.xml").read_bytes())
    entries = {url.findtext("s:loc", namespaces=NS): {link.get("hreflang"): link.get("href")
                                                      for link in url.findall("x:link", NS)}
               for url in root.findall("s:url", NS)}
    for path in french_pages(store_site):
        own = page_url(store_site, path)
        english = own.replace(SITE_URL + "fr/", SITE_URL, 1)
        assert entries[own] == entries[english] == {"fr": own, "en": english, "x-default": english}


def test_the_language_switcher_links_to_the_same_page(store_site: Path) -> None:
    question = FRENCH.questions[0]
    french = (store_site / "fr" / question.url / "index.html").read_text("utf-8")
    english = (store_site / question.url / "index.html").read_text("utf-8")
    # The header's switcher (wide screens) and the menu's (phones) say the same.
    switch = re.compile(r'<a class="hc-languages__link" href="([^"]+)" hreflang="(\w+)"[^>]*>([^<]+)</a>')
    french_url, english_url = SITE_URL + "fr/" + question.url, SITE_URL + question.url
    # Relative links: a preview or a staging copy of the site stays on itself.
    assert [(urljoin(french_url, href), lang, name) for href, lang, name in switch.findall(french)] == [
        (english_url, "en", "English")] * 2
    assert [(urljoin(english_url, href), lang, name) for href, lang, name in switch.findall(english)] == [
        (french_url, "fr", "Français")] * 2
    assert "http-equiv=\"refresh\"" not in french


def test_each_locale_has_its_own_not_found_page(store_site: Path) -> None:
    html = (store_site / "fr" / "404.html").read_text("utf-8")
    page = read_html(store_site / "fr" / "404.html")
    assert page.lang == "fr" and page.titles == ["Page introuvable · Centre d'aide Kseworks"]
    assert page.meta["robots"] == ["noindex"]
    assert "Cette page est introuvable" in html and 'href="/fr/shipping-and-delivery/"' in html
    found = [p for p in english_ui_phrases() if p in page_words(store_site / "fr" / "404.html").text]
    assert not found, f"English words on the French 404 page: {found}"
    assert SITE_URL + "fr/404.html" not in (store_site / "sitemap.xml").read_text("utf-8")


def test_the_static_host_answers_a_missing_french_page_in_french(store_site: Path) -> None:
    import threading
    import urllib.error
    import urllib.request
    from functools import partial
    from http.server import ThreadingHTTPServer

    from generator.static_host import StaticHostHandler

    handler = partial(StaticHostHandler, directory=str(store_site))
    StaticHostHandler.quiet = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for path, words in (("fr/nulle-part/", "Cette page est introuvable"), ("nowhere/", "find that page")):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(base + path, timeout=10)
            assert caught.value.code == 404 and words in caught.value.read().decode("utf-8")
    finally:
        server.shutdown()
