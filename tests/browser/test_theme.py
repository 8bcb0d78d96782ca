"""The theme's own behaviour in Chromium, on the real built site, now that Material's JavaScript bundle is
not loaded (partials/hc/palette.html, header-title.html): light and dark (the system setting, and a switch only
for a store that asks for one: a visitor's choice kept across pages, mouse and keyboard), the header's page title,
and what a page loads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import NewPage, wait_until

SWITCH = "[data-hc-palette] button:visible"


def scheme(page: Page) -> str:
    return str(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))


def test_pages_follow_the_system_setting_and_show_no_light_dark_button(new_page: NewPage, site_server: str) -> None:
    """Issue 19.8: a light/dark button is a documentation-site habit; the reference store asks for none."""
    dark = new_page(color_scheme="dark")
    dark.goto(site_server)
    assert scheme(dark) == "slate"
    light = new_page(color_scheme="light")
    light.goto(site_server)
    assert scheme(light) == "default"
    for page in (dark, light):
        expect(page.locator("[data-hc-palette] button")).to_have_count(0)
        expect(page.locator("[data-hc-palette]")).to_be_hidden()


def test_without_the_button_a_choice_stored_on_an_earlier_visit_is_ignored(page: Page, site_server: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_server)
    page.evaluate("""() => __md_set("__palette", {index: 1, color: {media: "(prefers-color-scheme: dark)",
                     scheme: "slate", primary: "custom", accent: "custom"}})""")
    page.reload()
    assert scheme(page) == "default"


def test_until_a_visitor_chooses_a_change_of_system_preference_is_followed(page: Page, site_server: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_server)
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    wait_until(page, "document.body.getAttribute('data-md-color-scheme') === 'slate'")


# --- a store that asks for the button (plugins.helpcenter.scheme_toggle: true) ---------------------------


@pytest.mark.parametrize(("path", "to_dark", "to_light"), [
    ("", "Switch to dark mode", "Switch to light mode"),
    ("fr/", "Passer en mode sombre", "Passer en mode clair"),
])
def test_a_store_that_asks_for_the_button_gets_it_in_the_pages_language(
    new_page: NewPage, other_site_server: str, path: str, to_dark: str, to_light: str
) -> None:
    dark = new_page(color_scheme="dark")
    dark.goto(other_site_server + path)
    assert scheme(dark) == "slate"
    expect(dark.locator(SWITCH)).to_have_attribute("aria-label", to_light)
    light = new_page(color_scheme="light")
    light.goto(other_site_server + path)
    assert scheme(light) == "default"
    expect(light.locator(SWITCH)).to_have_attribute("aria-label", to_dark)
    expect(light.locator(SWITCH)).to_have_attribute("title", to_dark)


def test_the_switch_changes_the_scheme_and_the_choice_is_kept_on_other_pages(
    page: Page, other_site_server: str
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(other_site_server)
    page.locator(SWITCH).click()
    assert scheme(page) == "slate"
    expect(page.locator(SWITCH)).to_have_attribute("aria-label", "Switch to light mode")
    page.goto(other_site_server + "care/")
    assert scheme(page) == "slate", "the choice was not kept on the next page"
    page.emulate_media(color_scheme="light")  # a choice beats the system preference
    page.wait_for_timeout(100)
    assert scheme(page) == "slate"
    page.locator(SWITCH).click()
    assert scheme(page) == "default"


def test_the_switch_works_from_the_keyboard_and_keeps_the_focus(page: Page, other_site_server: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(other_site_server)
    page.locator(SWITCH).focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to light mode"
    page.keyboard.press("Space")
    assert scheme(page) == "default"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to dark mode"


def test_without_javascript_there_is_no_dead_switch_and_the_search_box_is_hidden(
    new_page: NewPage, site_server: str, other_site_server: str
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(other_site_server)
    expect(page.locator("[data-hc-palette] button")).to_have_count(2)
    expect(page.locator("[data-hc-palette]")).to_be_hidden()
    page.goto(site_server)
    expect(page.locator(".md-header .md-search")).to_be_hidden()


def test_with_javascript_the_header_search_shows_from_the_first_paint(page: Page, site_server: str) -> None:
    page.goto(site_server + "care/", wait_until="commit")
    page.wait_for_selector(".md-header .md-search", state="attached")
    assert page.evaluate("!document.documentElement.classList.contains('no-js')")
    expect(page.locator(".md-header .md-search")).to_be_visible()


def test_the_header_shows_the_page_title_once_its_heading_scrolls_away(page: Page, site_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(site_server + "care/leather-bags/")
    title = page.locator("[data-md-component=header-title]")
    active = re.compile(r"\bmd-header__title--active\b")
    expect(title).not_to_have_class(active)
    page.mouse.wheel(0, 800)
    expect(title).to_have_class(active)
    topic = page.locator("[data-md-component=header-topic]").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert topic and header and header["y"] <= topic["y"] and topic["y"] + topic["height"] <= header["height"] + 1, \
        f"the page's title is drawn outside the header: {topic}"
    page.mouse.wheel(0, -2000)
    expect(title).not_to_have_class(active)


def test_a_page_loads_only_the_help_centers_own_scripts(page: Page, site_server: str) -> None:
    """Material's bundle is not loaded (it was most of a phone's blocking time); only hc-*.js are."""
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    page.goto(site_server)
    page.wait_for_load_state("networkidle")
    names = sorted(url.rsplit("/", 1)[-1] for url in scripts)
    assert names == ["hc-events.js", "hc-search-box.js", "hc-search-engine.js", "hc-widgets.js"], names


def test_on_a_short_wide_window_the_end_of_the_navigation_can_be_scrolled_to(page: Page, site_server: str) -> None:
    """Sidebars are sticky; taller than the window they must scroll themselves (Material's JS did this)."""
    page.set_viewport_size({"width": 1280, "height": 200})
    page.goto(site_server + "care/storing-your-bag/")  # a guide long enough to list its sections
    for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary"):
        last = page.locator(f"{sidebar} .md-nav__link").last
        last.evaluate("link => link.scrollIntoView({block: 'nearest'})")
        box = last.bounding_box()
        assert box is not None
        assert box["y"] >= 48 and box["y"] + box["height"] <= 200, (sidebar, box)
        assert last.evaluate("link => link.closest('.md-sidebar__scrollwrap').scrollTop > 0"), "nothing to scroll"


RESTORED_FROM_BFCACHE = "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"
"""What a browser fires when Back restores a page from its back/forward cache. The headless Chromium here
keeps no such cache, so the tests fire the event themselves on a page left as it would be restored."""


def test_a_page_restored_by_back_shows_its_menu_closed(new_page: NewPage, site_server: str) -> None:
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(site_server + "care/")
    page.locator(".md-header label[for=__drawer]").click()
    wait_until(page, "document.getElementById('__drawer').checked")
    page.evaluate(RESTORED_FROM_BFCACHE)
    wait_until(page, "!document.getElementById('__drawer').checked")
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()
