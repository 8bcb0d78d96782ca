"""Shared fixtures for the real-browser tests (Chromium through Playwright, marker ``browser``).

- ``dev_store``: the development store (devstore) on a free localhost port, for the whole session;
- ``built_site``: the reference store (tests/examples/store: its mkdocs.yml, docs and content, never the
  repository's own, which is the store's to change), built once per session into a temporary folder with its
  store URLs pointing at ``dev_store``; ``STORE_CONFIG`` is its mkdocs.yml, for the values tests expect;
- ``site_server``: the base URL (ending in ``/``) of a static server of ``built_site`` on a free port;
- ``other_site_server``: the same for another store's settings: the multilingual example content (English and
  French) with the real theme, a light/dark button (``scheme_toggle: true``) and no order-number rule;
- ``browser``: Debian's Chromium (``HC_CHROMIUM`` overrides the path; Playwright's download is not used);
- ``new_page``: a factory of pages, each in a fresh context (own cookies), ``new_page(java_script_enabled=False)``
  for the no-JavaScript case; ``page`` is one such page. An uncaught error thrown by the help center's own
  scripts (``assets/javascripts/hc-*.js``) fails the test; ``page_errors`` lists every uncaught error.
- ``csp_violations``: every ``securitypolicyviolation`` event (and Content Security Policy console error) of
  every page a test opens through ``page``/``new_page``; any of them fails the test, unless it is marked
  ``@pytest.mark.csp_violations_expected`` (a test that injects script on purpose and reads the list).
- ``wait_until(page, expression)``: waits for a JavaScript expression to be true. Use it, not Playwright's
  ``page.wait_for_function``, whose polling compiles the expression in the page with ``eval``, which the
  site's policy refuses (no ``'unsafe-eval'``): the wait then fails with an EvalError and a violation.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, sync_playwright

from devstore import DevStoreOptions, DevStoreServer, start_in_thread, stop
from generator.config.store import STORE_API_URL_ENV, STORE_URL_ENV
from tests.conftest import EXAMPLES, STORE
from tests.helpers import copy_site_project

CHROMIUM = os.environ.get("HC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def read_store_config() -> dict[str, Any]:
    """The reference store's mkdocs.yml as data (its ``!!python`` tags, if any, left out)."""
    config: dict[str, Any] = yaml.safe_load((STORE / "mkdocs.yml").read_text("utf-8").replace("!!python", "#"))
    return config


STORE_CONFIG = read_store_config()
"""What the browser tests' site is built from: its name, URL and brand are read here, not written out."""
STORE_NAME = str(STORE_CONFIG["extra"]["store"]["name"])
BRAND_PRIMARY = str(STORE_CONFIG["extra"]["brand"]["primary"])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser/ is a browser test, whether or not the module says so."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def dev_store() -> Iterator[DevStoreServer]:
    # A generous rate limit: the whole session looks orders up from one address (TEST-429 covers 429s).
    server = start_in_thread(DevStoreOptions(quiet=True, lookups_per_minute=10_000))
    yield server
    stop(server)


def build_against(config: Path, site: Path, store: DevStoreServer) -> Path:
    """``helpcenter build`` of ``config`` into ``site`` with its store URLs pointing at the development store."""
    env = {**os.environ, STORE_URL_ENV: store.url, STORE_API_URL_ENV: store.api_url}
    command = [sys.executable, "-m", "generator.cli", "-f", str(config), "build", "-d", str(site)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        pytest.fail(f"helpcenter build failed:\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, dev_store: DevStoreServer) -> Path:
    """The reference store, its order numbers written as the development store's are (ORD- and five digits):
    the store's own rule in mkdocs.yml is for its own backend."""
    root = copy_site_project(tmp_path_factory.mktemp("browser"))
    text = (root / "mkdocs.yml").read_text("utf-8")
    start = text.index("    order_numbers:\n")
    end = text.index("\n", text.index("digits:", start)) + 1
    rule = "    order_numbers:\n      prefix: ORD-\n      digits: 5\n"
    (root / "mkdocs.yml").write_text(text[:start] + rule + text[end:], "utf-8")
    return build_against(root / "mkdocs.yml", root / "site", dev_store)


@pytest.fixture(scope="session")
def other_site_server(tmp_path_factory: pytest.TempPathFactory, dev_store: DevStoreServer) -> Iterator[str]:
    root = copy_site_project(tmp_path_factory.mktemp("other-store"), EXAMPLES / "multilingual" / "content")
    config = read_store_config()
    config["extra"]["locales"] = ["en", "fr"]
    del config["extra"]["store"]["order_numbers"]
    config["plugins"] = [{"helpcenter": {"content_dir": "content", "scheme_toggle": True}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    server = serve_directory(build_against(root / "mkdocs.yml", root / "site", dev_store))
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}/"
    server.shutdown()
    server.server_close()


class _StaticHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host would, quietly."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_directory(directory: Path) -> ThreadingHTTPServer:
    """A static server of ``directory`` on a free 127.0.0.1 port, on a daemon thread; shut it down after."""
    handler = functools.partial(_StaticHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=f"static:{directory.name}", daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    server = serve_directory(built_site)
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (or set HC_CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


NewPage = Callable[..., Page]


def wait_until(page: Page, expression: str, timeout: float = 5000) -> None:
    """Poll ``expression`` through Playwright's evaluate (which the page's policy does not govern)."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout / 1000:g} s: {expression}")
        time.sleep(0.02)

_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => window.__hcCspViolation({
  page: location.href, directive: event.effectiveDirective, blocked: event.blockedURI,
  source: event.sourceFile, line: event.lineNumber, sample: event.sample,
}), true);
"""
"""Runs in every document before its own scripts, so a violation during loading is seen too."""


@pytest.fixture
def page_errors() -> list[Error]:
    return []


@pytest.fixture
def csp_violations() -> list[dict[str, Any]]:
    return []


def _watch_policy(context: BrowserContext, violations: list[dict[str, Any]]) -> None:
    context.expose_function("__hcCspViolation", lambda violation: violations.append(violation))  # noqa: PLW0108
    context.add_init_script(_REPORT_VIOLATIONS)


def _watch_policy_console(page: Page, violations: list[dict[str, Any]]) -> None:
    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append({"page": page.url, "console": message.text})

    page.on("console", on_console)


def _flush(pages: list[Page]) -> None:
    """Let events queued by the last thing a test did reach the lists before the pages close."""
    for open_page in pages:
        if not open_page.is_closed():
            open_page.wait_for_timeout(50)


@pytest.fixture
def new_page(
    browser: Browser, page_errors: list[Error], csp_violations: list[dict[str, Any]], request: pytest.FixtureRequest
) -> Iterator[NewPage]:
    contexts: list[BrowserContext] = []

    def make(**context_options: Any) -> Page:
        context = browser.new_context(**context_options)
        contexts.append(context)
        _watch_policy(context, csp_violations)
        context.on("page", lambda opened: _watch_policy_console(opened, csp_violations))
        page = context.new_page()
        page.on("pageerror", lambda error: page_errors.append(error))  # noqa: PLW0108 (Playwright cannot wrap a builtin)
        return page

    yield make
    _flush([p for context in contexts for p in context.pages])
    for context in contexts:
        context.close()
    ours = [f"{e.message}\n{e.stack}" for e in page_errors if "/assets/javascripts/hc-" in (e.stack or "")]
    assert not ours, f"the help center's scripts threw: {ours}"
    if request.node.get_closest_marker("csp_violations_expected") is None:
        assert not csp_violations, f"the Content Security Policy refused something: {csp_violations}"


@pytest.fixture
def page(new_page: NewPage) -> Page:
    return new_page()
