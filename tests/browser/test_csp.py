"""The Content Security Policy in Chromium: every kind of page, search, the widgets against the development
store and a hostile one, and the preview all run under it without a single violation, while script injected
into a built page is refused.

The conftest fails any test whose pages report a ``securitypolicyviolation``; these tests also check that what
the policy allows really ran (the inline scripts by their hashes, the brand colours' style block, the fetches).
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from devstore import DevStoreServer
from tests.browser.conftest import BRAND_PRIMARY, NewPage, serve_directory
from tests.helpers import copy_site_project, free_port, wait_for
from tests.helpers import fetch as fetch_text

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "category": "shipping-and-delivery/",
    "article": "order-management/check-order-status/",
    "guide": "care/leather-bags/",
    "404": "404.html",
}
FORM = 'form[data-hc-widget="order-lookup"]'


def policy_of(page: Page) -> str:
    return str(page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content"))


def assert_runs_under_its_policy(page: Page) -> None:
    """The policy comes before any script, and what it allows inline really ran."""
    first = page.evaluate("""() => [...document.head.querySelectorAll("script, meta[http-equiv]")]
        .map((node) => node.tagName + (node.httpEquiv ? ":" + node.httpEquiv : ""))[0]""")
    assert first == "META:Content-Security-Policy"
    assert page.evaluate("document.documentElement.classList.contains('no-js')") is False  # the head's inline script
    assert page.evaluate("typeof __md_get") == "function"  # Material's inline storage helpers
    brand = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--hc-brand').trim()")
    assert brand == BRAND_PRIMARY  # the brand colours' inline <style>, allowed by its hash


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_kind_of_page_runs_without_a_violation(
    kind: str, width: int, new_page: NewPage, site_server: str
) -> None:
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site_server + PAGES[kind])
    page.wait_for_load_state("load")
    assert_runs_under_its_policy(page)
    if width < 960:  # the phone's menu shows the whole navigation, with whatever icons it draws
        page.locator('.md-header label[for="__drawer"]').click()
        expect(page.locator(".md-sidebar--primary")).to_be_visible()
    policy = policy_of(page)
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert page.locator('meta[name="referrer"]').get_attribute("content") == "strict-origin-when-cross-origin"


def test_the_palette_switch_and_the_phone_menu_work_under_the_policy(page: Page, other_site_server: str) -> None:
    page.goto(other_site_server + "orders/")  # a store with the light/dark switch
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("[data-hc-palette] button:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")


def test_search_fetches_its_index_and_shows_results(page: Page, site_server: str) -> None:
    page.goto(site_server)
    field = page.locator("[data-hc-search=page] input[type=search]")
    field.click()
    field.press_sequentially("where is my parcel", delay=15)
    expect(page.locator("[data-hc-search=page] [data-hc-search-results] a").first).to_be_visible()


def test_the_order_lookup_and_the_session_reach_the_store_api(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    page.goto(site_server + PAGES["article"])
    expect(page.locator(f"{FORM}[data-hc-ready]")).to_have_count(1)
    page.fill(f"{FORM} [name=order_number]", "ORD-10117")
    page.fill(f"{FORM} [name=email]", "ada.lovelace@example.com")
    page.click(f"{FORM} [type=submit]")
    expect(page.locator(f'{FORM} [data-hc-outcome="found"]')).to_be_visible(timeout=5000)
    assert dev_store.api_url.split("/api")[0] in policy_of(page)


def test_a_hostile_store_answer_neither_runs_nor_trips_the_policy(page: Page, site_server: str) -> None:
    page.goto(site_server + PAGES["article"])
    expect(page.locator(f"{FORM}[data-hc-ready]")).to_have_count(1)
    page.fill(f"{FORM} [name=order_number]", "TEST-HOSTILE")
    page.fill(f"{FORM} [name=email]", "tester@example.com")
    page.click(f"{FORM} [type=submit]")
    expect(page.locator(f'{FORM} [data-hc-outcome="found"]')).to_be_visible(timeout=5000)
    page.wait_for_timeout(300)  # room for anything the answer might have smuggled in
    assert page.title() != "pwned"


class _HeadersHandler(SimpleHTTPRequestHandler):
    """A static host that reads ``_headers`` (Netlify, Cloudflare Pages): its headers on every answer."""

    headers_file: Path

    def end_headers(self) -> None:
        for line in self.headers_file.read_text("utf-8").splitlines():
            if line.startswith("  "):
                name, value = line.strip().split(": ", 1)
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def headers_site(built_site: Path) -> Iterator[str]:
    handler = type("Handler", (_HeadersHandler,), {"headers_file": built_site / "_headers"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_headers_policy_and_the_pages_policy_together_allow_every_page(
    kind: str, page: Page, headers_site: str
) -> None:
    response = page.goto(headers_site + PAGES[kind])
    assert response is not None and "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert_runs_under_its_policy(page)


@pytest.mark.csp_violations_expected
def test_the_headers_policy_forbids_framing(
    page: Page, headers_site: str, csp_violations: list[dict[str, Any]]
) -> None:
    page.set_content(f'<iframe src="{headers_site}"></iframe>')  # another site (about:blank) framing ours
    page.wait_for_timeout(500)
    assert page.frames[-1].url == "chrome-error://chromewebdata/"
    assert any("frame-ancestors" in str(v.get("console")) for v in csp_violations), csp_violations


# --- injected script is refused -----------------------------------------------------------------------------------

INJECTED = (
    '<script>window.hcInjected = "inline script ran"</script>'
    '<img src="missing.png" alt="" onerror="window.hcInjected = \'onerror ran\'">'
    '<a id="hc-injected-link" href="javascript:window.hcInjected=\'javascript: ran\'">x</a>'
)


@pytest.fixture
def injected_site(built_site: Path, tmp_path: Path) -> Iterator[str]:
    """A copy of the built site whose article page carries markup that tries to run script."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    article = site / PAGES["article"] / "index.html"
    article.write_text(article.read_text("utf-8").replace("</article>", INJECTED + "</article>", 1), "utf-8")
    server = serve_directory(site)
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.csp_violations_expected
def test_injected_inline_script_and_handlers_are_refused(
    page: Page, injected_site: str, csp_violations: list[dict[str, Any]]
) -> None:
    page.goto(injected_site + PAGES["article"])
    page.wait_for_load_state("load")
    page.locator("#hc-injected-link").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.hcInjected") is None
    assert_runs_under_its_policy(page)  # the page's own inline scripts still ran
    refused = {v.get("directive") for v in csp_violations}
    assert {"script-src-elem", "script-src-attr"} <= refused, csp_violations


# --- the preview ----------------------------------------------------------------------------------------


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[str]:
    """``helpcenter serve --demo-store`` on a free port: live reload's script and the development store."""
    port = free_port()
    root = copy_site_project(tmp_path / "store")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "-f", str(root / "mkdocs.yml"), "serve", "--demo-store",
         "--port", str(port)], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "livereload" in fetch_text(url + PAGES["article"]), 90), "the preview did not start"
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.slow
def test_the_preview_runs_live_reload_and_the_development_store_under_the_policy(page: Page, preview: str) -> None:
    page.goto(preview + PAGES["article"])
    assert_runs_under_its_policy(page)
    assert re.search(r"connect-src 'self' http://127\.0\.0\.1:\d+", policy_of(page))
    page.fill(f"{FORM} [name=order_number]", "ORD-10117")
    page.fill(f"{FORM} [name=email]", "ada.lovelace@example.com")
    page.click(f"{FORM} [type=submit]")
    expect(page.locator(f'{FORM} [data-hc-outcome="found"]')).to_be_visible(timeout=5000)
