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
from playwright.sync_api import Page, expect

from devstore import DevStoreServer
from generator.reading.loading import load_helpcenter
from tests.browser.conftest import wait_until
from tests.conftest import STORE

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = {"light": "default", "dark": "slate"}
"""Browser colour preference -> the Material scheme the page must then show."""
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@cache
def page_paths() -> dict[str, str]:
    """One page of each kind, as paths under the site root."""
    hc = load_helpcenter(STORE / "content")
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
    categories = load_helpcenter(STORE / "content").categories
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


RING = """(drawnOn) => {
  const element = document.activeElement, style = getComputedStyle(element);
  const rgb = value => (value.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // What the ring is drawn on: outside the element (offset >= 0), the first opaque background around it;
  // inside it (negative offset), the element's own; or what the test names.
  let around = drawnOn ? document.querySelector(drawnOn)
    : parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
  while (around && rgb(getComputedStyle(around).backgroundColor)[3] === 0) around = around.parentElement;
  const behind = rgb(around ? getComputedStyle(around).backgroundColor : "rgb(255, 255, 255)");
  const ring = rgb(style.outlineColor), [a, b] = [luminance(ring), luminance(behind)].sort((x, y) => y - x);
  const accent = rgb(getComputedStyle(document.body).getPropertyValue("--md-accent-fg-color").trim()
    .replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`));
  return {what: element.outerHTML.slice(0, 80), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          contrast: (a + 0.05) / (b + 0.05), accent: ring.slice(0, 3).join() === accent.slice(0, 3).join()};
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", ["home", "article"])
def test_the_focus_ring_is_in_the_brands_colours_and_meets_focus_appearance(
    new_page: Callable[..., Page], site_server: str, kind: str, scheme: str
) -> None:
    """Issue 19.8: the ring was the accent, an orange-red that reads as an error. WCAG 2.2 2.4.13: a solid
    ring at least 2 px thick with 3:1 against what it is drawn on, on every Tab stop, in both schemes."""
    page = open_page(new_page, site_server + page_paths()[kind], scheme)
    page.wait_for_timeout(300)  # the skip link's fade
    rings = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        rings.append(page.evaluate(RING, None))
    assert len(rings) >= 10, rings
    bad = [r for r in rings if r["style"] != "solid" or r["width"] < 2 or r["contrast"] < 3 or r["accent"]]
    assert not bad, f"{kind} ({scheme}): {bad}"


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_open_header_search_has_a_ring_in_the_brands_colours(
    new_page: Callable[..., Page], site_server: str, scheme: str
) -> None:
    page = open_page(new_page, site_server + page_paths()["article"], scheme)
    page.locator(".md-header .md-search__input").focus()
    page.keyboard.press("a")  # focus by keyboard: :focus-visible
    page.wait_for_timeout(400)  # the open field's transition
    # The field fills its form: the ring, 2 px outside, is drawn on the header.
    ring = page.evaluate(RING, ".md-header")
    assert ring["style"] == "solid" and ring["width"] >= 2 and ring["contrast"] >= 3 and not ring["accent"], ring


def test_a_pressed_button_keeps_its_colours(new_page: Callable[..., Page], site_server: str) -> None:
    """Material filled a focused button with the accent: "Find my order" turned orange-red once pressed."""
    page = open_page(new_page, site_server)
    button = page.locator('form[data-hc-widget="order-lookup"] [type=submit]')
    before = button.evaluate("b => getComputedStyle(b).backgroundColor")
    button.hover()
    page.mouse.move(0, 0)
    button.focus()  # where a click leaves it (Material's rule is on :focus, not :focus-visible)
    expect(button).to_be_focused()
    page.wait_for_timeout(500)  # Material's colour transition after the hover
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == before
