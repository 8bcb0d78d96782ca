"""Search in Chromium, on the real built site: shopper queries typed into the boxes, the shared
vectors run by the page's own hc-search-engine.js, keyboard, phone, no answer, going to a result
and back, what is fetched when, and no JavaScript."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Request, Route, expect

from generator.config.project import load_project
from generator.reading.loading import load_helpcenter
from generator.search import Lexicon, SearchIndex, build_search_files, project_lexicon
from tests.browser.conftest import NewPage, wait_until
from tests.conftest import STORE, THEME
from tests.search.helpers import language_vector_files, load_language_vectors, load_vectors, vector_files


def site_lexicon() -> Lexicon:
    """The lexicon the built site's default locale searches with: the general one, then the store's."""
    project = load_project(STORE / "mkdocs.yml")
    return project_lexicon(project, project.default_locale)

pytestmark = pytest.mark.browser

PAGE_BOX = "[data-hc-search=page]"
HEADER_BOX = "[data-hc-search=header]"
QUERIES = yaml.safe_load((STORE / "content" / "search" / "expectations.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def python_index() -> SearchIndex:
    return SearchIndex.from_files(build_search_files(load_helpcenter(STORE / "content"), site_lexicon()))


def search(page: Page, box: str, query: str) -> list[str]:
    """Type ``query`` into the box as a person would; the ids of the results it then shows."""
    field = page.locator(f"{box} input[type=search]")
    field.click()
    field.fill("")
    field.press_sequentially(query, delay=15)
    expect(page.locator(box)).to_have_attribute("data-hc-search-done", query, timeout=5000)
    links = page.locator(f"{box} [data-hc-search-results] a")
    return [links.nth(n).get_attribute("data-hc-search-id") or "" for n in range(links.count())]


def test_shopper_queries_find_their_answer_first_in_the_home_page_box(
    page: Page, site_server: str, python_index: SearchIndex
) -> None:
    page.goto(site_server)
    sample = QUERIES["queries"][::4]
    first = 0
    for item in sample:
        ids = search(page, PAGE_BOX, item["query"])
        expected = [r.id for r in python_index.search(item["query"], 8).results]
        assert ids == expected, item["query"]  # the page ranks exactly as `helpcenter search`
        if ids[:1] and ids[0] in {item["expect"], *item.get("also", [])}:
            first += 1
            link = page.locator(f"{PAGE_BOX} [data-hc-search-results] a").first
            title = python_index.search(item["query"], 1).results[0].title
            expect(link.locator("h2").first).to_have_text(title)  # the link's first heading is the title
    assert first >= 0.75 * len(sample), f"only {first} of {len(sample)} answers came first"


def assert_vectors_rank_alike(page: Page, files: dict[str, bytes], vectors: list[dict[str, Any]]) -> None:
    """The page's own engine (hc-search-engine.js) gives each vector the ids, scores to the bit, missing
    words and confidence that it expects and that Python gives."""
    data = {name.rsplit("/", 1)[1]: json.loads(body) for name, body in files.items()}
    answers: list[dict[str, Any]] = page.evaluate(
        """async ({data, queries}) => {
            const index = new window.hcSearch.SearchIndex(data["index.json"], async (name) => data[name]);
            const out = [];
            for (const query of queries) {
                const response = await index.search(query, 10);
                out.push({ids: response.results.map((r) => r.id), scores: response.results.map((r) => r.score),
                          missing: response.missing, confidence: response.confidence});
            }
            return out;
        }""",
        {"data": data, "queries": [v["query"] for v in vectors]},
    )
    python = SearchIndex.from_files(files)
    for vector, answer in zip(vectors, answers, strict=True):
        assert answer["ids"] == vector["expected"], vector["why"]
        assert answer["scores"] == [r.score for r in python.search(vector["query"]).results], vector["query"]
        assert answer["missing"] == vector["missing"], vector["query"]
        assert answer["confidence"] == vector["confidence"], vector["query"]


def test_the_shared_vectors_rank_alike_in_chromium(page: Page, site_server: str) -> None:
    vectors = load_vectors()
    page.goto(site_server)
    assert_vectors_rank_alike(page, vector_files(vectors), vectors["vectors"])


def test_a_guide_section_result_opens_the_section(page: Page, site_server: str) -> None:
    page.goto(site_server)
    ids = search(page, PAGE_BOX, "leather bag got wet")
    assert ids[0] == "leather-bags#water-and-oil"
    page.locator(f"{PAGE_BOX} [data-hc-search-results] a").first.click()
    page.wait_for_url("**/care/leather-bags/#water-and-oil")
    expect(page.locator("h2#water-and-oil")).to_be_in_viewport()


def test_the_results_work_with_the_keyboard_alone(page: Page, site_server: str) -> None:
    page.goto(site_server)
    search(page, PAGE_BOX, "refund how long")
    links = page.locator(f"{PAGE_BOX} [data-hc-search-results] a")
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    outline = links.nth(0).evaluate("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).backgroundColor")
    assert not outline.startswith("none rgba(0, 0, 0, 0)"), "the focused result is not visibly marked"
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(f"{PAGE_BOX} input")).to_be_focused()
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url("**/returns-and-refunds/refund-time/")


def test_escape_clears_the_box_then_closes_the_header_search(page: Page, site_server: str) -> None:
    page.goto(site_server + "care/")
    page.keyboard.press("/")
    field = page.locator(f"{HEADER_BOX} input")
    expect(field).to_be_focused()
    search(page, HEADER_BOX, "cancel order")
    expect(page.locator(f"{HEADER_BOX} [data-hc-search-results] a").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(field).to_have_value("")
    expect(page.locator(f"{HEADER_BOX} [data-hc-search-results] a")).to_have_count(0)
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_no_results_offer_the_contact_link_and_the_popular_questions(
    page: Page, site_server: str, dev_store: Any
) -> None:
    page.goto(site_server)
    assert search(page, PAGE_BOX, "xylophone quartet") == []
    fallback = page.locator(f"{PAGE_BOX} [data-hc-search-fallback]")
    expect(fallback).to_be_visible()
    expect(page.locator(f"{PAGE_BOX} [data-hc-search-status]")).to_have_text(
        "No article mentions “xylophone quartet”.")
    expect(fallback.get_by_role("link", name="contact us")).to_have_attribute("href", dev_store.url + "/pages/contact")
    featured = load_helpcenter(STORE / "content").questions
    titles = [q.question for q in featured if q.featured]
    expect(fallback.locator("li a")).to_have_text(titles)


def test_a_partly_unknown_query_says_which_words_nothing_mentions(page: Page, site_server: str) -> None:
    page.goto(site_server)
    assert search(page, PAGE_BOX, "suede cleaning")
    expect(page.locator(f"{PAGE_BOX} [data-hc-search-status]")).to_contain_text("No article mentions “suede”")


def test_without_an_answer_weak_matches_come_after_the_fallback_as_related_topics(
    page: Page, site_server: str
) -> None:
    """An out-of-scope question: what no article mentions first, then what to do, then related topics;
    Enter does not open a related topic as if it were the answer."""
    page.goto(site_server)
    ids = search(page, PAGE_BOX, "can I pay with bitcoin")
    assert ids, "weak matches are still shown"
    box = page.locator(PAGE_BOX)
    expect(box).to_have_attribute("data-hc-search-confidence", "related")
    expect(box.locator("[data-hc-search-status]")).to_have_text("No article mentions “bitcoin”.")
    fallback = box.locator("[data-hc-search-fallback]")
    expect(fallback.get_by_role("link", name="contact us")).to_be_visible()
    expect(fallback.locator(".hc-search-fallback__heading")).to_have_text(["Most asked questions", "Related topics"])
    order = page.evaluate("""() => {
        const box = document.querySelector('[data-hc-search=page]');
        const fallback = box.querySelector('[data-hc-search-fallback]');
        const list = box.querySelector('[data-hc-search-results]');
        return fallback.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING;
    }""")
    assert order, "related topics come after the fallback"
    box.locator("[data-hc-search-input]").press("Enter")
    page.wait_for_timeout(300)
    assert page.url.rstrip("/") == site_server.rstrip("/")


def test_the_box_tells_other_scripts_when_a_query_settles_and_a_result_opens(page: Page, site_server: str) -> None:
    page.goto(site_server)
    page.evaluate("""() => {
        window.heard = [];
        document.addEventListener('hc-search:settled', (e) => window.heard.push(['settled', e.detail]));
        document.addEventListener('hc-search:open', (e) => window.heard.push(['open', e.detail]));
    }""")
    ids = search(page, PAGE_BOX, "refund how long")
    page.evaluate("document.addEventListener('click', (e) => e.preventDefault(), {once: true})")
    page.locator(f"{PAGE_BOX} [data-hc-search-results] a").first.click()
    heard = page.evaluate("window.heard")
    settled = [d for name, d in heard if name == "settled"][-1]
    assert (settled["query"], settled["confidence"], settled["ids"]) == ("refund how long", "answer", ids)
    [opened] = [d for name, d in heard if name == "open"]
    assert (opened["id"], opened["rank"], opened["query"]) == (ids[0], 1, "refund how long")


def test_a_header_result_opens_its_article_and_back_finds_the_search_closed(page: Page, site_server: str) -> None:
    page.goto(site_server + "care/leather-bags/")
    page.locator(f"{HEADER_BOX} input").click()
    search(page, HEADER_BOX, "paypal not working")
    page.locator(f"{HEADER_BOX} [data-hc-search-results] a").first.click()
    page.wait_for_url("**/order-management/payment-failed/")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert search(page, HEADER_BOX, "custums fees")[0] == "customs-duties"
    page.go_back()
    page.wait_for_url("**/care/leather-bags/")
    wait_until(page, "!document.getElementById('__search').checked")
    # A phone's browser would restore the page from its back/forward cache as it was left, overlay
    # open; Chromium here keeps no such cache, so the restore is played on an open overlay.
    page.locator(f"{HEADER_BOX} input").click()
    wait_until(page, "document.getElementById('__search').checked")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    wait_until(page, "!document.getElementById('__search').checked")
    page.goto(site_server)
    page.locator(".md-content a[href='care/']").first.click()
    page.wait_for_url("**/care/")
    page.go_back()
    page.wait_for_url(site_server)
    assert search(page, PAGE_BOX, "sign up")[0] == "register-an-account"


def test_on_a_phone_the_search_button_opens_a_full_screen_search(new_page: NewPage, site_server: str) -> None:
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site_server + "shipping-and-delivery/")
    page.locator("label.md-header__button[for=__search]").click()
    field = page.locator(f"{HEADER_BOX} input")
    expect(field).to_be_focused()
    assert search(page, HEADER_BOX, "my parcel never came")[0] == "lost-or-damaged-package"
    first = page.locator(f"{HEADER_BOX} [data-hc-search-results] a").first
    expect(first).to_be_in_viewport()
    box = first.bounding_box()
    assert box is not None and 300 < box["width"] <= 375  # the results use the phone's width, no more
    assert page.evaluate("innerWidth") == 375, "the page grew sideways: the phone zoomed out"


def test_on_a_phone_the_page_stays_put_under_the_open_search(new_page: NewPage, site_server: str) -> None:
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site_server + "care/leather-bags/")
    page.evaluate("scrollTo(0, 300)")
    wait_until(page, "scrollY === 300")
    # A tap where the button is (Playwright's click would first scroll the sticky header "into view").
    button = page.locator("label.md-header__button[for=__search]").bounding_box()
    assert button is not None
    page.mouse.click(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
    search(page, HEADER_BOX, "leather")
    page.mouse.move(180, 30)  # over the search field: nothing there scrolls but the page behind it
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(200)
    assert page.evaluate("innerWidth") == 375
    page.keyboard.press("Escape")  # clears the query
    page.keyboard.press("Escape")  # closes the search
    wait_until(page, "!document.getElementById('__search').checked")
    assert page.evaluate("scrollY") == 300, "the page moved under the search: the shopper lost their place"


def test_the_manifest_comes_with_the_page_the_rest_only_with_a_query(page: Page, site_server: str) -> None:
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))  # noqa: PLW0108 (Playwright cannot wrap a builtin)
    page.goto(site_server)
    expect(page.locator("html[data-hc-search-ready]")).to_have_count(1, timeout=5000)
    search_files = [r.url.rsplit("/", 1)[1] for r in requests if "/assets/search/" in r.url]
    assert search_files == ["index.json"]
    search(page, PAGE_BOX, "refund")
    fetched = [r.url.rsplit("/", 1)[1].split("?")[0] for r in requests if "/assets/search/" in r.url]
    assert any(name.startswith("terms-") for name in fetched) and any(name.startswith("docs-") for name in fetched)
    assert [name for name in fetched if name.startswith("lexicon-")] == ["lexicon-re.json"]  # the query's part only
    assert not any("search_index.json" in r.url or "/workers/search" in r.url for r in requests)


def test_a_search_link_with_q_opens_with_its_results(page: Page, site_server: str) -> None:
    page.goto(site_server + "?q=refund+how+long")
    expect(page.locator(PAGE_BOX)).to_have_attribute("data-hc-search-done", "refund how long")
    expect(page.locator(f"{PAGE_BOX} [data-hc-search-results] a").first).to_have_attribute(
        "data-hc-search-id", "refund-time"
    )


def test_the_search_box_with_results_passes_axe(page: Page, site_server: str) -> None:
    page.goto(site_server)
    search(page, PAGE_BOX, "return policy")
    results = Axe().run(page, context=PAGE_BOX)
    assert results.violations_count == 0, results.generate_report()
    page.goto(site_server + "care/")
    page.keyboard.press("/")
    search(page, HEADER_BOX, "return policy")
    results = Axe().run(page, context=HEADER_BOX)
    assert results.violations_count == 0, results.generate_report()
    page.goto(site_server)
    field = page.locator(f"{PAGE_BOX} input[type=search]")
    expect(field).to_have_attribute("aria-controls", "hc-searchbox-results")
    expect(page.locator("#hc-searchbox-results[data-hc-search-results]")).to_have_count(1)


def test_without_javascript_the_box_gives_way_to_the_topics_and_contact(new_page: NewPage, site_server: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_server)
    expect(page.locator(f"{PAGE_BOX} form")).to_be_hidden()
    expect(page.locator(f"{HEADER_BOX}")).to_be_hidden()
    expect(page.locator(".hc-searchbox__noscript")).to_be_visible()
    expect(page.locator(".hc-searchbox__noscript a")).to_have_text("contact us")


def test_built_site_search_files_match_the_core(built_site: Path) -> None:
    files = build_search_files(load_helpcenter(STORE / "content"), site_lexicon())
    for name, body in files.items():
        assert (built_site / name).read_bytes() == body, name


def serve_stemmers(page: Page) -> None:
    """Serve the theme's Snowball scripts, which this English site does not publish."""
    page.route("**/assets/javascripts/snowball/*", lambda route: route.fulfill(
        path=THEME / "assets" / "javascripts" / "snowball" / route.request.url.rsplit("/", 1)[1],
        content_type="text/javascript"))


@pytest.mark.parametrize("language", ["fr", "ja"])
def test_other_languages_vectors_rank_alike_in_chromium(page: Page, site_server: str, language: str) -> None:
    """The page's engine loads the index's Snowball stemmer itself (assets/javascripts/snowball/, a
    same-origin script: allowed by the site's Content Security Policy), and only that one. This
    English site publishes none (generator.search.languages.unused_stemmer_files): served from the theme."""
    vector_set = next(s for s in load_language_vectors()["sets"] if s["language"] == language)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    serve_stemmers(page)
    page.goto(site_server)
    assert_vectors_rank_alike(page, language_vector_files(vector_set), vector_set["vectors"])
    stemmers = sorted(url.rsplit("/", 1)[1] for url in requests if "/snowball/" in url)
    assert stemmers == (["base-stemmer.js", "french-stemmer.js"] if language == "fr" else [])


def test_a_locale_without_results_offers_the_query_in_the_default_language(page: Page, site_server: str) -> None:
    """A French page (here: the site's page with its box pointed at a French index) finds nothing
    for an English word; the button reruns it against the default language's index (fallbackIndex)."""
    vector_set = next(s for s in load_language_vectors()["sets"] if s["language"] == "fr")
    french = {name.rsplit("/", 1)[1]: body for name, body in language_vector_files(vector_set).items()}

    def french_index(route: Route) -> None:
        route.fulfill(body=french[route.request.url.rsplit("/", 1)[1].split("?")[0]], content_type="application/json")

    def french_page(route: Route) -> None:
        html = route.fetch().text()
        html = html.replace('"index": "assets/search/"', '"index": "fr-search/", "fallbackIndex": "assets/search/"')
        route.fulfill(body=html, content_type="text/html")

    serve_stemmers(page)
    page.route("**/fr-search/*", french_index)
    page.route(site_server, french_page)
    page.goto(site_server)
    assert search(page, PAGE_BOX, "refund") == []
    button = page.locator(f"{PAGE_BOX} [data-hc-search-fallback-language]")
    expect(button).to_have_text("Search in English")
    button.click()
    links = page.locator(f"{PAGE_BOX} [data-hc-search-results] a")
    expect(links.first).to_be_visible()
    assert links.first.get_attribute("lang") == "en"
    assert (links.first.get_attribute("href") or "").startswith(site_server)
    expect(button).to_have_count(0)
    assert search(page, PAGE_BOX, "remboursement") == ["remboursement", "retourner"]  # typing again: French
