"""The embedded widget (assets/embed.js) on store pages of another origin than the help center: hostile CSS in
English, French and Arabic (right to left), a strict Content Security Policy, a host global named like ours,
the same first result as the help center's own box for the shared search vectors, order lookup with the
help center's messages, the event contract, keyboard and focus, axe, the phone, and every failure."""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Route, expect

from devstore import DevStoreOptions, DevStoreServer, start_in_thread, stop
from devstore.demo import PATH as DEMO_PATH
from generator.mkdocs.engine import build_site
from generator.reading.loading import load_helpcenter
from tests.browser.conftest import BRAND_PRIMARY, NewPage, _StaticHandler, read_store_config, wait_until
from tests.browser.test_a11y import WCAG_TAGS, describe
from tests.conftest import EXAMPLES, STORE
from tests.helpers import copy_site_project, wait_for
from tests.search.helpers import load_vectors, vector_files

PANEL = "help-center-embed"
BRAND = "rgb({}, {}, {})".format(*bytes.fromhex(BRAND_PRIMARY.lstrip("#")))  # as computed styles write it

HOSTILE_CSS = """
* { all: unset; }
html, body { display: block; font: 30px/3 "Comic Sans MS", cursive; color: purple; letter-spacing: 4px; }
button { display: block !important; background: red !important; color: yellow !important; font-size: 40px !important;
         padding: 30px !important; border: 8px dashed lime !important; position: static !important; }
input { display: block !important; border: 6px solid lime !important; font-size: 33px !important;
        width: 10px !important; }
div { display: block !important; background: pink !important; margin: 40px !important; color: green !important; }
.top { position: fixed; inset: 0 0 auto 0; height: 140px; z-index: 2147483647; background: black; color: white; }
main { display: block; padding-top: 150px; }
"""

# --- the store's pages: another origin, its own headers --------------------------------------------------------


class _HostHandler(BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, dict[str, str]]]

    def do_GET(self) -> None:
        body, headers = self.pages.get(self.path.split("?")[0], ("not found", {}))
        data = body.encode("utf-8")
        self.send_response(200 if self.path.split("?")[0] in self.pages else 404)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "text/html; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class HostPages:
    """A store on a free 127.0.0.1 port: ``add(path, html, headers)``, then ``url(path)``."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, dict[str, str]]] = {"/hostile.css": (HOSTILE_CSS, {})}
        handler = type("Handler", (_HostHandler,), {"pages": self.pages})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, html: str, headers: dict[str, str] | None = None) -> str:
        self.pages[path] = (html, headers or {})
        return self.url(path)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{path}"


def product_page(loader: str, lang: str = "en", attributes: str = "", head: str = "", hostile: bool = True) -> str:
    """A general-goods product page with the widget's tag (and the hostile stylesheet)."""
    css = '<link rel="stylesheet" href="/hostile.css">' if hostile else ""
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Enamel mug</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">{css}{head}</head><body>'
            '<header class="top">Everyday Goods</header><main><div><h1>Enamel mug, 350 ml</h1>'
            '<p>A sturdy mug for camp and kitchen.</p><label>Quantity <input value="1"></label>'
            '<button id="buy">Add to basket</button></div></main>'
            f'<script src="{loader}" async{attributes}></script></body></html>')


class _CorsHandler(_StaticHandler):
    """The built site as a host that sends Access-Control-Allow-Origin (GitHub Pages, or `_headers`)."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def serve(directory: Path, handler: type[_StaticHandler]) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def base_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}/"


@pytest.fixture(scope="module")
def help_center(built_site: Path) -> Iterator[str]:
    """The real help center, with CORS, its store API on the development store."""
    server = serve(built_site, _CorsHandler)
    yield base_url(server)
    server.shutdown()


@pytest.fixture(scope="module")
def no_cors_help_center(built_site: Path) -> Iterator[str]:
    server = serve(built_site, _StaticHandler)
    yield base_url(server)
    server.shutdown()


@pytest.fixture(scope="module")
def store() -> Iterator[HostPages]:
    pages = HostPages()
    yield pages
    pages.server.shutdown()


@pytest.fixture(scope="module")
def multilingual_help_center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture help center of tests/examples/multilingual: English, Arabic (right to left), Japanese, French."""
    root = copy_site_project(tmp_path_factory.mktemp("embed-multilingual"), EXAMPLES / "multilingual" / "content")
    config = read_store_config()
    config["extra"]["locales"] = ["en", "ar", "ja", "fr"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    server = serve(root / "site", _CorsHandler)
    yield base_url(server)
    server.shutdown()


@pytest.fixture(autouse=True)
def nothing_thrown(page_errors: list[Any]) -> Iterator[None]:
    """No uncaught error from the widget's files, on any page a test opens (the host page must never see one)."""
    yield
    ours = [f"{e.message}\n{e.stack}" for e in page_errors if "/assets/embed" in (e.stack or "")]
    assert not ours, f"the widget threw on the host page: {ours}"


# --- helpers ---------------------------------------------------------------------------------------------------


def open_panel(page: Page) -> None:
    page.locator(f"{PANEL} .hc-launcher").click()
    wait_until(page, f"document.querySelector('{PANEL}').shadowRoot.querySelector('[data-hc-embed-state]')")


def panel_state(page: Page) -> str:
    return str(page.evaluate(f"""document.querySelector('{PANEL}').shadowRoot
        .querySelector('[data-hc-embed-state]').getAttribute('data-hc-embed-state')"""))


def ask(page: Page, query: str) -> list[str]:
    """Type ``query`` into the panel as a person would; the ids of the results it then shows."""
    field = page.locator(f"{PANEL} [data-hc-search-input]")
    field.fill("")
    field.press_sequentially(query, delay=10)
    expect(page.locator(f"{PANEL} [data-hc-search]")).to_have_attribute("data-hc-search-done", query, timeout=8000)
    links = page.locator(f"{PANEL} [data-hc-search-results] a")
    return [links.nth(n).get_attribute("data-hc-search-id") or "" for n in range(links.count())]


def style(page: Page, selector: str, prop: str) -> str:
    return str(page.evaluate(
        f"getComputedStyle(document.querySelector('{PANEL}').shadowRoot.querySelector('{selector}'))"
        f".getPropertyValue('{prop}')"))


def assert_on_top(page: Page, selector: str) -> None:
    """Nothing of the host page covers the element's centre (the huge z-index header included)."""
    covered = page.evaluate(f"""() => {{
        const node = document.querySelector('{PANEL}').shadowRoot.querySelector('{selector}');
        const box = node.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + Math.min(box.height / 2, 20);
        return document.elementFromPoint(x, y) === document.querySelector('{PANEL}')
            && node.getRootNode().elementFromPoint(x, y) !== null && box.width > 0;
    }}""")
    assert covered, f"{selector} is covered by the host page"


HOST_STYLES = """() => {
    const button = getComputedStyle(document.getElementById('buy')), body = getComputedStyle(document.body);
    return [button.backgroundColor, button.fontSize, body.fontFamily, body.color, body.letterSpacing];
}"""


# --- the three host pages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "title", "query", "first"), [
    ("en-GB", "How can we help?", "customs duties", "shipping-and-delivery/customs-duties/"),
    ("fr-FR", "Comment pouvons-nous vous aider ?", "droits de douane", "fr/shipping-and-delivery/customs-duties/"),
])
def test_the_widget_works_on_a_hostile_store_page(new_page: NewPage, store: HostPages, help_center: str,
                                                  lang: str, title: str, query: str, first: str) -> None:
    page = new_page(viewport={"width": 1366, "height": 800})
    page.goto(store.add(f"/hostile-{lang}", product_page(help_center + "assets/embed.js", lang)))
    expect(page.locator(f"{PANEL} .hc-launcher")).to_be_visible()
    before = page.evaluate(HOST_STYLES)
    assert style(page, ".hc-launcher", "background-color") == BRAND  # the host's button rules stop at the shadow
    assert style(page, ".hc-launcher", "font-size") == "16px"
    assert_on_top(page, ".hc-launcher")
    open_panel(page)
    assert panel_state(page) == "ready"
    expect(page.locator(f"{PANEL} .hc-title")).to_have_text(title)
    assert_on_top(page, ".hc-dialog")
    assert style(page, ".hc-input", "border-top-width") == "1px"
    assert style(page, ".hc-body", "font-family").startswith("system-ui")
    ids = ask(page, query)
    assert ids[:1] == ["customs-duties"]
    link = page.locator(f"{PANEL} [data-hc-search-results] a").first
    expect(link).to_have_attribute("href", help_center + first)
    expect(link).to_have_attribute("target", "_blank")
    assert page.evaluate(HOST_STYLES) == before  # and the panel's styles do not reach the page


def test_a_right_to_left_store_page_gets_a_right_to_left_panel(new_page: NewPage, store: HostPages,
                                                               multilingual_help_center: str) -> None:
    page = new_page(viewport={"width": 1366, "height": 800})
    page.goto(store.add("/hostile-ar", product_page(multilingual_help_center + "assets/embed.js", "ar",
                                                    attributes=' data-topic="shipping"')))
    expect(page.locator(f"{PANEL} .hc-launcher")).to_have_text("مساعدة")
    open_panel(page)
    assert page.evaluate(f"document.querySelector('{PANEL}').shadowRoot.querySelector('.hc-embed').dir") == "rtl"
    expect(page.locator(f"{PANEL} .hc-title")).to_have_text("كيف يمكننا مساعدتك؟")
    assert style(page, ".hc-dialog", "direction") == "rtl"
    # Right to left: the title's text hugs the dialog's right edge.
    left, right = page.evaluate(f"""() => {{
        const root = document.querySelector('{PANEL}').shadowRoot, range = document.createRange();
        range.selectNodeContents(root.querySelector('.hc-title'));
        const text = range.getBoundingClientRect(), title = root.querySelector('.hc-title').getBoundingClientRect();
        return [text.left - title.left, title.right - text.right];
    }}""")
    assert right < 2 < left
    # Untranslated suggestions say so, in Arabic, and link to the English page.
    link = page.locator(f"{PANEL} .hc-suggested a[hreflang=en]").first
    expect(link.locator(".hc-mark")).to_have_text(" بالإنجليزية")
    expect(link.locator("span[lang=en][dir=auto]")).to_have_text("Will I pay customs duties?")  # kept left to right
    assert ask(page, "طلبي")[:1] == ["order-status"]  # the Arabic index finds the Arabic article


def test_a_store_page_with_a_strict_policy_sees_no_violation(new_page: NewPage, store: HostPages, help_center: str,
                                                             dev_store: DevStoreServer) -> None:
    origin = help_center.rstrip("/")
    policy = (f"default-src 'none'; script-src {origin}; connect-src {origin} {dev_store.url}; "
              "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'")
    page = new_page()
    page.goto(store.add("/strict", product_page(help_center + "assets/embed.js"), {"Content-Security-Policy": policy}))
    open_panel(page)
    assert panel_state(page) == "ready"
    assert ask(page, "where is my parcel")
    page.locator(f"{PANEL} .hc-disclosure").click()
    page.locator(f"{PANEL} [name=order_number]").fill("ORD-10117")
    page.locator(f"{PANEL} [name=email]").fill("ada.lovelace@example.com")
    page.locator(f"{PANEL} .hc-order__form [type=submit]").click()
    expect(page.locator(f'{PANEL} [data-hc-outcome="found"]')).to_contain_text("ORD-10117")
    # the conftest's own check fails the test on any securitypolicyviolation


def test_a_host_global_named_like_ours_is_left_alone(new_page: NewPage, store: HostPages, help_center: str) -> None:
    page = new_page()
    plain = store.add("/plain", product_page("/none.js", hostile=False))
    page.goto(plain)
    before = set(page.evaluate("Object.keys(window)"))
    page.goto(store.add("/globals", product_page(help_center + "assets/embed.js", hostile=False)))
    open_panel(page)
    ask(page, "refund")
    added = set(page.evaluate("Object.keys(window)")) - before
    assert added == {"HelpCenterEmbed"}  # one namespaced global, even with the engine, stemmers and widgets
    page.evaluate("window.HelpCenterEmbed.close()")
    expect(page.locator(f"{PANEL} .hc-dialog")).to_be_hidden()

    page.add_init_script("window.HelpCenterEmbed = {mine: true};")
    page.goto(store.add("/theirs", product_page(help_center + "assets/embed.js", "fr", hostile=False)))
    open_panel(page)
    assert page.evaluate("JSON.stringify(window.HelpCenterEmbed)") == '{"mine":true}'
    assert ask(page, "retour")


def test_the_panel_gives_the_help_centers_first_result_for_the_shared_vectors(
    new_page: NewPage, store: HostPages, help_center: str
) -> None:
    vectors = load_vectors()
    files = {name.rsplit("/", 1)[1]: body for name, body in vector_files(vectors).items()}

    def index(route: Route) -> None:
        name = route.request.url.split("?")[0].rsplit("/", 1)[1]
        route.fulfill(status=200, body=files[name], content_type="application/json",
                      headers={"Access-Control-Allow-Origin": "*"})

    queries = [v["query"] for v in vectors["vectors"] if v["query"].strip()]
    site = new_page()
    site.route(help_center + "assets/search/*", index)
    site.goto(help_center)
    box = site.locator("[data-hc-search=page]")
    ours = []
    for query in queries:
        field = box.locator("input[type=search]")
        field.fill("")
        field.press_sequentially(query, delay=5)
        expect(box).to_have_attribute("data-hc-search-done", query, timeout=8000)
        first = box.locator("[data-hc-search-results] a").first
        ours.append(first.get_attribute("data-hc-search-id") if first.count() else None)
    page = new_page()
    page.route(help_center + "assets/search/*", index)
    page.goto(store.add("/vectors", product_page(help_center + "assets/embed.js", hostile=False)))
    open_panel(page)
    embedded = [(ask(page, query) or [None])[0] for query in queries]
    assert embedded == ours
    assert sum(1 for found in ours if found) >= len(queries) // 2  # the vectors do find answers


# --- suggestions, order lookup, events ---------------------------------------------------------------------------


def test_suggestions_follow_data_topic_and_fall_back_to_the_most_asked(new_page: NewPage, store: HostPages,
                                                                      help_center: str) -> None:
    page = new_page()
    page.goto(store.add("/topic", product_page(help_center + "assets/embed.js", attributes=' data-topic="care"',
                                               hostile=False)))
    open_panel(page)
    expect(page.locator(f"{PANEL} .hc-suggested h3")).to_have_text("Suggested for this page")
    guides = page.locator(f"{PANEL} .hc-suggested a")
    expect(guides).to_have_count(len(load_helpcenter(STORE / "content").guides[:6]))
    for n in range(guides.count()):
        assert (guides.nth(n).get_attribute("href") or "").startswith(help_center + "care/")
    page.goto(store.add("/no-topic", product_page(help_center + "assets/embed.js", hostile=False)))
    open_panel(page)
    expect(page.locator(f"{PANEL} .hc-suggested h3")).to_have_text("Most asked questions")


@pytest.mark.parametrize(("lang", "attributes", "launcher"), [
    ("en", ' data-locale="fr"', "Aide"),   # data-locale wins over the page's language
    ("de-AT", "", "Help"),                 # a language the help center does not speak: the default
    ("FR-ca", "", "Aide"),                 # a region and any case: the language
])
def test_the_locale_follows_the_page(new_page: NewPage, store: HostPages, help_center: str, lang: str,
                                     attributes: str, launcher: str) -> None:
    page = new_page()
    tag = product_page(help_center + "assets/embed.js", lang, attributes, hostile=False)
    page.goto(store.add(f"/locale-{lang}", tag))
    expect(page.locator(f"{PANEL} .hc-launcher")).to_have_text(launcher)


def test_the_development_stores_product_page_shows_the_widget(new_page: NewPage, help_center: str) -> None:
    """``make serve``'s demonstration: its strict policy, and extra.embed's rule for /products/* (care guides)."""
    demo = start_in_thread(DevStoreOptions(quiet=True, help_center_url=help_center))
    try:
        page = new_page()
        page.goto(demo.url + DEMO_PATH)
        open_panel(page)
        assert panel_state(page) == "ready"
        expect(page.locator(f"{PANEL} .hc-suggested h3")).to_have_text("Suggested for this page")
        expect(page.locator(f"{PANEL} .hc-suggested a").first).to_have_attribute(
            "href", re.compile(re.escape(help_center) + "care/"))
    finally:
        stop(demo)


def test_store_failures_show_the_help_centers_own_messages(new_page: NewPage, store: HostPages,
                                                           help_center: str) -> None:
    page = new_page()
    page.goto(store.add("/lookup", product_page(help_center + "assets/embed.js", "fr", hostile=False)))
    open_panel(page)
    page.locator(f"{PANEL} .hc-disclosure").click()
    page.locator(f"{PANEL} [name=order_number]").fill("TEST-500")
    page.locator(f"{PANEL} [name=email]").fill("ada.lovelace@example.com")
    page.locator(f"{PANEL} .hc-order__form [type=submit]").click()
    expect(page.locator(f'{PANEL} [data-hc-outcome="server"]')).to_contain_text("Le service de commandes")


def test_searches_are_recorded_with_the_embeds_own_path(new_page: NewPage, store: HostPages, help_center: str,
                                                        dev_store: DevStoreServer) -> None:
    before = len(list(dev_store.db.events()))
    page = new_page()
    page.goto(store.add("/events/secret-basket", product_page(help_center + "assets/embed.js", hostile=False))
              + "?coupon=1")
    open_panel(page)
    ask(page, "refund")
    page.keyboard.press("Enter")  # settles the search now
    page.goto("about:blank")  # pagehide sends the queue
    assert wait_for(lambda: len(list(dev_store.db.events())) > before, 5)
    search = [dict(e) for e in dev_store.db.events()][before:]
    assert any(e["type"] == "search" and e["query"] == "refund" for e in search)
    assert {e["path"] for e in search} == {"/embed/"}
    assert not page.context.cookies()  # no cookie of its own


# --- keyboard, axe, phone ----------------------------------------------------------------------------------------


ACTIVE = f"""() => {{
    const host = document.querySelector('{PANEL}');
    return document.activeElement === host ? host.shadowRoot.activeElement.className : document.activeElement.id;
}}"""


def test_the_dialog_traps_focus_and_returns_it(new_page: NewPage, store: HostPages, help_center: str) -> None:
    page = new_page()
    page.goto(store.add("/keys", product_page(help_center + "assets/embed.js", hostile=False)))
    page.locator(f"{PANEL} .hc-launcher").focus()
    page.keyboard.press("Enter")
    wait_until(page, f"document.querySelector('{PANEL}').shadowRoot.activeElement?.id === 'hc-embed-q'")
    seen = set()
    for _ in range(25):
        page.keyboard.press("Tab")
        seen.add(page.evaluate(ACTIVE))
    page.keyboard.press("Shift+Tab")
    seen.add(page.evaluate(ACTIVE))
    assert "buy" not in seen and "" not in seen and "hc-close" in seen  # never out to the page
    page.keyboard.press("Escape")
    expect(page.locator(f"{PANEL} .hc-dialog")).to_be_hidden()
    assert page.evaluate(ACTIVE).startswith("hc-launcher")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_panel(new_page: NewPage, store: HostPages, help_center: str, scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(store.add("/axe", product_page(help_center + "assets/embed.js", hostile=False)))
    open_panel(page)
    ask(page, "bitcoin")  # no answer: the contact line and the most asked questions too
    page.locator(f"{PANEL} .hc-disclosure").click()
    page.locator(f"{PANEL} .hc-order__form [type=submit]").click()  # the field errors
    results = Axe().run(page, context={"include": [[PANEL]]},
                        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    response = results.response
    assert not response["violations"], describe(response["violations"])
    checked = {rule["id"] for key in ("passes", "incomplete") for rule in response[key]}
    assert {"color-contrast", "label", "link-name"} <= checked


def test_on_a_phone_the_panel_fills_the_screen(new_page: NewPage, store: HostPages, help_center: str) -> None:
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(store.add("/phone", product_page(help_center + "assets/embed.js")))
    open_panel(page)
    box = page.evaluate(f"""JSON.stringify(document.querySelector('{PANEL}').shadowRoot
        .querySelector('.hc-dialog').getBoundingClientRect())""")
    assert {k: round(v) for k, v in json.loads(box).items() if k in "xywidthheight"} == {
        "x": 0, "y": 0, "width": 390, "height": 844}


# --- failures ----------------------------------------------------------------------------------------------------


def test_a_help_center_without_cors_says_so_and_links_to_itself(new_page: NewPage, store: HostPages,
                                                                no_cors_help_center: str) -> None:
    page = new_page()
    page.goto(store.add("/no-cors", product_page(no_cors_help_center + "assets/embed.js", "fr", hostile=False)))
    open_panel(page)
    wait_until(page, f"document.querySelector('{PANEL}').shadowRoot.querySelector('.hc-fail')")
    expect(page.locator(f"{PANEL} .hc-fail")).to_contain_text("L'aide ne peut pas s'afficher")
    expect(page.locator(f"{PANEL} .hc-body a")).to_have_attribute("href", no_cors_help_center + "fr/")


@pytest.mark.parametrize("failure", ["offline", "404"])
def test_a_panel_that_cannot_load_says_so_and_nothing_throws(new_page: NewPage, store: HostPages, help_center: str,
                                                             failure: str) -> None:
    page = new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if failure == "offline":
        page.route("**/embed/panel.js*", lambda route: route.abort("internetdisconnected"))
    else:
        page.route("**/embed/panel.js*", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(store.add(f"/broken-{failure}", product_page(help_center + "assets/embed.js", hostile=False)))
    open_panel(page)
    assert panel_state(page) == "unavailable"
    expect(page.locator(f"{PANEL} .hc-body a")).to_have_attribute("href", help_center)
    page.locator(f"{PANEL} .hc-close").click()
    page.unroute("**/embed/panel.js*")
    open_panel(page)  # it tries again on the next open
    wait_until(page, f"""document.querySelector('{PANEL}').shadowRoot
        .querySelector('[data-hc-embed-state]').getAttribute('data-hc-embed-state') === 'ready'""")
    assert not errors
