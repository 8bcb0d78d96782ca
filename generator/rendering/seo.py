"""What search engines and link previews read: last-modified dates and JSON-LD (descriptions: descriptions.py).

Pure functions of the content model (plus ``git log`` for dates, cached once per file); the
page renderer puts their results into each page's front matter under ``hc`` and the theme
(``partials/hc/seo.html``, ``sitemap.xml``) prints them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config.project import Project
from generator.markup.plaintext import plain_text, shorten
from generator.reading.model import Category, Guide, HelpCenter, Question
from generator.rendering.descriptions import site_descriptions
from generator.reuse import Reuse, compute

HEADLINE_LIMIT = 110
"""Google ignores Article headlines longer than this."""

JsonLd = dict[str, Any]


# --- Last-modified dates ------------------------------------------------------------------


@functools.cache
def git_commit_date(path: Path) -> dt.date | None:
    """The date of the last commit touching ``path``; None outside git or if never committed."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = done.stdout.strip()
    return dt.date.fromisoformat(stamp) if done.returncode == 0 and stamp else None


def last_modified(updated: dt.date | None, source: str, root: Path) -> dt.date | None:
    """``updated`` when the editor set it, else the content file's last commit date."""
    if updated is not None:
        return updated
    return git_commit_date((root / source).resolve()) if source else None


def site_lastmods(hc: HelpCenter, root: Path) -> dict[str, str | None]:
    """Every page's last-modified date (ISO) keyed by page path.

    A listing page changes when any page it lists does, so it takes the latest of them.
    """
    dates: dict[str, dt.date | None] = {}
    files: dict[str, dt.date | None] = {}  # a file's date, once for its hundreds of questions
    for category in hc.categories:
        for q in category.questions:
            if q.updated is not None or not q.location.path:
                dates[q.page_path] = last_modified(q.updated, q.location.path, root)
                continue
            if q.location.path not in files:
                files[q.location.path] = last_modified(None, q.location.path, root)
            dates[q.page_path] = files[q.location.path]
        dates[category.page_path] = _latest(dates[q.page_path] for q in category.questions)
    for guide in hc.guides:
        dates[guide.page_path] = last_modified(guide.updated, guide.location.path, root)
    if hc.guides:
        dates["care/index.md"] = _latest(dates[g.page_path] for g in hc.guides)
    dates["index.md"] = _latest(dates.values())
    return {path: d.isoformat() if d else None for path, d in dates.items()}


def _latest(dates: Iterable[dt.date | None]) -> dt.date | None:
    return max((d for d in dates if d is not None), default=None)


# --- JSON-LD ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteInfo:
    """What structured data needs to know about the site and the store."""

    site_url: str
    """Absolute URL of the help center's home, from mkdocs.yml ``site_url``."""
    site_name: str
    store_name: str
    store_url: str
    image: str | None = None
    """Absolute URL of the store's image or logo, if configured."""
    language: str = "en"
    care_title: str = "Care guides"

    @classmethod
    def from_project(cls, project: Project, care_title: str) -> SiteInfo:
        return cls(
            site_url=project.site_url,
            site_name=project.site_name,
            store_name=project.store.name,
            store_url=project.store.url,
            image=absolute_url(project.site_url, project.store.image),
            language=project.language,
            care_title=care_title,
        )

    def url(self, path: str = "") -> str:
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")

    @property
    def organization_id(self) -> str:
        return self.url("#organization")


def absolute_url(site_url: str, target: str | None) -> str | None:
    """``target`` as an absolute URL: kept if it already is one, else taken from the site root."""
    if not target:
        return None
    if "://" in target:
        return target
    return site_url.rstrip("/") + "/" + target.lstrip("/")


def graph_json(nodes: Sequence[JsonLd]) -> str:
    """A page's JSON-LD as one compact ``@graph`` document, safe inside ``<script>``.

    Kept as a string in the front matter: a nested structure of every answer would make
    the YAML of a category page many times larger to write and to read.
    """
    document = {"@context": "https://schema.org", "@graph": list(nodes)}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    # <, > and & as JSON escapes, so no answer's text can close the <script> it is in.
    # (str.replace, not str.translate: a category page's graph holds every answer.)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organization(site: SiteInfo) -> JsonLd:
    node: JsonLd = {"@type": "Organization", "@id": site.organization_id, "name": site.store_name}
    node["url"] = site.store_url
    if site.image:
        node["logo"] = site.image
    return node


def home_jsonld(site: SiteInfo) -> list[JsonLd]:
    """WebSite and Organization, for the home page."""
    website = {
        "@type": "WebSite",
        "@id": site.url("#website"),
        "url": site.url(),
        "name": site.site_name,
        "inLanguage": site.language,
        "publisher": {"@id": site.organization_id},
    }
    return [website, organization(site)]


def breadcrumbs(site: SiteInfo, trail: Sequence[tuple[str, str]]) -> JsonLd:
    """A BreadcrumbList from ``(name, site-relative path)`` pairs, the home page first."""
    items = [
        {"@type": "ListItem", "position": n, "name": name, "item": site.url(path)}
        for n, (name, path) in enumerate(trail, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def article(site: SiteInfo, headline: str, description: str, path: str, modified: str | None) -> JsonLd:
    node: JsonLd = {
        "@type": "Article",
        "headline": shorten(headline, HEADLINE_LIMIT),
        "description": description,
        "url": site.url(path),
        "mainEntityOfPage": site.url(path),
        "inLanguage": site.language,
        "author": organization(site),
        "publisher": organization(site),
    }
    if modified:
        node["dateModified"] = modified
    if site.image:
        node["image"] = site.image
    return node


def faq_page(site: SiteInfo, category: Category) -> JsonLd:
    """FAQPage listing the category's questions with their full answers as plain text."""
    questions = [
        {
            "@type": "Question",
            "name": q.question,
            "url": site.url(q.url),
            "acceptedAnswer": {"@type": "Answer", "text": plain_text(q.answer)},
        }
        for q in category.questions
    ]
    return {"@type": "FAQPage", "url": site.url(category.url), "mainEntity": questions}


def category_jsonld(site: SiteInfo, category: Category) -> list[JsonLd]:
    trail = [(site.site_name, ""), (category.title, category.url)]
    return [breadcrumbs(site, trail), faq_page(site, category)]


def question_jsonld(
    site: SiteInfo, category: Category, question: Question, description: str, modified: str | None
) -> list[JsonLd]:
    trail = [(site.site_name, ""), (category.title, category.url), (question.question, question.url)]
    node = article(site, question.question, description, question.url, modified)
    return [breadcrumbs(site, trail), node]


def guide_jsonld(site: SiteInfo, guide: Guide, description: str, modified: str | None) -> list[JsonLd]:
    trail = [(site.site_name, ""), (site.care_title, "care/"), (guide.title, guide.url)]
    node = article(site, guide.title, description, guide.url, modified)
    return [breadcrumbs(site, trail), node]


def care_index_jsonld(site: SiteInfo) -> list[JsonLd]:
    return [breadcrumbs(site, [(site.site_name, ""), (site.care_title, "care/")])]


# --- Per page -----------------------------------------------------------------------------


@dataclass
class SiteSeo:
    """Descriptions, dates and JSON-LD of every page, computed once per build."""

    hc: HelpCenter
    site: SiteInfo
    descriptions: Mapping[str, str]
    lastmods: Mapping[str, str | None]

    @classmethod
    def build(cls, hc: HelpCenter, site: SiteInfo, root: Path, home_description: str, care_description: str,
              care_guide: str = "Care guide", reuse: Reuse = compute) -> SiteSeo:
        descriptions = site_descriptions(hc, home_description, care_description, site.language, care_guide, reuse)
        return cls(hc, site, descriptions, site_lastmods(hc, root))

    def fields(self, page_path: str) -> dict[str, Any]:
        """``description`` and the ``hc`` additions (lastmod, jsonld) for one page's front matter."""
        description = self.descriptions.get(page_path, "")
        modified = self.lastmods.get(page_path)
        return {"description": description, "hc": {"lastmod": modified, "jsonld": self._graph(page_path, description,
                                                                                         modified)}}

    def _graph(self, page_path: str, description: str, modified: str | None) -> str:
        return graph_json(self._jsonld(page_path, description, modified))

    def _jsonld(self, page_path: str, description: str, modified: str | None) -> list[JsonLd]:
        if page_path == "index.md":
            return home_jsonld(self.site)
        if page_path == "care/index.md":
            return care_index_jsonld(self.site)
        found = self._pages.get(page_path)
        if isinstance(found, Guide):
            return guide_jsonld(self.site, found, description, modified)
        if isinstance(found, Category):
            return category_jsonld(self.site, found)
        if isinstance(found, tuple):
            category, question = found
            return question_jsonld(self.site, category, question, description, modified)
        return []

    @functools.cached_property
    def _pages(self) -> dict[str, Guide | Category | tuple[Category, Question]]:
        """Content by page path, built once (a site can have thousands of articles)."""
        pages: dict[str, Guide | Category | tuple[Category, Question]] = {}
        pages.update({g.page_path: g for g in self.hc.guides})
        for category in self.hc.categories:
            pages[category.page_path] = category
            pages.update({q.page_path: (category, q) for q in category.questions})
        return pages
