"""The head, sitemap and robots.txt templates, rendered with plain Jinja: cases the reference store has not
(a search-only page marked noindex, quotes and markup in a description, a site under a sub-path)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import jinja2

from tests.conftest import THEME
from tests.test_built_site import Html, HtmlReader

SITE = "https://example.com/help/"


def render(template: str, **context: Any) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME))
    env.filters["url"] = lambda value: value  # MkDocs' filter; paths are left as they are here
    config = {"site_name": "Shop Help Center", "site_url": SITE, "site_description": "",
              "theme": {"favicon": "favicon.svg"}, "extra": {"store": {}}}
    return env.get_template(template).render(config=config, **context)


def page(path: str, **hc: Any) -> dict[str, Any]:
    meta = {"title": "Where is my order?", "description": 'Click "Track" <b>now</b> & relax.', "hc": hc}
    return {"meta": meta, "canonical_url": SITE + path, "is_homepage": False, "title": "", "is_link": False}


def head(**context: Any) -> Html:
    reader = HtmlReader()
    reader.feed(render("partials/hc/seo.html", **context))
    return reader.page


def test_a_description_with_quotes_and_markup_stays_one_attribute() -> None:
    html = head(page=page("orders/where/", kind="article"))
    assert html.meta["description"] == ['Click "Track" <b>now</b> & relax.']
    assert html.meta["og:description"] == html.meta["description"]
    assert [link["href"] for link in html.links if link["rel"] == "canonical"] == [SITE + "orders/where/"]


def test_a_noindex_page_has_no_canonical_no_cards_and_no_structured_data() -> None:
    html = head(page=page("search/", kind="search", noindex=True, jsonld='{"@graph": []}'))
    assert html.meta["robots"] == ["noindex"]
    assert not [link for link in html.links if link["rel"] == "canonical"]
    assert "og:title" not in html.meta
    assert not html.jsonld


def test_an_error_page_without_a_page_object_is_noindex_with_its_own_title() -> None:
    assert head(page=None).meta["robots"] == ["noindex"]
    assert "Page not found · Shop Help Center" in render("partials/hc/title.html", page=None)


def test_the_sitemap_leaves_out_noindex_pages_and_dates_only_what_has_a_date() -> None:
    pages = [{"page": page("a/", lastmod="2024-01-02")}, {"page": page("search/", noindex=True)},
             {"page": page("b/")}, {"page": None}]
    xml = render("sitemap.xml", pages=pages)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.fromstring(xml).findall("s:url", ns)
    found = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in urls}
    assert found == {SITE + "a/": "2024-01-02", SITE + "b/": None}


def test_robots_txt_follows_a_site_under_a_sub_path() -> None:
    lines = render("robots.txt").splitlines()
    assert lines == ["User-agent: *", "Allow: /", f"Sitemap: {SITE}sitemap.xml"]
