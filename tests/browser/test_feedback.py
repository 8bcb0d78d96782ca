"""'Was this helpful?' and the search and contact events (hc-events.js) in Chromium, on the real built site.

Against the development store (the events arrive in its database) and against a hostile events endpoint
(500, no answer, 404, 429, not JSON, a closed port), which the same built site is pointed at by rewriting
the one attribute that names the endpoint as the pages are served: the shopper must see no difference.
"""

from __future__ import annotations

import functools
import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from devstore import DevStoreServer
from tests.browser.conftest import NewPage, _StaticHandler

pytestmark = pytest.mark.browser

ARTICLE = "shipping-and-delivery/customs-duties/"
GUIDE = "care/leather-bags/"
WIDGET = "[data-hc-feedback]"
SEARCH = "[data-hc-search=page] [data-hc-search-input]"


# --- a recording, misbehaving events endpoint, and the site pointed at it --------------------------------


class Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _RecorderHandler)
        self.mode = "204"
        self.batches: list[dict[str, Any]] = []
        self.stopping = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/help/events"

    def events(self) -> list[dict[str, Any]]:
        return [event for batch in self.batches for event in json.loads(batch["body"])["events"]]


class _RecorderHandler(BaseHTTPRequestHandler):
    server: Recorder

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.batches.append({"body": body.decode(), "headers": dict(self.headers)})
        mode = self.server.mode
        if mode == "hang":
            self.server.stopping.wait(60)
            return
        status = {"204": 204, "500": 500, "404": 404, "429": 429, "garbage": 200}[mode]
        self.send_response(status)
        if mode == "429":
            self.send_header("Retry-After", "3600")
        payload = b"\x00<html>not json{{" if mode in ("garbage", "500") else b""
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _RewritingHandler(_StaticHandler):
    """The built site, with its events endpoint replaced in every page (``endpoint`` set by the fixture)."""

    endpoint = ""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.exists():
            return super().send_head()
        html = path.read_text(encoding="utf-8")
        start = html.find('data-hc-events-url="')
        if start >= 0:
            end = html.index('"', start + len('data-hc-events-url="'))
            html = html[:start] + f'data-hc-events-url="{self.endpoint}"' + html[end:]
            # the page's Content Security Policy lets it connect to the store it was built for only
            origin = "/".join(self.endpoint.split("/")[:3])
            html = html.replace("connect-src 'self'", f"connect-src 'self' {origin}", 1)
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()


        return io.BytesIO(body)


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.stopping.set()
    server.shutdown()
    server.server_close()


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/help/events"


def serve_pointed_at(built_site: Path, endpoint: str) -> ThreadingHTTPServer:
    handler = type("Handler", (_RewritingHandler,), {"endpoint": endpoint})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def recorded_site(built_site: Path, recorder: Recorder) -> Iterator[str]:
    server = serve_pointed_at(built_site, recorder.url)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# --- helpers -------------------------------------------------------------------------------------------------


def hide(page: Page) -> None:
    """What the browser does when the shopper switches tab or app: the page becomes hidden."""
    page.evaluate("""() => {
        Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }""")


def wait_for(condition: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def search(page: Page, query: str) -> None:
    page.fill(SEARCH, query)
    expect(page.locator(f"[data-hc-search=page][data-hc-search-done='{query}']")).to_have_count(1)


# --- the widget against the development store --------------------------------------------------------------


def test_a_yes_vote_arrives_in_the_development_store(page: Page, site_server: str, dev_store: DevStoreServer) -> None:
    before = len(list(dev_store.db.events()))
    page.goto(site_server + ARTICLE)
    widget = page.locator(WIDGET)
    expect(widget).to_be_visible()
    widget.get_by_role("button", name="Yes").click()
    expect(widget.locator("[data-hc-feedback-step=thanks]")).to_be_focused()
    expect(widget.get_by_text("Thank you for your feedback.")).to_be_visible()
    page.goto(site_server)  # leaving the page sends the batch
    wait_for(lambda: len(list(dev_store.db.events())) > before)
    vote = list(dev_store.db.events())[-1]
    assert {k: vote[k] for k in ("type", "path", "locale", "article", "helpful")} == {
        "type": "vote", "path": "/" + ARTICLE, "locale": "en", "article": "customs-duties", "helpful": True}
    assert vote["at"].endswith(":00Z") and "received_at" in vote


def test_a_no_vote_with_a_reason_and_a_scrubbed_comment(page: Page, recorded_site: str, recorder: Recorder) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page.goto(recorded_site + GUIDE)
    widget = page.locator(WIDGET)
    widget.get_by_role("button", name="No").click()
    form = widget.locator("form")
    expect(form).to_be_focused()
    expect(widget.get_by_text("Please do not type personal details")).to_be_visible()
    form.get_by_label("It is out of date").check()
    form.get_by_label("Tell us more (optional)").fill(
        "Wrong for order KW-1029384, write to jane.doe@example.com or +33 6 12 34 56 78 please")
    form.get_by_role("button", name="Send feedback").click()
    thanks = widget.locator("[data-hc-feedback-step=thanks]")
    expect(thanks).to_be_focused()
    expect(thanks.get_by_role("link", name="Contact us")).to_be_visible()
    hide(page)
    wait_for(recorder.events)
    [vote] = recorder.events()
    assert vote["type"] == "vote" and vote["article"] == "leather-bags" and vote["helpful"] is False
    assert vote["reason"] == "outdated"
    assert vote["comment"] == "Wrong for order KW- , write to or + please"
    assert "@" not in recorder.batches[0]["body"] and "1029384" not in recorder.batches[0]["body"]


def test_the_widget_works_from_the_keyboard_alone(page: Page, recorded_site: str, recorder: Recorder) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page.goto(recorded_site + ARTICLE)
    page.locator(WIDGET).get_by_role("button", name="No").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first reason
    page.keyboard.press("Space")
    for _ in range(7):  # past the other reasons (one Tab stop for the group) and the comment, to Send
        if page.evaluate("document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("[data-hc-feedback-step=thanks]")).to_be_focused()
    hide(page)
    wait_for(recorder.events)
    assert recorder.events()[0]["reason"] == "unclear"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_step_of_the_widget_passes_axe(new_page: NewPage, site_server: str, scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(site_server + ARTICLE)
    widget = page.locator(WIDGET)
    axe = Axe()
    for step in ("ask", "reasons", "thanks"):
        if step == "reasons":
            widget.get_by_role("button", name="No").click()
        if step == "thanks":
            widget.get_by_role("button", name="Send feedback").click()
        results = axe.run(page, context=WIDGET, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]})
        assert results.violations_count == 0, results.generate_report()


def test_without_javascript_there_is_no_widget(new_page: NewPage, site_server: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_server + ARTICLE)
    expect(page.locator(WIDGET)).to_be_hidden()


# --- search and contact events ----------------------------------------------------------------------------


def test_settled_searches_result_clicks_and_contact_clicks_in_one_batch_on_hide(
    page: Page, recorded_site: str, recorder: Recorder
) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page.goto(recorded_site)
    search(page, "where is my parcel")
    page.wait_for_timeout(1800)  # typing stopped for 1.5 s: settled
    search(page, "zzqx vlorp 0612345678")  # no results; the digits never leave
    page.keyboard.press("Enter")
    contact = page.locator("[data-hc-search=page] .hc-search-fallback__contact")
    contact.evaluate("link => link.addEventListener('click', e => e.preventDefault())")
    contact.click()
    search(page, "shipping")
    page.locator("[data-hc-search=page] [data-hc-search-results] a").nth(1).evaluate(
        "link => link.addEventListener('click', e => e.preventDefault())")
    page.locator("[data-hc-search=page] [data-hc-search-results] a").nth(1).click()
    assert recorder.batches == []  # nothing leaves before the page is hidden (or 30 s pass)
    hide(page)
    wait_for(lambda: recorder.batches)
    assert len(recorder.batches) == 1
    events = recorder.events()
    assert [e["type"] for e in events] == ["search", "search", "contact_click", "search", "result_click"]
    assert events[0]["query"] == "where is my parcel" and events[0]["results"] > 0
    assert events[1] == {**events[1], "query": "zzqx vlorp", "results": 0}
    assert events[2]["query"] == "zzqx vlorp" and "article" not in events[2]
    assert events[4]["query"] == "shipping" and events[4]["rank"] == 2 and events[4]["article"]
    assert all(e["path"] == "/" and e["locale"] == "en" for e in events)
    sent = recorder.batches[0]["headers"]
    assert sent["Content-Type"] == "text/plain;charset=UTF-8"


def test_a_contact_link_on_an_article_names_the_article(page: Page, recorded_site: str, recorder: Recorder) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page.goto(recorded_site + ARTICLE)
    link = page.locator(".hc-contact a").first
    link.evaluate("link => link.addEventListener('click', e => e.preventDefault())")
    link.click()
    hide(page)
    wait_for(recorder.events)
    assert recorder.events()[0]["type"] == "contact_click"
    assert recorder.events()[0]["article"] == "customs-duties"


def test_no_cookie_no_request_at_load_and_nothing_stored(new_page: NewPage, recorded_site: str,
                                                         recorder: Recorder) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page = new_page()
    page.context.add_cookies([{"name": "session", "value": "secret", "domain": "127.0.0.1", "path": "/"}])
    page.goto(recorded_site + ARTICLE)
    page.wait_for_timeout(1500)
    assert recorder.batches == []  # no request at load
    page.locator(WIDGET).get_by_role("button", name="Yes").click()
    hide(page)
    wait_for(lambda: recorder.batches)
    headers = {k.lower(): v for k, v in recorder.batches[0]["headers"].items()}
    assert "cookie" not in headers and "referer" not in headers
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == "session=secret"  # set by the test, not by the page


# --- a hostile endpoint changes nothing for the shopper -------------------------------------------------------


@pytest.mark.parametrize("mode", ["500", "hang", "404", "429", "garbage", "closed"])
def test_a_misbehaving_endpoint_changes_nothing(page: Page, built_site: Path, recorder: Recorder, mode: str) -> None:
    recorder.mode, recorder.batches[:] = mode, []
    server = serve_pointed_at(built_site, _closed_port_url() if mode == "closed" else recorder.url)
    site = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page.goto(site + ARTICLE)
        widget = page.locator(WIDGET)
        widget.get_by_role("button", name="No").click()
        widget.get_by_role("button", name="Send feedback").click()
        hide(page)
        if mode != "closed":
            wait_for(lambda: recorder.batches)
        expect(widget.get_by_text("Thank you for your feedback.")).to_be_visible()
        started = time.monotonic()
        page.goto(site + GUIDE)  # leaving never waits for the store
        page.locator(WIDGET).get_by_role("button", name="Yes").click()
        hide(page)
        assert time.monotonic() - started < 5
        page.wait_for_timeout(500)
        if mode != "closed":
            assert len(recorder.batches) == 2  # one batch a page hide, never retried
    finally:
        server.shutdown()
        server.server_close()


def test_while_the_page_stays_open_a_batch_leaves_at_most_every_30_seconds(
    new_page: NewPage, recorded_site: str, recorder: Recorder
) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page = new_page()
    page.clock.install()
    page.goto(recorded_site + ARTICLE)
    page.locator(WIDGET).get_by_role("button", name="Yes").click()
    page.clock.run_for(29_000)
    page.wait_for_timeout(300)
    assert recorder.batches == []
    page.clock.run_for(2_000)
    wait_for(lambda: len(recorder.batches) == 1)
    page.evaluate("hcEvents.record('contact_click', {})")
    page.clock.run_for(10_000)
    page.wait_for_timeout(300)
    assert len(recorder.batches) == 1
    page.clock.run_for(21_000)
    wait_for(lambda: len(recorder.batches) == 2)


def test_batches_are_capped_at_50_events_and_64_kib(page: Page, recorded_site: str, recorder: Recorder) -> None:
    recorder.mode, recorder.batches[:] = "204", []
    page.goto(recorded_site + ARTICLE)
    page.evaluate("""() => {
        for (let i = 0; i < 120; i++) {
            hcEvents.record("vote", {article: "a".repeat(100), helpful: false, query: "q".repeat(100),
                                     comment: "x".repeat(300)});
        }
    }""")
    hide(page)
    wait_for(lambda: recorder.batches)
    page.wait_for_timeout(500)
    sizes = [len(json.loads(b["body"])["events"]) for b in recorder.batches]
    bodies = [len(b["body"].encode()) for b in recorder.batches]
    assert max(sizes) == 50 and max(bodies) <= 64 * 1024
    # A hidden page may send 64 KiB in all (the browser's keepalive allowance): what is over is dropped,
    # not kept for a retry.
    assert sum(bodies) <= 64 * 1024 and sum(sizes) < 120
    hide(page)
    page.wait_for_timeout(500)
    assert len(recorder.batches) == len(sizes)
