"""Languages in Chromium on the real built site: the switcher goes to the same page in the other language
(a link, never a redirect), the French order lookup speaks French down to its error messages, the French
search finds French answers; and a right-to-left locale (the Arabic of tests/examples/multilingual) lays
out right to left."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.mkdocs.engine import build_site
from tests.browser.conftest import NewPage, read_store_config, serve_directory
from tests.conftest import EXAMPLES, THEME
from tests.helpers import copy_site_project

pytestmark = pytest.mark.browser

FORM = 'form[data-hc-widget="order-lookup"]'
SWITCHER = "header .hc-languages a"


def test_the_switcher_links_to_the_same_article_in_the_other_language(page: Page, site_server: str) -> None:
    page.goto(site_server + "shipping-and-delivery/customs-duties/")
    expect(page.locator(SWITCHER)).to_have_text("Français")
    page.click(SWITCHER)
    page.wait_for_url(site_server + "fr/shipping-and-delivery/customs-duties/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_contain_text("droits de douane")
    expect(page.locator(SWITCHER)).to_have_text("English")
    page.click(SWITCHER)
    page.wait_for_url(site_server + "shipping-and-delivery/customs-duties/")


def test_no_language_is_chosen_for_the_shopper(page: Page, site_server: str) -> None:
    """A French browser still lands on the page it asked for: no redirect by Accept-Language."""
    page.set_extra_http_headers({"Accept-Language": "fr-FR,fr;q=0.9"})
    page.goto(site_server)
    assert page.url == site_server
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_french_order_lookup_speaks_french(page: Page, site_server: str) -> None:
    page.goto(site_server + "fr/")
    expect(page.locator(f"{FORM}[data-hc-ready]")).to_have_count(1)
    page.click(f"{FORM} [type=submit]")
    expect(page.locator(f"{FORM} [data-hc-error-for=order_number]")).to_have_text("Saisissez votre numéro de commande.")
    page.fill(f"{FORM} [name=order_number]", "ORD-00000")
    page.fill(f"{FORM} [name=email]", "personne@example.com")
    page.click(f"{FORM} [type=submit]")
    result = page.locator(f'{FORM} [data-hc-outcome="not-found"]')
    expect(result).to_contain_text("Commande introuvable")
    expect(result).to_contain_text("Aucune commande ne correspond")
    expect(result.get_by_role("link", name="Contactez le service client")).to_have_count(1)


def test_the_french_search_finds_french_answers(page: Page, site_server: str) -> None:
    page.goto(site_server + "fr/?q=droits+de+douane")
    first = page.locator("[data-hc-search=page] [data-hc-search-results] a").first
    expect(first).to_have_attribute("href", site_server + "fr/shipping-and-delivery/customs-duties/")


@pytest.fixture(scope="module")
def multilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture help center with the real theme: English, Arabic (right to left), Japanese and French."""
    root = copy_site_project(tmp_path_factory.mktemp("multilingual"), EXAMPLES / "multilingual" / "content")
    config = read_store_config()
    config["extra"]["locales"] = ["en", "ar", "ja", "fr"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


def test_a_right_to_left_locale_lays_out_right_to_left(page: Page, multilingual_site: Path,
                                                       tmp_path: Path) -> None:
    server = serve_directory(multilingual_site)
    try:
        host, port = server.server_address[:2]
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"http://{host!s}:{port}/ar/orders/")
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        expect(page.locator("body")).to_have_attribute("dir", "rtl")
        # Right to left: the heading's text hugs the right edge of the content column, not the left.
        left, right, column_left, column_right = page.evaluate("""() => {
            const h1 = document.querySelector("article h1"), range = document.createRange();
            range.selectNodeContents(h1);
            const text = range.getBoundingClientRect(), column = h1.getBoundingClientRect();
            return [text.left, text.right, column.left, column.right];
        }""")
        assert abs(right - column_right) < 2 and left - column_left > 100
        mark = page.locator(".hc-lang-mark").first
        expect(mark).to_have_text("بالإنجليزية")
        expect(page.locator('article a[hreflang="en"][lang="en"]')).to_have_text("Can I return an item?")
        page.screenshot(path=str(tmp_path / "rtl.png"), full_page=False)
        if dest := __import__("os").environ.get("HC_SCREENSHOTS"):
            shutil.copy(tmp_path / "rtl.png", Path(dest) / "rtl-arabic-category.png")
        page.goto(f"http://{host!s}:{port}/ja/orders/returns/")
        expect(page.locator("html")).to_have_attribute("lang", "ja")
        expect(page.locator("body")).to_have_attribute("dir", "ltr")
        expect(page.locator(".hc-contact h2")).to_have_text("解決しませんでしたか？")
    finally:
        server.shutdown()


@pytest.mark.parametrize("path", ["fr/", "fr/shipping-and-delivery/customs-duties/"])
def test_french_pages_pass_axe(new_page: NewPage, site_server: str, path: str) -> None:
    from tests.browser.test_a11y import WCAG_TAGS, describe, open_page

    page = open_page(new_page, site_server + path)
    response = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response
    assert not response["violations"], describe(response["violations"])


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/examples/languages: a store in every shipped language, German and Japanese partly translated."""
    root = tmp_path_factory.mktemp("languages")
    shutil.copytree(EXAMPLES / "languages", root, dirs_exist_ok=True)
    (root / "theme").symlink_to(THEME)
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


def test_the_search_box_marks_popular_questions_not_translated_yet(page: Page, languages_site: Path) -> None:
    """No answer on a German page: every most asked question, the untranslated ones in English and marked."""
    from tests.browser.test_search import PAGE_BOX, search

    server = serve_directory(languages_site)
    try:
        host, port = server.server_address[:2]
        page.goto(f"http://{host!s}:{port}/de/")
        assert search(page, PAGE_BOX, "xylophonquartett") == []
        items = page.locator(f"{PAGE_BOX} [data-hc-search-fallback] li")
        expect(items).to_have_count(5)
        expect(items.nth(0)).to_have_text("Wo ist meine Bestellung?")
        expect(items.nth(0).locator("a")).not_to_have_attribute("lang", "en")
        expect(items.nth(3)).to_have_text("How do I track my parcel? auf Englisch")
        expect(items.nth(3).locator("a")).to_have_attribute("lang", "en")
        expect(items.nth(3).locator("a")).to_have_attribute("hreflang", "en")
    finally:
        server.shutdown()
