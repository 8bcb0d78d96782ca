"""Accessibility in a real browser: axe-core's WCAG 2.x A/AA rules on every kind of page in light and dark
schemes, the skip link, a visible focus on every Tab stop, the drawer from the keyboard, and no request
to anyone but the help center and its store."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from devstore import DevStoreServer
from generator.reading.loading import load_helpcenter
from tests.browser.conftest import wait_until
from tests.conftest import REPO

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = {"light": "default", "dark": "slate"}
"""Browser colour preference -> the Material scheme the page must then show."""
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@cache
def page_paths() -> dict[str, str]:
    """One page of each kind, as paths under the site root."""
    hc = load_helpcenter(REPO / "content")
    category = hc.categories[0]
    return {
        "home": "",
        "category": category.url,
        "article": category.questions[0].url,
        "guide": hc.guides[0].url,
        "404": "404.html",
    }


def open_page(new_page: Callable[..., Page], url: str, scheme: str = "light", **options: Any) -> Page:
    page = new_page(color_scheme=scheme, viewport=options.get("viewport", DESKTOP))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(f'body[data-md-color-scheme="{SCHEMES[scheme]}"]', state="attached")
    return page


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", ["home", "category", "article", "guide", "404"])
def test_axe_finds_no_wcag_violation(new_page: Callable[..., Page], site_server: str, kind: str, scheme: str) -> None:
    page = open_page(new_page, site_server + page_paths()[kind], scheme)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    response = results.response
    assert not response["violations"], f"{kind} ({scheme}):\n{describe(response['violations'])}"
    checked = {rule["id"] for key in ("passes", "incomplete", "violations") for rule in response[key]}
    assert {"color-contrast", "html-has-lang", "document-title", "link-name"} <= checked


FOCUSED = """() => {
  const element = document.activeElement;
  // Material's palette radio is invisible; its focus ring is drawn on the label that follows it.
  const shown = element.matches(".md-option") ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    tag: element.tagName, text: (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40),
    href: element.getAttribute("href"), outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none", opacity: parseFloat(style.opacity), visible: style.visibility === "visible",
    inView: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight,
    skip: element.matches(".hc-skip"), body: element === document.body,
  };
}"""


def tab_stops(page: Page, limit: int = 80) -> list[dict[str, Any]]:
    """Every element Tab reaches from the top of the page, in order, until it wraps around."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)
        stop = page.evaluate(FOCUSED)
        if stop["body"] or (stops and stop["skip"]):
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("kind", ["home", "article", "404"])
def test_every_tab_stop_is_on_screen_with_a_visible_focus(
    new_page: Callable[..., Page], site_server: str, kind: str, viewport: dict[str, int]
) -> None:
    page = open_page(new_page, site_server + page_paths()[kind], viewport=viewport)
    stops = tab_stops(page)
    assert len(stops) >= 5, stops
    page.wait_for_timeout(300)  # the skip link fades in
    hidden = [s for s in stops if not (s["outline"] or s["shadow"]) or not s["visible"] or not s["inView"]]
    assert not hidden, f"focus not visible or off screen on {kind}: {hidden}"


@pytest.mark.parametrize("kind", ["home", "category", "article", "guide", "404"])
def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(
    new_page: Callable[..., Page], site_server: str, kind: str
) -> None:
    page = open_page(new_page, site_server + page_paths()[kind])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.hc-skip')"), "the first Tab stop is not the skip link"
    wait_until(page, "getComputedStyle(document.activeElement).opacity === '1'")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'hc-content'")
    page.keyboard.press("Tab")
    inside = "document.getElementById('hc-content').contains(document.activeElement)"
    assert page.evaluate(inside), "Tab after the skip link left the content"


def test_the_menu_drawer_works_from_the_keyboard_on_a_phone(new_page: Callable[..., Page], site_server: str) -> None:
    page = open_page(new_page, site_server + page_paths()["article"], viewport=PHONE)
    for _ in range(2):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('label[for=__drawer]')"), "Tab 2 is not the menu button"
    page.keyboard.press("Enter")
    # Wait (bounded) rather than read at once: on a loaded machine the handlers can lag a frame.
    wait_until(page, "document.getElementById('__drawer').checked", timeout=5000)
    wait_until(page, "document.querySelector('.md-sidebar--primary').contains(document.activeElement)",
               timeout=5000)
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.href"))  # resolved: nav links are relative
    categories = load_helpcenter(REPO / "content").categories
    assert any(href and href.rstrip("/").endswith(categories[0].id) for href in reached), reached
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__drawer').checked", timeout=5000)
    wait_until(page, "document.activeElement.matches('label[for=__drawer]')", timeout=5000)


@pytest.mark.parametrize("kind", ["home", "category", "article", "guide", "404"])
def test_pages_request_nothing_from_third_parties(
    new_page: Callable[..., Page], site_server: str, dev_store: DevStoreServer, kind: str
) -> None:
    """Everything a page loads comes from the help center itself (or the store's own API)."""
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + page_paths()[kind])
    page.wait_for_load_state("networkidle")
    own = {urlsplit(site_server).netloc, urlsplit(dev_store.url).netloc, urlsplit(dev_store.api_url).netloc}
    foreign = [url for url in requested if not url.startswith("data:") and urlsplit(url).netloc not in own]
    assert not foreign, foreign
    assert len(requested) > 3
