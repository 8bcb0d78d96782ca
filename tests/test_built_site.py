"""The built site, read as search engines and browsers read it: titles, descriptions, canonical URLs,
social cards, JSON-LD, sitemap, robots.txt, links that all resolve, no third-party requests, and
byte-identical output for the same content."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator.config.project import read_mkdocs_yml
from generator.config.store import StoreSettings, resolve_store
from generator.mkdocs.engine import build_site
from generator.reading.loading import load_helpcenter
from generator.reading.model import HelpCenter
from tests.conftest import REPO, STORE
from tests.helpers import copy_site_project

pytestmark = pytest.mark.slow

SITE_URL: str = read_mkdocs_yml(STORE / "mkdocs.yml")["site_url"].rstrip("/") + "/"
BUILD_EPOCH = "1000000000"
BUILD_DAY = "2001-09-09"
"""SOURCE_DATE_EPOCH for builds in these tests: a day no content date can be, so a leak shows."""
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
RESOURCE_TAGS = {"script", "img", "iframe", "source", "video", "audio", "embed", "object", "track", "input"}
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
                "manifest", "apple-touch-icon"}


# --- reading HTML -------------------------------------------------------------------------


@dataclass
class Html:
    """What the tests need from one HTML file."""

    lang: str = ""
    titles: list[str] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    urls: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) of every href and src."""
    ids: set[str] = field(default_factory=set)


class HtmlReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Html()
        self._capture: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = a.get("lang", "")
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "meta" and ("name" in a or "property" in a):
            self.page.meta.setdefault(a.get("name") or a["property"], []).append(a.get("content", ""))
        if tag == "link":
            self.page.links.append(a)
        for attribute in ("href", "src"):
            if attribute in a:
                self.page.urls.append((tag, attribute, a[attribute]))
        if tag == "title" or (tag == "script" and a.get("type") == "application/ld+json"):
            self._capture, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._capture:
            target = self.page.titles if tag == "title" else self.page.jsonld
            target.append("".join(self._text).strip())
            self._capture = None


@cache
def read_html(path: Path) -> Html:
    reader = HtmlReader()
    reader.feed(path.read_text("utf-8"))
    return reader.page


def other_locale_prefixes() -> set[str]:
    """The folders of the locales other than the default (``fr``): tests/test_built_locales.py reads those."""
    from generator.config.project import load_project

    return {locale.code for locale in load_project(STORE / "mkdocs.yml").locales if not locale.default}


def html_files(site: Path) -> list[Path]:
    """The default locale's pages (at the site's root)."""
    others = other_locale_prefixes()
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in others)


def page_url(site: Path, path: Path) -> str:
    """The public URL of a built HTML file (directory URLs)."""
    relative = path.relative_to(site).as_posix()
    if relative == "404.html":
        return SITE_URL + "404.html"
    return SITE_URL + relative.removesuffix("index.html")


def indexable(site: Path) -> list[Path]:
    return [p for p in html_files(site) if p.name != "404.html"]


def one(values: list[str] | None, what: str) -> str:
    assert values and len(values) == 1, f"expected exactly one {what}, found {values}"
    return values[0]


# --- what the content says the site holds -------------------------------------------------


@cache
def content() -> HelpCenter:
    return load_helpcenter(STORE / "content")


def expected_pages() -> dict[str, str]:
    """Public URL -> kind, for every page the content makes."""
    hc = content()
    pages = {SITE_URL: "home"}
    for category in hc.categories:
        pages[SITE_URL + category.url] = "category"
        pages.update({SITE_URL + q.url: "article" for q in category.questions})
    if hc.guides:
        pages[SITE_URL + "care/"] = "care-index"
        pages.update({SITE_URL + g.url: "guide" for g in hc.guides})
    return pages


def file_for(site: Path, url: str) -> Path:
    path = urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def graph(site: Path, path: Path) -> list[dict[str, Any]]:
    scripts = read_html(path).jsonld
    assert len(scripts) == 1, f"{path}: expected one JSON-LD script, found {len(scripts)}"
    document = json.loads(scripts[0])
    assert document["@context"] == "https://schema.org"
    nodes: list[dict[str, Any]] = document["@graph"]
    return nodes


# --- titles, descriptions, canonical, language, social cards -------------------------------


def test_every_page_has_a_unique_title(store_site: Path) -> None:
    titles = {p: one(read_html(p).titles, "<title>") for p in html_files(store_site)}
    duplicates = [t for t, n in Counter(titles.values()).items() if n > 1]
    assert not duplicates, f"shared titles: {duplicates}"
    assert all(titles.values())


def test_article_titles_are_question_then_store_help_center(store_site: Path) -> None:
    site_name = read_mkdocs_yml(STORE / "mkdocs.yml")["site_name"]
    for question in content().questions:
        path = file_for(store_site, SITE_URL + question.url)
        assert read_html(path).titles == [f"{question.question} · {site_name}"]


def test_descriptions_are_unique_plain_and_at_most_160_characters(store_site: Path) -> None:
    descriptions = {p: one(read_html(p).meta.get("description"), "description") for p in indexable(store_site)}
    for path, text in descriptions.items():
        assert 0 < len(text) <= 160, f"{path}: {len(text)} characters"
        assert not re.search(r"[<>*_`\[\]]|\]\(", text), f"{path}: markup left in '{text}'"
    duplicates = [d for d, n in Counter(descriptions.values()).items() if n > 1]
    assert not duplicates, f"shared descriptions: {duplicates}"


def test_every_page_has_one_absolute_canonical_url_of_its_own(store_site: Path) -> None:
    seen = []
    for path in indexable(store_site):
        canonical = [link["href"] for link in read_html(path).links if link.get("rel") == "canonical"]
        assert canonical == [page_url(store_site, path)], path
        seen.append(canonical[0])
    assert len(seen) == len(set(seen))
    assert set(seen) == set(expected_pages())


def test_every_page_declares_its_language(store_site: Path) -> None:
    language = read_mkdocs_yml(STORE / "mkdocs.yml")["theme"].get("language", "en")
    for path in html_files(store_site):
        assert read_html(path).lang == language, path


def test_social_cards_repeat_title_description_and_url(store_site: Path) -> None:
    for path in indexable(store_site):
        page = read_html(path)
        meta = page.meta
        assert one(meta.get("og:url"), "og:url") == page_url(store_site, path)
        assert one(meta.get("og:description"), "og:description") == one(meta.get("description"), "description")
        assert one(meta.get("twitter:description"), "twitter:description") == meta["description"][0]
        title = one(meta.get("og:title"), "og:title")
        assert title and one(meta.get("twitter:title"), "twitter:title") == title
        assert page.titles[0].startswith(title), path
        assert one(meta.get("og:type"), "og:type") in {"website", "article"}
        assert one(meta.get("twitter:card"), "twitter:card") in {"summary", "summary_large_image"}
        assert one(meta.get("og:site_name"), "og:site_name")


def test_the_404_page_is_not_indexed(store_site: Path) -> None:
    page = read_html(store_site / "404.html")
    assert page.meta.get("robots") == ["noindex"]
    assert not [link for link in page.links if link.get("rel") == "canonical"]
    assert not page.jsonld


# --- structured data ----------------------------------------------------------------------

EXPECTED_TYPES = {
    "home": ["WebSite", "Organization"],
    "category": ["BreadcrumbList", "FAQPage"],
    "article": ["BreadcrumbList", "Article"],
    "care-index": ["BreadcrumbList"],
    "guide": ["BreadcrumbList", "Article"],
}


def test_jsonld_has_the_right_types_for_each_kind_of_page(store_site: Path) -> None:
    for url, kind in expected_pages().items():
        nodes = graph(store_site, file_for(store_site, url))
        assert [n["@type"] for n in nodes] == EXPECTED_TYPES[kind], url


def test_breadcrumbs_end_at_the_page_and_point_at_real_pages(store_site: Path) -> None:
    for url, kind in expected_pages().items():
        if kind == "home":
            continue
        crumbs = next(n for n in graph(store_site, file_for(store_site, url)) if n["@type"] == "BreadcrumbList")
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == SITE_URL
        assert items[-1]["item"] == url
        for item in items:
            assert item["name"]
            assert file_for(store_site, item["item"]).is_file(), item


def test_articles_carry_headline_description_and_date_from_content(store_site: Path) -> None:
    hc = content()
    for question in hc.questions:
        path = file_for(store_site, SITE_URL + question.url)
        article = graph(store_site, path)[1]
        assert article["headline"] == question.question
        assert article["description"] == read_html(path).meta["description"][0]
        assert article["dateModified"] == expected_lastmod()[SITE_URL + question.url]
        assert article["author"]["@type"] == article["publisher"]["@type"] == "Organization"
    for guide in hc.guides:
        article = graph(store_site, file_for(store_site, SITE_URL + guide.url))[1]
        assert article["headline"] == guide.title
        assert article["dateModified"] == expected_lastmod()[SITE_URL + guide.url]


def test_category_pages_have_an_faq_of_their_questions_and_answers(store_site: Path) -> None:
    for category in content().categories:
        faq = graph(store_site, file_for(store_site, SITE_URL + category.url))[1]
        assert [q["name"] for q in faq["mainEntity"]] == [q.question for q in category.questions]
        for entity in faq["mainEntity"]:
            assert entity["@type"] == "Question"
            assert entity["acceptedAnswer"]["@type"] == "Answer"
            assert len(entity["acceptedAnswer"]["text"]) > 20
            assert "](" not in entity["acceptedAnswer"]["text"]


def test_home_names_the_site_and_the_store(store_site: Path) -> None:
    website, organization = graph(store_site, store_site / "index.html")
    config = read_mkdocs_yml(STORE / "mkdocs.yml")
    assert website["url"] == SITE_URL
    assert website["name"] == config["site_name"]
    assert organization["name"] == config["extra"]["store"]["name"]
    assert website["publisher"]["@id"] == organization["@id"]


# --- sitemap and robots.txt ---------------------------------------------------------------


@cache
def expected_lastmod() -> dict[str, str]:
    """From the content files themselves: ``updated``, else the file's last commit; lists take their latest."""
    hc = content()
    dates: dict[str, str] = {}
    for category in hc.categories:
        for q in category.questions:
            dates[SITE_URL + q.url] = (q.updated or _commit_date(q.location.path)).isoformat()
        dates[SITE_URL + category.url] = max(dates[SITE_URL + q.url] for q in category.questions)
    for guide in hc.guides:
        dates[SITE_URL + guide.url] = (guide.updated or _commit_date(guide.location.path)).isoformat()
    if hc.guides:
        dates[SITE_URL + "care/"] = max(dates[SITE_URL + g.url] for g in hc.guides)
    dates[SITE_URL] = max(dates.values())
    return dates


def _commit_date(path: str) -> dt.date:
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.strip()
    return dt.date.fromisoformat(out)


def sitemap_entries(sitemap: bytes) -> dict[str, str | None]:
    root = ET.fromstring(sitemap)
    entries: dict[str, str | None] = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.findtext("s:loc", namespaces=SITEMAP_NS)
        assert loc and loc not in entries, f"missing or repeated <loc>: {loc}"
        entries[loc] = url.findtext("s:lastmod", namespaces=SITEMAP_NS)
    return entries


def test_sitemap_lists_every_page_with_its_content_date(store_site: Path) -> None:
    others = tuple(f"{SITE_URL}{code}/" for code in other_locale_prefixes())
    entries = {url: day for url, day in sitemap_entries((store_site / "sitemap.xml").read_bytes()).items()
               if not url.startswith(others)}  # other locales' pages: tests/test_built_locales.py
    assert set(entries) == set(expected_pages())
    assert entries == expected_lastmod()
    assert SITE_URL + "404.html" not in entries
    assert gzip.decompress((store_site / "sitemap.xml.gz").read_bytes()) == (store_site / "sitemap.xml").read_bytes()


def test_robots_txt_points_at_the_absolute_sitemap(store_site: Path) -> None:
    lines = (store_site / "robots.txt").read_text("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert "Disallow: /" not in lines
    assert not any("{" in line for line in lines), "template syntax left in robots.txt"


def test_sitemap_dates_fall_back_to_the_last_commit_of_the_content_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question without ``updated`` takes its file's last commit date; the build date never appears."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = copy_site_project(tmp_path / "project")
    faq = project / "content" / "faq" / "shipping-and-delivery.yml"
    faq.write_text(re.sub(r"\n\s*updated: [0-9-]+", "", faq.read_text("utf-8")), "utf-8")
    when = "2021-04-05T10:00:00+00:00"
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for command in (["init", "-q"], ["add", "content"], ["commit", "-qm", "content"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True, capture_output=True)
    build_site(project / "mkdocs.yml", project / "site")
    entries = sitemap_entries((project / "site" / "sitemap.xml").read_bytes())
    shipping = [u for u in entries if u.startswith(SITE_URL + "shipping-and-delivery/")]
    assert len(shipping) == 6
    assert {entries[u] for u in shipping} == {"2021-04-05"}
    assert BUILD_DAY not in set(entries.values())


# --- links and requests -------------------------------------------------------------------


def internal_targets(site: Path) -> Iterator[tuple[Path, str, str]]:
    """(page, url as written, absolute URL) of every link or resource on this site."""
    for path in html_files(site):
        base = page_url(site, path)
        for _tag, _attribute, value in read_html(path).urls:
            if value.startswith(("mailto:", "tel:", "data:")):
                continue
            absolute = urljoin(base, value)
            if absolute.startswith(SITE_URL) or absolute == SITE_URL.rstrip("/"):
                yield path, value, absolute


def broken_internal_links(site: Path) -> list[str]:
    """``page: link -> what is wrong`` for every internal link to a missing file or a missing anchor."""
    broken = []
    for path, written, absolute in internal_targets(site):
        parts = urlsplit(absolute)
        target = file_for(site, parts._replace(query="", fragment="").geturl())
        if not target.is_file():
            broken.append(f"{path.relative_to(site)}: {written} -> missing {target.relative_to(site)}")
        elif parts.fragment and target.suffix == ".html" and parts.fragment not in read_html(target).ids:
            broken.append(f"{path.relative_to(site)}: {written} -> no id '{parts.fragment}'")
    return broken


def test_no_broken_internal_link_or_anchor_in_any_page(store_site: Path) -> None:
    broken = broken_internal_links(store_site)
    assert not broken, "\n".join(broken)
    assert sum(1 for _ in internal_targets(store_site)) > 100  # the walk did see the links


def test_no_link_uses_a_scheme_that_runs_script(store_site: Path) -> None:
    for path in html_files(store_site):
        for tag, attribute, value in read_html(path).urls:
            assert not value.strip().lower().startswith(("javascript:", "vbscript:")), (path, tag, attribute)


def test_no_third_party_request_when_a_page_loads(store_site: Path) -> None:
    """Scripts, styles, images, fonts and icons all come from the site itself."""
    site_host = urlsplit(SITE_URL).hostname
    offending = []
    for path in html_files(store_site):
        for link in read_html(path).links:
            rels = set(link.get("rel", "").lower().split())
            if rels & LOADING_RELS and urlsplit(urljoin(SITE_URL, link.get("href", ""))).hostname != site_host:
                offending.append((path.name, link))
        for tag, attribute, value in read_html(path).urls:
            if tag in RESOURCE_TAGS and attribute == "src" and urlsplit(urljoin(SITE_URL, value)).hostname != site_host:
                offending.append((path.name, (tag, value)))
    for css in store_site.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)[\"']?(https?:)?//[^\"')\s]+", css.read_text("utf-8")):
            offending.append((css.name, url))
    assert not offending, offending


def test_the_site_publishes_no_script_that_no_page_loads(store_site: Path) -> None:
    """Material's bundle, search worker and lunr files are left out (generator.rendering.site.UNUSED_THEME_FILES),
    and every script the site does publish is loaded by its pages."""
    published = {p.relative_to(store_site).as_posix() for p in store_site.rglob("*.js")}
    loaded = {
        urlsplit(urljoin(page_url(store_site, path), value)).path.lstrip("/")
        for path in html_files(store_site)
        for tag, attribute, value in read_html(path).urls
        if tag == "script" and attribute == "src"
    }
    assert loaded == {"assets/javascripts/hc-search-engine.js", "assets/javascripts/hc-search-box.js",
                      "assets/javascripts/hc-widgets.js", "assets/javascripts/hc-events.js"}
    # The French index's stemmer, which hc-search-engine.js loads itself; only the site's languages'.
    stemmers = {"assets/javascripts/snowball/base-stemmer.js", "assets/javascripts/snowball/french-stemmer.js"}
    # The store's embedded widget (issue 23): loaded by store pages, not by the help center's own.
    widget = {"assets/embed.js", "assets/embed/panel.js", "assets/embed/stemmer-french.js"}
    assert published == loaded | stemmers | widget
    assert not list(store_site.glob("assets/javascripts/*.map"))


# --- Content Security Policy ---------------------------------------------------------------

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_page_carries_its_policy_before_any_script(store_site: Path) -> None:
    for path in html_files(store_site):
        text = path.read_text("utf-8")
        policies = CSP_META.findall(text)
        assert len(policies) == 1, path
        head = text.split("</head>")[0]
        assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy") < head.index("<script")
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in head, path


def test_each_pages_policy_allows_exactly_the_inline_code_it_carries(store_site: Path) -> None:
    """Recomputed independently: every inline script a browser runs, hashed, and nothing that is not there."""
    for path in html_files(store_site):
        text = path.read_text("utf-8")
        policy = directives(CSP_META.findall(text)[0])
        inline = [m.group(2) for m in re.finditer(r"<script( type=\"module\")?>(.*?)</script>", text, re.S)]
        expected = {csp_hash(code) for code in inline}
        assert expected and set(policy["script-src"]) == {"'self'", *expected}, path
        styles = {csp_hash(code) for code in re.findall(r"<style>(.*?)</style>", text, re.S)}
        assert set(policy["style-src"]) == {"'self'", *styles}, path
        assert policy["connect-src"] == ["'self'", "https://kseworks.com"], path  # {url}/api/help by default
        assert policy["base-uri"] == policy["object-src"] == ["'none'"], path


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split("; "))}


def csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def test_the_headers_file_is_published_but_is_not_a_page(store_site: Path) -> None:
    lines = (store_site / "_headers").read_text("utf-8").splitlines()
    assert lines[1] == "/*" and "  X-Content-Type-Options: nosniff" in lines
    header = next(line for line in lines if line.startswith("  Content-Security-Policy: "))
    policy = directives(header.split(": ", 1)[1])
    assert policy["frame-ancestors"] == policy["base-uri"] == policy["object-src"] == ["'none'"]
    every_script = {source for path in store_site.rglob("*.html")  # every locale's pages
                    for source in directives(CSP_META.findall(path.read_text("utf-8"))[0])["script-src"]}
    assert every_script == set(policy["script-src"]), "the header must allow every page's inline scripts"
    assert not any("_headers" in loc for loc in sitemap_entries((store_site / "sitemap.xml").read_bytes()))


# --- reproducible builds ------------------------------------------------------------------


def test_the_same_content_builds_byte_identical_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds from two copies of the project, in different folders, give the same bytes everywhere,
    and neither the build date nor the build folder appears in any text file."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    sites = []
    for name in ("one", "two"):
        project = copy_site_project(tmp_path / name)
        build_site(project / "mkdocs.yml", project / "site")
        sites.append(project / "site")
    files = [sorted(p.relative_to(s).as_posix() for p in s.rglob("*") if p.is_file()) for s in sites]
    assert files[0] == files[1]
    assert "sitemap.xml.gz" in files[0]
    different = [f for f in files[0] if (sites[0] / f).read_bytes() != (sites[1] / f).read_bytes()]
    assert not different, f"differ between two builds: {different}"
    for name in files[0]:
        if Path(name).suffix in {".html", ".xml", ".txt", ".json", ".js", ".css"}:
            text = (sites[0] / name).read_text("utf-8")
            assert BUILD_DAY not in text, f"{name}: the build date is in the output"
            assert str(tmp_path) not in text, f"{name}: the build folder's path is in the output"


def test_mkdocs_yml_site_url_is_absolute() -> None:
    assert yaml.safe_load((STORE / "mkdocs.yml").read_text("utf-8"))["site_url"].startswith("https://")


def test_the_stores_image_goes_into_social_cards_and_structured_data(tmp_path: Path) -> None:
    """With extra.store.image set (a site path here), cards and the Organization carry its absolute URL."""
    project = copy_site_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text("utf-8")
    with_image = config.replace("  store:\n", "  store:\n    image: assets/images/logo.svg\n", 1)
    assert with_image != config
    (project / "mkdocs.yml").write_text(with_image, "utf-8")
    build_site(project / "mkdocs.yml", project / "site")
    image = SITE_URL + "assets/images/logo.svg"
    article = project / "site" / content().questions[0].url / "index.html"
    meta = read_html(article).meta
    assert meta["og:image"] == [image]
    assert meta["twitter:image"] == [image]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert graph(project / "site", article)[1]["image"] == image
    assert graph(project / "site", project / "site" / "index.html")[1]["logo"] == image
    assert (project / "site" / "assets/images/logo.svg").is_file()


# --- the store around the help center, and no documentation-theme leftovers (issue 14.7-8) -------------


class Region(HTMLParser):
    """The links and text inside the first element with ``tag`` and a class (or id) ``name``."""

    def __init__(self, tag: str, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.name = tag, name
        self.depth = 0
        self.found = False
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if not self.depth and not self.found and tag == self.tag and (
            self.name in a.get("class", "").split() or a.get("id") == self.name
        ):
            self.found = True
            self.depth = 1
            return
        if self.depth:
            self.depth += tag not in {"img", "input", "br", "meta", "link", "path"}
            if tag == "a":
                self._href, self._link_text = a.get("href", ""), []

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._link_text).split())))
            self._href = None
        self.depth -= tag not in {"img", "input", "br", "meta", "link", "path"}

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
            if self._href is not None:
                self._link_text.append(data)


def region(path: Path, tag: str, name: str) -> Region:
    reader = Region(tag, name)
    reader.feed(path.read_text("utf-8"))
    assert reader.found, f"{path}: no <{tag}> '{name}'"
    return reader


@cache
def store() -> StoreSettings:
    return resolve_store(read_mkdocs_yml(STORE / "mkdocs.yml")["extra"]["store"], {})


def test_every_page_ends_with_the_stores_footer(store_site: Path) -> None:
    links = store().links
    expected = [(store().url, f"{store().name} store"), (links["contact"], "Contact us"),
                (links["returns-policy"], "Returns policy"), (links["privacy"], "Privacy policy")]
    for path in html_files(store_site):
        footer = region(path, "footer", "md-footer")
        assert footer.links == expected, path
        assert "© Kseworks" in "".join(footer.text), path


def test_every_page_header_links_back_to_the_store(store_site: Path) -> None:
    for path in html_files(store_site):
        header = region(path, "header", "md-header")
        back = [text for href, text in header.links if href == store().url]
        assert back == [f"Back to {store().name} Shop"], f"{path}: {header.links}"


def test_the_home_page_offers_contact(store_site: Path) -> None:
    content = region(store_site / "index.html", "div", "hc-content")
    assert (store().links["contact"], "Contact us") in content.links


def test_the_sidebar_lists_topics_without_a_home_entry(store_site: Path) -> None:
    for path in html_files(store_site):
        sidebar = region(path, "nav", "md-nav--primary")
        titles = [text for _, text in sidebar.links if text]
        assert "Home" not in titles, path
        assert titles[: len(content().categories)] == [c.title for c in content().categories], path


def test_breadcrumbs_start_at_the_help_center_without_repeating_the_stores_name(store_site: Path) -> None:
    for url, kind in expected_pages().items():
        if kind == "home":
            continue
        crumbs = region(file_for(store_site, url), "nav", "hc-breadcrumbs")
        assert crumbs.links[0][1] == "Help Center", url


def test_only_long_care_guides_list_their_sections(store_site: Path) -> None:
    from generator.rendering.pages import MIN_TOC_SECTIONS

    lengths = {g.id: g.body.count("\n## ") + g.body.startswith("## ") for g in content().guides}
    assert min(lengths.values()) < MIN_TOC_SECTIONS <= max(lengths.values()), "the content no longer has both"
    for guide in content().guides:
        html = file_for(store_site, SITE_URL + guide.url).read_text("utf-8")
        assert "Table of contents" not in html, guide.id
        shown = re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*data-md-type="toc"\s*>', html)
        assert bool(shown) == (lengths[guide.id] >= MIN_TOC_SECTIONS), guide.id
        assert 'aria-label="On this page"' in html, guide.id


# --- "Was this helpful?" and events (issue 12) --------------------------------------------------------------


def test_every_article_and_guide_has_the_feedback_widget_and_no_other_page_does(store_site: Path) -> None:
    hc = content()
    with_widget = {file_for(store_site, q.url) for q in hc.questions} | {file_for(store_site, g.url) for g in hc.guides}
    for path in html_files(store_site):
        html = path.read_text("utf-8")
        assert html.count("data-hc-feedback ") == (1 if path in with_widget else 0), path
        assert 'src="' in html and "hc-events.js" in html, f"{path}: search and contact events need the script"
    article = file_for(store_site, hc.questions[0].url).read_text("utf-8")
    assert f'data-hc-article="{hc.questions[0].id}"' in article
    assert re.search(r'<section class="hc-feedback"[^>]* hidden>', article), "shown only by JavaScript"


def test_events_false_removes_the_widget_and_the_script(tmp_path: Path) -> None:
    project = copy_site_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  store:\n", "  store:\n    events: false\n", 1), "utf-8")
    build_site(project / "mkdocs.yml", project / "site")
    site = project / "site"
    for path in html_files(site):
        html = path.read_text("utf-8")
        assert "data-hc-feedback" not in html and "hc-events.js" not in html and "/events" not in html, path
    assert not (site / "assets/javascripts/hc-events.js").exists()
