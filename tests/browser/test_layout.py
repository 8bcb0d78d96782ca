"""The pages' layout as a shopper sees it, on a phone and on a wide screen (issue 14.7, 14.8, 14.11): nothing
cut or truncated, no sideways scrolling, the store always in reach, the site's name once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from generator.config.project import read_mkdocs_yml
from tests.browser.conftest import NewPage
from tests.conftest import REPO

PHONES = [320, 360, 390]
PAGES = {"home": "", "category": "shipping-and-delivery/", "article": "shipping-and-delivery/standard-shipping-time/",
         "guide": "care/storing-your-bag/", "care": "care/", "404": "404.html"}
SITE_NAME = str(read_mkdocs_yml(REPO / "mkdocs.yml")["site_name"])

PLACEHOLDER_FITS = """input => {
  const style = getComputedStyle(input);
  const context = document.createElement("canvas").getContext("2d");
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text: context.measureText(input.placeholder).width, room, scroll: input.scrollWidth <= input.clientWidth};
}"""


def phone(new_page: NewPage, width: int, scheme: str = "light") -> Page:
    return new_page(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True, color_scheme=scheme)


@pytest.mark.parametrize("width", PHONES)
def test_the_home_search_placeholder_shows_whole_on_a_phone(new_page: NewPage, site_server: str, width: int) -> None:
    page = phone(new_page, width)
    page.goto(site_server)
    fit = page.locator(".hc-hero input[type=search]").evaluate(PLACEHOLDER_FITS)
    assert fit["scroll"]
    assert fit["text"] <= fit["room"], f"the placeholder needs {fit['text']:.0f} px, the box has {fit['room']:.0f}"


@pytest.mark.parametrize("width", PHONES)
def test_the_header_shows_the_whole_site_name_on_a_phone(new_page: NewPage, site_server: str, width: int) -> None:
    page = phone(new_page, width)
    page.goto(site_server + PAGES["article"])
    title = page.locator(".md-header a.hc-header__home")
    expect(title).to_be_visible()
    size = title.evaluate("a => [a.scrollWidth, a.clientWidth, a.scrollHeight, a.clientHeight]")
    assert size[0] <= size[1] and size[2] <= size[3], f"'{SITE_NAME}' is cut: {size}"
    box = title.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 48, "the title overflows the header"


def test_the_topics_follow_the_home_search_box_closely_on_a_phone(new_page: NewPage, site_server: str) -> None:
    page = phone(new_page, 390)
    page.goto(site_server)
    box = page.locator(".hc-hero .hc-searchbox__form").bounding_box()
    heading = page.get_by_role("heading", name="Browse by topic").bounding_box()
    assert box and heading
    gap = heading["y"] - (box["y"] + box["height"])
    assert 0 < gap <= 40, f"{gap:.0f} px of empty space under the search box"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_scrolls_sideways_on_a_phone_and_the_store_is_in_reach(
    new_page: NewPage, site_server: str, kind: str, scheme: str
) -> None:
    page = phone(new_page, 360, scheme)
    page.goto(site_server + PAGES[kind])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    expect(page.locator(".md-header").get_by_role("link", name="Shop", exact=True)).to_be_visible()
    footer = page.locator("footer")
    for name in ("Kseworks store", "Contact us", "Returns policy", "Privacy policy"):
        expect(footer.get_by_role("link", name=name)).to_be_visible()


@pytest.mark.parametrize("kind", ["article", "guide", "category"])
def test_on_a_wide_screen_the_site_name_shows_once_and_the_store_is_named(
    new_page: NewPage, site_server: str, kind: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_server + PAGES[kind])
    names = page.get_by_text(SITE_NAME, exact=True)
    visible = [names.nth(i) for i in range(names.count()) if names.nth(i).is_visible()]
    assert len(visible) == 1, f"'{SITE_NAME}' is shown {len(visible)} times"
    expect(page.locator(".md-header").get_by_role("link", name="Back to Kseworks")).to_be_visible()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Home", exact=True)).to_have_count(0)
