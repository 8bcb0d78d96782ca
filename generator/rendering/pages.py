"""Render the help center's pages: Markdown with YAML front matter, one string per page.

Nothing here knows MkDocs. Each page is what a person could have written by hand under
``docs/``; the theme reads ``page.meta.hc`` for what Markdown cannot say (widgets, related
articles), and any engine that reads Markdown with front matter can build them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import jinja2
import yaml

from generator.config.project import Project
from generator.markup.escape import md_escape
from generator.markup.links import LinkResolver, Resolved
from generator.markup.plaintext import plain_text, shorten
from generator.markup.rewrite import link_targets, relative_link, rewrite_markdown, rewrite_with
from generator.reading.model import CARE_TITLE, Category, Guide, HelpCenter, Question
from generator.rendering.dates import long_date, site_locale
from generator.rendering.seo import SiteInfo, SiteSeo, category_jsonld, graph_json, question_jsonld
from generator.rendering.strings import Strings, load_strings
from generator.reuse import Reuse, compute

_SECTION = re.compile(r"^## ", re.MULTILINE)
MIN_TOC_SECTIONS = 4
"""A guide lists its sections ("On this page") only from this many: a shorter one fits on a screen, and a
list of two or three headings beside it reads as software documentation, not as a store's page."""


@dataclass(frozen=True)
class Page:
    path: str
    """Where the page goes among the Markdown sources, e.g. ``shipping-and-delivery/standard-shipping-time.md``."""
    content: str
    meta: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    """The front matter of ``content`` as data (what parsing it gives): an engine that renders the pages
    in this process may take it rather than parse every page's YAML again (generator/mkdocs/populate.py)."""


CARD_GRID_ROOM = (2, 3, 4)
"""How many topic cards a row has room for as the page widens (hc.css: the container widths of each)."""


def card_columns(cards: int, room: int) -> int:
    """Columns for ``cards`` topic cards where a row has room for ``room``: the widest grid whose rows
    differ by at most one card, so six cards are 3 + 3 (not 4 + 2) and seven 4 + 3; the shorter last
    row is centred (hc.css). A grid narrower by more than one column wastes the width, so when neither
    fits (ten cards or more) the last row simply holds fewer."""
    if cards <= room:
        return max(cards, 1)
    for columns in range(room, max(room - 2, 1), -1):
        if cards % columns in (0, columns - 1):
            return columns
    return room


def card_grid_classes(cards: int) -> str:
    """The home page's topic grid classes: ``hc-cards--<room>-<columns>`` for each width (hc.css)."""
    return " ".join(f"hc-cards--{room}-{card_columns(cards, room)}" for room in CARD_GRID_ROOM)


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
    # libyaml's dumper when available: the same output, much faster (benchmarks/README.md)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n")


def shorten_plain(markdown: str, limit: int = 160) -> str:
    """A one-line excerpt of an untranslated entry (its own page's description is the default locale's)."""
    return shorten(plain_text(markdown), limit)


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context).rstrip("\n") + "\n"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _link_item(article: Question | Guide) -> dict[str, str]:
    title = article.question if isinstance(article, Question) else article.title
    return {"title": title, "url": article.url}


Alternates = Callable[[str], list[dict[str, str]]]
"""A page's ``hreflang`` alternates from its path inside its locale (``faq/x.md``); [] without translations."""


@dataclass(frozen=True)
class Listed:
    """One entry of a list page (category, care guides, home): translated, or the default language's page
    marked with its language (``lang``), never published twice."""

    title: str
    href: str
    """Relative to the listing page, as Markdown links between pages are."""
    excerpt: str
    lang: str | None = None
    mark: str = ""
    dir: str = "ltr"
    """The listed page's direction: an English title inside an Arabic page keeps its own punctuation order."""


@dataclass(frozen=True)
class Context:
    """What every page of a locale reads besides its own content."""

    site: SiteInfo
    strings: Strings
    home_crumb: str
    language: str
    locale: str
    """Its code, written into each page's front matter on a site with several locales (``multilingual``)."""
    multilingual: bool


@dataclass
class Dated:
    """A page's description, last-modified date and ``hreflang`` alternates: what the site gives it. (Not frozen:
    one per page, so the preview hashes it with the page's other arguments, not on its own.)"""

    description: str
    lastmod: str | None
    alternates: list[dict[str, str]] | None


def _page_meta(context: Context, kind: str, title: str, dated: Dated, jsonld: str, **hc: Any) -> dict[str, Any]:
    """``PageRenderer._meta`` for a page rendered by a module's function (reused by the preview)."""
    extra: dict[str, Any] = {"locale": context.locale} if context.multilingual else {}
    if context.multilingual and dated.alternates:
        extra["alternates"] = dated.alternates
    return {"title": title, "description": dated.description,
            "hc": {"kind": kind, **hc, "lastmod": dated.lastmod, "jsonld": jsonld, **extra}, "hide": ["toc"]}


def article_page(context: Context, category: Category, question: Question, related: list[dict[str, str]],
                 dated: Dated, targets: tuple[Resolved | str, ...], contact_url: str) -> Page:
    """An article's page from all it reads (its arguments), so that the preview can reuse it while they are the
    same (generator/reuse.py). ``category``: its title and id (its questions are not read); ``targets``: where
    the answer's links go."""
    jsonld = graph_json(question_jsonld(context.site, category, question, dated.description, dated.lastmod))
    meta = _page_meta(context, "article", question.question, dated, jsonld, id=question.id, category=category.id,
                      category_title=category.title, widgets=question.widgets, updated=_iso(question.updated),
                      related=related)
    answer = rewrite_with(question.answer, question.page_path, targets, contact_url)
    content = _render("article.md.j2", front_matter=meta, category=category, question=question, answer=answer,
                      home_crumb=context.home_crumb, language=context.language, t=context.strings)
    return Page(question.page_path, content, meta)


def category_page(context: Context, category: Category, listed: list[Listed], dated: Dated) -> Page:
    """A category's page from all it reads (see ``article_page``): its FAQPage holds every answer."""
    jsonld = graph_json(category_jsonld(context.site, category))
    meta = _page_meta(context, "category", category.title, dated, jsonld, id=category.id)
    return Page(category.page_path, _render("category.md.j2", front_matter=meta, category=category, listed=listed,
                                            home_crumb=context.home_crumb, t=context.strings), meta)


class PageRenderer:
    """Renders every page of one help center (one locale); holds what all pages share.

    For a locale other than the default, ``helpcenter`` holds only what is translated, ``fallback`` is the
    default locale's help center (what is not translated is listed from it, marked with its language, and
    links to it), and every page path gets the locale's prefix.
    """

    def __init__(self, helpcenter: HelpCenter, project: Project, strings: Strings | None = None,
                 fallback: HelpCenter | None = None, alternates: Alternates | None = None,
                 reuse: Reuse = compute) -> None:
        self.helpcenter = helpcenter
        self.t = strings or load_strings(project.default_locale, project.content_dir, strict=project.multilingual)
        self.locale = self.t.locale
        self.project = project
        self.fallback = fallback
        self.alternates = alternates
        self.reuse = reuse
        self.prefix = self.locale.prefix
        self.up = "../" * self.prefix.count("/")
        """From the locale's root back to the site's root, where the default language's pages are."""
        self.resolver = LinkResolver(helpcenter, dict(project.store.links))
        if fallback is not None:
            self.resolver.add_fallback(fallback, self.up)
        self.site_title = project.site_name
        # The breadcrumbs' first step: "Help Center" rather than the header's "Acme Help Center" again.
        self.home_crumb = (project.site_name.removeprefix(project.store.name).strip() or project.site_name) \
            if self.locale.default else self.t.get("help_center")
        self.care_title = self.t.get("care_title")
        site_locale(project.language)  # an unknown language fails here, before any page is rendered
        # Descriptions (unique site-wide), last-modified dates and JSON-LD, all computed once.
        self.home_description = self.locale.site_description or self.t.get("home_description",
                                                                           store=project.store.name)
        """The locale's site description (mkdocs.yml's for the default locale): the home page's, and the
        error page's."""
        self.seo = SiteSeo.build(helpcenter, SiteInfo.from_project(project, self.care_title),
                                 project.content_dir.parent, self.home_description, self.t.get("care_description"),
                                 self.t.get("care_guide"), reuse)
        self.context = Context(self.seo.site, self.t, self.home_crumb, project.language, self.locale.code,
                               project.multilingual)

    def all_pages(self) -> list[Page]:
        pages = [self.home()]
        for category in self.helpcenter.categories:
            pages.append(self.category(category))
            header = replace(category, questions=[])  # what an article reads of its category
            pages.extend(self.article(header, question) for question in category.questions)
        if self.helpcenter.guides or (self.fallback and self.fallback.guides):
            pages.append(self.care_index())
            pages.extend(self.guide(guide) for guide in self.helpcenter.guides)
        return [replace(page, path=self.prefix + page.path) for page in pages] if self.prefix else pages

    def _meta(self, path: str, kind: str, title: str, **hc: Any) -> dict[str, Any]:
        seo = self.seo.fields(path)  # description, and hc.lastmod / hc.jsonld
        extra: dict[str, Any] = {}
        if self.project.multilingual:  # one-language sites keep their pages exactly as before
            extra["locale"] = self.locale.code
            if self.alternates and (alternates := self.alternates(path)):
                extra["alternates"] = alternates
        return {"title": title, "description": seo["description"],
                "hc": {"kind": kind, **hc, **seo["hc"], **extra}}

    def site_item(self, article: Question | Guide) -> dict[str, str]:
        """A link for the theme (site-root relative URL), marked with its language when not translated."""
        item = _link_item(article)
        if self.helpcenter.article(article.id) is article:
            return {**item, "url": self.prefix + item["url"]} if self.prefix else item
        return {**item, "lang": self.fallback_language, "dir": self.project.default_locale.dir,
                "mark": self.t.in_language(self.fallback_language)}

    @property
    def fallback_language(self) -> str:
        return self.project.default_locale.language

    def _related(self, ids: list[str]) -> list[dict[str, str]]:
        found = (self.helpcenter.article(i) or (self.fallback.article(i) if self.fallback else None) for i in ids)
        return [self.site_item(a) for a in found if a is not None]

    def _listed(self, title: str, own_path: str | None, fallback_path: str, from_path: str, excerpt: str) -> Listed:
        if own_path is not None:
            return Listed(title, relative_link(from_path, own_path), excerpt)
        lang = self.fallback_language
        return Listed(title, relative_link(from_path, self.up + fallback_path), excerpt, lang,
                      self.t.in_language(lang), self.project.default_locale.dir)

    def home(self) -> Page:
        meta = self._meta("index.md", "home", self.site_title, heading=self.t.get("home_heading"),
                          widgets=["order-lookup"])
        meta["hide"] = ["navigation", "toc"]
        # Counted as the category pages and the care index list them: untranslated entries included.
        cards = [(self._listed(c.title, c.page_path if self.helpcenter.category(c.id) else None, c.page_path,
                               "index.md", c.description),
                  self.t.count("article_count", len(self._source_category(c).questions)))
                 for c in self.all_categories()]
        featured = [self._listed(q.question, q.page_path if self.helpcenter.article(q.id) is q else None,
                                 q.page_path, "index.md", "") for q in self.featured()]
        guides = self.fallback.guides if self.fallback else self.helpcenter.guides
        grid = card_grid_classes(len(cards) + (1 if guides else 0))
        return Page("index.md", _render("home.md.j2", front_matter=meta, cards=cards, t=self.t, guides=guides,
                                        grid=grid, care_title=self.care_title, featured=featured), meta)

    def featured(self) -> list[Question]:
        """The most asked questions as the default language features them, each translated or marked."""
        if self.fallback is None:
            return [q for q in self.helpcenter.questions if q.featured]
        listed = []
        for question in self.fallback.questions:
            if question.featured:
                own = self.helpcenter.article(question.id)
                listed.append(own if isinstance(own, Question) else question)
        return listed

    def _source_category(self, category: Category) -> Category:
        """The default language's category (all its questions), or ``category`` on the default locale."""
        return (self.fallback.category(category.id) if self.fallback else None) or category

    def all_categories(self) -> list[Category]:
        """The locale's categories in the default language's order, untranslated ones from the default."""
        if self.fallback is None:
            return self.helpcenter.categories
        return [self.helpcenter.category(c.id) or c for c in self.fallback.categories]

    def _dated(self, path: str) -> Dated:
        alternates = self.alternates(path) if self.project.multilingual and self.alternates else None
        return Dated(self.seo.descriptions.get(path, ""), self.seo.lastmods.get(path), alternates)

    def category(self, category: Category) -> Page:
        # The one-line excerpt under each question is its page's description: computed once, unique.
        source = self.fallback.category(category.id) if self.fallback else None
        listed = []
        by_id: dict[str, Question] = {}
        for q in category.questions:
            by_id.setdefault(q.id, q)
        for question in (source or category).questions:
            own = by_id.get(question.id)
            title = own.question if own else question.question
            excerpt = self.seo.descriptions.get(own.page_path, "") if own else \
                shorten_plain(question.description or question.answer)
            listed.append(self._listed(title, own.page_path if own else None, question.page_path,
                                       category.page_path, excerpt))
        return self.reuse(category_page, self.context, category, listed, self._dated(category.page_path))

    def article(self, category: Category, question: Question) -> Page:
        path = question.page_path
        related = self._related(question.related)
        targets = link_targets(question.answer, f"faq/{category.id}.yml", self.resolver)
        return self.reuse(article_page, self.context, category, question, related,
                          self._dated(path), targets, self.project.store.link("contact"))

    def care_index(self) -> Page:
        meta = self._meta("care/index.md", "care-index", self.care_title, id="care")
        meta["hide"] = ["toc"]
        guides = self.fallback.guides if self.fallback else self.helpcenter.guides
        listed = []
        for guide in guides:
            own = self.helpcenter.article(guide.id)
            shown = own if isinstance(own, Guide) else guide
            listed.append(self._listed(shown.title, shown.page_path if own else None, guide.page_path,
                                       "care/index.md", shown.description))
        return Page("care/index.md", _render("care_index.md.j2", front_matter=meta, listed=listed,
                                             home_crumb=self.home_crumb, t=self.t, care_title=self.care_title), meta)

    def guide(self, guide: Guide) -> Page:
        meta = self._meta(guide.page_path, "guide", guide.title, id=guide.id, widgets=guide.widgets,
                          updated=_iso(guide.updated), related=self._related(guide.related))
        if len(_SECTION.findall(guide.body)) < MIN_TOC_SECTIONS:
            meta["hide"] = ["toc"]
        body = rewrite_markdown(guide.body.strip("\n"), guide.page_path, f"care/{guide.id}.md", self.resolver,
                                self.project.store.link("contact"))
        return Page(guide.page_path, _render("guide.md.j2", front_matter=meta, guide=guide, body=body,
                                             home_crumb=self.home_crumb, language=self.project.language, t=self.t,
                                             care_title=self.care_title), meta)


def template_data(helpcenter: HelpCenter, project: Project) -> dict[str, Any]:
    """What every theme template may read as ``config.extra.hc`` (small: no article lists)."""
    return {
        "store": project.store.to_template_data(),
        "scheme_toggle": project.scheme_toggle,
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
