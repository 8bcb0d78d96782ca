"""Every locale's pages from one build: the default at ``/``, each other under ``/<code>/``.

A locale's pages are rendered by the same PageRenderer as the default's, from what is translated
only; what is not translated is listed from the default language, marked with its language, and
links there: nothing is published twice. Pages that exist in several locales carry their ``hreflang``
alternates (reciprocal, with ``x-default``); a page that exists in one locale carries none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from generator.config.locales import Locale
from generator.config.project import Project
from generator.reading.model import CARE_TITLE, HelpCenter
from generator.rendering.pages import Page, PageRenderer, template_data
from generator.rendering.strings import Strings, load_strings
from generator.reuse import Reuse, compute
from generator.search import Lexicon, SearchDoc, build_search_files, search_documents


def locale_project(project: Project, locale: Locale, strings: Strings) -> Project:
    """The project as one locale's pages see it: its URL, name, language and store links. Without a
    ``site_name`` of its own, a locale's name is the catalogue's ("{store} Hilfe-Center"), not mkdocs.yml's
    name in the default language."""
    name = locale.site_name or (project.site_name if locale.default else
                                strings.get("site_name", store=project.store.name))
    return replace(project, site_url=project.site_url + locale.prefix, language=locale.language,
                   site_name=name, store=replace(project.store, links=locale.links))


def page_paths(helpcenter: HelpCenter, with_care_index: bool) -> set[str]:
    """Page paths inside a locale (without its prefix) of what ``helpcenter`` holds."""
    paths = {"index.md"}
    for category in helpcenter.categories:
        paths.add(category.page_path)
        paths.update(q.page_path for q in category.questions)
    paths.update(g.page_path for g in helpcenter.guides)
    if with_care_index:
        paths.add("care/index.md")
    return paths


@dataclass
class AlternateLinks:
    """Which locales have each page: its ``hreflang`` links, reciprocal by construction."""

    site_url: str
    locales: list[Locale] = field(default_factory=list)
    paths: dict[str, set[str]] = field(default_factory=dict)
    """Locale code -> page paths it publishes."""

    def add(self, locale: Locale, paths: Iterable[str]) -> None:
        self.locales.append(locale)
        self.paths[locale.code] = set(paths)

    def url(self, locale: Locale, path: str) -> str:
        page = path.removesuffix("index.md") if path.endswith("index.md") else path.removesuffix(".md") + "/"
        return self.site_url + locale.prefix + page

    def __call__(self, path: str) -> list[dict[str, str]]:
        having = [locale for locale in self.locales if path in self.paths[locale.code]]
        if len(having) < 2:
            return []  # no translation: no alternates (hreflang is for real translations only)
        links = [{"hreflang": locale.language_tag, "href": self.url(locale, path)} for locale in having]
        default = next((locale for locale in having if locale.default), None)
        if default is not None:
            links.append({"hreflang": "x-default", "href": self.url(default, path)})
        return links


@dataclass
class LocaleSite:
    """One locale, ready to render: what it translates and its catalogue."""

    locale: Locale
    helpcenter: HelpCenter
    strings: Strings
    fallback: HelpCenter | None


def render_locales(project: Project, source: HelpCenter, translations: dict[str, HelpCenter],
                   reuse: Reuse = compute, catalogues: Mapping[str, Strings] | None = None
                   ) -> tuple[list[Page], dict[str, Any]]:
    """Every locale's pages, and the theme's data per locale (``extra.hc.locales``). ``catalogues``: each
    locale's strings when they are loaded already (by code)."""
    sites = []
    for locale in project.locales:
        helpcenter = source if locale.default else translations.get(locale.code, HelpCenter([], []))
        strings = (catalogues or {}).get(locale.code) or load_strings(locale, project.content_dir,
                                                                      strict=project.multilingual)
        sites.append(LocaleSite(locale, helpcenter, strings, None if locale.default else source))
    alternates = AlternateLinks(project.site_url)
    for site in sites:
        alternates.add(site.locale, page_paths(site.helpcenter, bool(source.guides)))
    pages: list[Page] = []
    data: dict[str, Any] = {}
    for site in sites:
        renderer = PageRenderer(site.helpcenter, locale_project(project, site.locale, site.strings), site.strings,
                                site.fallback, alternates, reuse)
        pages.extend(renderer.all_pages())
        data[site.locale.code] = locale_template_data(renderer, alternates)
    return pages, data


def locale_template_data(renderer: PageRenderer, alternates: AlternateLinks) -> dict[str, Any]:
    """What the theme needs to speak one locale: its strings, store links, lists, search index and home."""
    locale, t = renderer.locale, renderer.t
    fallback = renderer.fallback
    base = template_data(renderer.helpcenter, renderer.project)
    categories = []
    for category in renderer.all_categories():
        own = renderer.helpcenter.category(category.id) is category
        item = {"id": category.id, "title": category.title, "description": category.description,
                "url": locale.prefix + category.url if own else category.url,
                "count": len(((fallback.category(category.id) if fallback else None) or category).questions)}
        if not own:
            item.update(lang=renderer.fallback_language, dir=renderer.project.default_locale.dir,
                        mark=t.in_language(renderer.fallback_language))
        categories.append(item)
    guides = fallback.guides if fallback else renderer.helpcenter.guides
    return {
        **base,
        "code": locale.code,
        "language": locale.language,
        "dir": locale.dir,
        "name": t.language_name_native(),
        "prefix": locale.prefix,
        "home": locale.prefix,
        "site_name": renderer.project.site_name,
        "site_description": renderer.home_description,
        "strings": t.flat(),
        **script_strings(t, renderer.fallback_language),
        "search_index": f"{locale.prefix}assets/search/",
        # Nothing found in a locale: the box offers the same query in the default language's index.
        "search_fallback": None if locale.default else {
            "index": "assets/search/",
            "label": t.get("search_again_in", where=t.in_language(renderer.fallback_language))},
        "categories": categories,
        "care": {"title": renderer.care_title, "url": f"{locale.prefix}care/", "count": len(guides)} if guides
        else None,
        "featured": [renderer.site_item(q) for q in renderer.featured()],
        "nav": [{"title": c["title"], "url": c["url"], "lang": c.get("lang")} for c in categories]
        + ([{"title": renderer.care_title, "url": f"{locale.prefix}care/"}] if guides else []),
    }


def locale_search_files(locale: Locale, translated: HelpCenter, source: HelpCenter,
                        source_language: str, care_title: str, lexicon: Lexicon | None = None) -> dict[str, bytes]:
    """A locale's own index under its prefix: its translations (URLs under the prefix) and, marked with
    the default language, what is not translated yet (URLs of the default language's pages).
    ``care_title``: the care guides' section in the locale's words, shown above a guide's result."""
    docs: list[SearchDoc] = [replace(doc, url=locale.prefix + doc.url,
                                     context=care_title if doc.context == CARE_TITLE else doc.context)
                             for doc in search_documents(translated)]
    translated_ids = set(translated.articles_by_id)
    untranslated = HelpCenter(
        categories=[replace(c, title=_title(translated, c.id, c.title),
                            questions=[q for q in c.questions if q.id not in translated_ids])
                    for c in source.categories],
        guides=[g for g in source.guides if g.id not in translated_ids])
    docs.extend(replace(doc, lang=source_language) for doc in search_documents(untranslated))
    files = build_search_files(translated, lexicon, language=locale.language, docs=docs)
    return {locale.prefix + path: data for path, data in files.items()}


def _title(translated: HelpCenter, category_id: str, default: str) -> str:
    """A category's title in the locale when it is translated (the context shown above a result)."""
    category = translated.category(category_id)
    return category.title if category else default


EVERY_PAGE_SCRIPT_STRINGS = ("greeting", "signed_in", "signed_in_as", "signed_in_text", "search_unavailable",
                             "no_article_mentions", "one_result", "results", "no_results", "try_other_words",
                             "contact_us_lower", "happy_to_help", "popular_questions", "related_topics")
"""What the scripts of every page can write (the account greetings, the search box); the order
lookup's messages go only into the pages that have it, so an article page stays as small as before."""


def script_strings(t: Strings, fallback_language: str) -> dict[str, dict[str, str]]:
    """``widget_strings`` (everything the scripts write) and ``page_strings`` (what every page needs)."""
    everything = {**t.widgets(), f"in_language_{fallback_language}": t.in_language(fallback_language)}
    every_page = {key: everything[key] for key in (*EVERY_PAGE_SCRIPT_STRINGS, f"in_language_{fallback_language}")}
    return {"widget_strings": everything, "page_strings": every_page}
