"""The pages' layout as a shopper sees it, on a phone and on a wide screen (issue 14.7, 14.8, 14.11): nothing
cut or truncated, no sideways scrolling, the store always in reach, the site's name once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import STORE_CONFIG, STORE_NAME, NewPage

PHONES = [320, 360, 390]
PAGES = {"home": "", "category": "shipping-and-delivery/", "article": "shipping-and-delivery/standard-shipping-time/",
         "guide": "care/storing-your-bag/", "care": "care/", "404": "404.html"}
SITE_NAME = str(STORE_CONFIG["site_name"])

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
    for name in (f"{STORE_NAME} store", "Contact us", "Returns policy", "Privacy policy"):
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
    expect(page.locator(".md-header").get_by_role("link", name=f"Back to {STORE_NAME}")).to_be_visible()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Home", exact=True)).to_have_count(0)


# --- issue 19.8 and 19.9: the open search beside the site's name, the topic grid, the 404 page's topics -------


@pytest.mark.parametrize("width", [1024, 1366])
@pytest.mark.parametrize("path", ["care/", "fr/care/"])
def test_opening_the_search_leaves_the_site_name_whole(new_page: NewPage, site_server: str, width: int,
                                                       path: str) -> None:
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site_server + path)
    page.locator(".md-header .md-search__input").click()
    expect(page.locator("#__search")).to_be_checked()
    page.wait_for_timeout(400)  # Material's transition of the field's width
    title = page.locator(".md-header a.hc-header__home")
    size = title.evaluate("a => [a.scrollWidth, a.clientWidth]")
    assert size[0] <= size[1], f"the site's name is cut with the search open: {size}"
    field = page.locator(".md-header .md-search__inner").bounding_box()
    name = title.bounding_box()
    assert field and name and name["x"] + name["width"] <= field["x"], "the search covers the site's name"
    assert field["width"] >= 234, "the open search is narrower than the closed one (11.7rem)"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


SET_CARDS = """([count, classes]) => {
  const grid = document.querySelector(".hc-cards"), list = grid.querySelector("ul");
  const card = list.querySelector("li");
  list.replaceChildren(...Array.from({length: count}, () => card.cloneNode(true)));
  grid.className = "hc-cards " + classes;
}"""

ROWS = """() => {
  const list = document.querySelector(".hc-cards > ul"), outer = list.getBoundingClientRect();
  const rows = new Map();
  for (const card of list.children) {
    const box = card.getBoundingClientRect(), top = Math.round(box.top);
    if (!rows.has(top)) rows.set(top, []);
    rows.get(top).push([box.left - outer.left, outer.right - box.right, box.width]);
  }
  return [...rows.values()];
}"""


@pytest.mark.parametrize("width", [390, 768, 1024, 1366])
def test_the_topic_grid_stays_balanced_for_one_to_nine_topics(new_page: NewPage, site_server: str,
                                                              width: int) -> None:
    """Issue 19.9: six cards in four columns left two empty slots. Rows differ by one card at most, every
    card has the same width, a shorter row is centred, and the grid uses the width it has."""
    from generator.rendering.pages import card_grid_classes

    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site_server)
    assert page.locator(".hc-cards").get_attribute("class") == "hc-cards " + card_grid_classes(6)
    for count in range(1, 10):
        page.evaluate(SET_CARDS, [count, card_grid_classes(count)])
        rows = page.evaluate(ROWS)
        sizes = [len(row) for row in rows]
        assert sum(sizes) == count and max(sizes) - min(sizes) <= 1, f"{count} topics at {width} px: {sizes}"
        widths = [card[2] for row in rows for card in row]
        assert max(widths) - min(widths) < 1, f"{count} topics at {width} px: cards of different widths"
        for row in rows:
            left, right = row[0][0], row[-1][1]
            assert abs(left - right) < 2, f"{count} topics at {width} px: a row is not centred ({left}, {right})"
        if width >= 1024 and count >= 2:
            assert max(sizes) >= 2, f"{count} topics at {width} px in a single column"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_404_page_counts_the_care_guides_like_the_other_topics(page: Page, site_server: str) -> None:
    page.goto(site_server + "404.html")
    items = page.locator(".hc-404-topics li")
    texts = items.all_inner_texts()
    assert texts and all(re.fullmatch(r".+ \(\d+\)", text) for text in texts), texts
    expect(items.filter(has_text="Care guides")).to_have_text(re.compile(r"^Care guides \(\d+\)$"))
