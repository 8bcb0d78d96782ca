"""Render the help center's pages: Markdown with YAML front matter, one string per page.

Nothing here knows MkDocs. Each page is what a person could have written by hand under
``docs/``; the theme reads ``page.meta.hc`` for what Markdown cannot say (widgets, related
articles), and any engine that reads Markdown with front matter can build them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
import yaml

from generator.config.project import Project
from generator.markup.escape import md_escape
from generator.markup.links import LinkResolver
from generator.markup.rewrite import rewrite_markdown
from generator.memo import Memo
from generator.reading.model import CARE_TITLE, Category, Guide, HelpCenter, Question
from generator.rendering.dates import long_date, site_locale
from generator.rendering.seo import SiteInfo, SiteSeo

CARE_DESCRIPTION = "How to clean, protect and store your bags, material by material."
HOME_DESCRIPTION = "Answers about orders, shipping, returns, your account and caring for your {store} bags."
_SECTION = re.compile(r"^## ", re.MULTILINE)
MIN_TOC_SECTIONS = 4
"""A guide lists its sections ("On this page") only from this many: a shorter one fits on a screen, and a
list of two or three headings beside it reads as software documentation, not as a store's page."""
_ARTICLES: Memo[str] = Memo("article-pages")
_CATEGORIES: Memo[str] = Memo("category-pages")


@dataclass(frozen=True)
class Page:
    path: str
    """Where the page goes among the Markdown sources, e.g. ``shipping-and-delivery/standard-shipping-time.md``."""
    content: str


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.rendering", "templates"),
        autoescape=False,  # the output is Markdown; values are escaped for Markdown by md_escape
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md_escape"] = lambda text: md_escape(str(text))
    env.filters["front_matter"] = _front_matter
    env.filters["long_date"] = long_date
    return env


def _front_matter(data: dict[str, Any]) -> str:
    # libyaml's dumper when available: the same output, ten times faster over thousands of pages
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n")


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context).rstrip("\n") + "\n"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _link_item(article: Question | Guide) -> dict[str, str]:
    title = article.question if isinstance(article, Question) else article.title
    return {"title": title, "url": article.url}


class PageRenderer:
    """Renders every page of one help center; holds what all pages share."""

    def __init__(self, helpcenter: HelpCenter, project: Project) -> None:
        self.helpcenter = helpcenter
        self.project = project
        self.resolver = LinkResolver(helpcenter, dict(project.store.links))
        self.site_title = project.site_name
        # The breadcrumbs' first step: "Help Center" rather than the header's "Kseworks Help Center" again.
        self.home_crumb = project.site_name.removeprefix(project.store.name).strip() or project.site_name
        site_locale(project.language)  # an unknown language fails here, before any page is rendered
        # Descriptions (unique site-wide), last-modified dates and JSON-LD, all computed once.
        self.seo = SiteSeo.build(helpcenter, SiteInfo.from_project(project, CARE_TITLE), project.content_dir.parent,
                                 HOME_DESCRIPTION.format(store=project.store.name), CARE_DESCRIPTION)

    def all_pages(self) -> list[Page]:
        pages = [self.home()]
        for category in self.helpcenter.categories:
            pages.append(self.category(category))
            pages.extend(self.article(category, question) for question in category.questions)
        if self.helpcenter.guides:
            pages.append(self.care_index())
            pages.extend(self.guide(guide) for guide in self.helpcenter.guides)
        return pages

    def _meta(self, path: str, kind: str, title: str, **hc: Any) -> dict[str, Any]:
        seo = self.seo.fields(path)  # description, and hc.lastmod / hc.jsonld
        return {"title": title, "description": seo["description"], "hc": {"kind": kind, **hc, **seo["hc"]}}

    def _related(self, ids: list[str]) -> list[dict[str, str]]:
        return [_link_item(a) for a in (self.helpcenter.article(i) for i in ids) if a is not None]

    def home(self) -> Page:
        meta = self._meta("index.md", "home", self.site_title, heading="How can we help?", widgets=["order-lookup"])
        meta["hide"] = ["navigation", "toc"]
        featured = [q for q in self.helpcenter.questions if q.featured]
        return Page("index.md", _render("home.md.j2", front_matter=meta, categories=self.helpcenter.categories,
                                        guides=self.helpcenter.guides, featured=featured))

    def category(self, category: Category) -> Page:
        meta = self._meta(category.page_path, "category", category.title, id=category.id)
        meta["hide"] = ["toc"]
        # The one-line excerpt under each question is its page's description: computed once, unique.
        excerpts = {q.id: self.seo.descriptions.get(q.page_path, "") for q in category.questions}
        listed = [(q.id, q.question) for q in category.questions]
        key = json.dumps([meta, category.title, category.description, listed, excerpts, self.home_crumb], default=str)
        return Page(category.page_path, _CATEGORIES.get(key, lambda: _render(
            "category.md.j2", front_matter=meta, category=category, excerpts=excerpts, home_crumb=self.home_crumb)))

    def article(self, category: Category, question: Question) -> Page:
        meta = self._meta(question.page_path, "article", question.question,
                          id=question.id, category=category.id, category_title=category.title,
                          widgets=question.widgets, updated=_iso(question.updated),
                          related=self._related(question.related))
        meta["hide"] = ["toc"]
        answer = rewrite_markdown(question.answer, question.page_path, f"faq/{category.id}.yml", self.resolver,
                                  self.project.store.link("contact"))
        # Every input of the template, as one key: the preview reuses the page when none changed.
        key = json.dumps([meta, category.title, question.question, _iso(question.updated), answer, self.home_crumb,
                          self.project.language], default=str)
        return Page(question.page_path, _ARTICLES.get(key, lambda: _render(
            "article.md.j2", front_matter=meta, category=category, question=question, answer=answer,
            home_crumb=self.home_crumb, language=self.project.language)))

    def care_index(self) -> Page:
        meta = self._meta("care/index.md", "care-index", CARE_TITLE, id="care")
        meta["hide"] = ["toc"]
        return Page("care/index.md", _render("care_index.md.j2", front_matter=meta, guides=self.helpcenter.guides,
                                             home_crumb=self.home_crumb))

    def guide(self, guide: Guide) -> Page:
        meta = self._meta(guide.page_path, "guide", guide.title, id=guide.id, widgets=guide.widgets,
                          updated=_iso(guide.updated), related=self._related(guide.related))
        if len(_SECTION.findall(guide.body)) < MIN_TOC_SECTIONS:
            meta["hide"] = ["toc"]
        body = rewrite_markdown(guide.body.strip("\n"), guide.page_path, f"care/{guide.id}.md", self.resolver,
                                self.project.store.link("contact"))
        return Page(guide.page_path, _render("guide.md.j2", front_matter=meta, guide=guide, body=body,
                                             home_crumb=self.home_crumb, language=self.project.language))


def template_data(helpcenter: HelpCenter, project: Project) -> dict[str, Any]:
    """What every theme template may read as ``config.extra.hc`` (small: no article lists)."""
    return {
        "store": project.store.to_template_data(),
        "categories": [
            {"id": c.id, "title": c.title, "description": c.description, "url": c.url, "count": len(c.questions)}
            for c in helpcenter.categories
        ],
        "care": {"title": CARE_TITLE, "url": "care/", "count": len(helpcenter.guides)} if helpcenter.guides else None,
        "featured": [_link_item(q) for q in helpcenter.questions if q.featured],
    }


def navigation(helpcenter: HelpCenter) -> list[dict[str, str]]:
    """Home, each category and the care index: never the articles, so a page's size does not
    grow with their number (Material renders the whole navigation into every page)."""
    nav = [{"Home": "index.md"}]
    nav.extend({c.title: c.page_path} for c in helpcenter.categories)
    if helpcenter.guides:
        nav.append({CARE_TITLE: "care/index.md"})
    return nav
