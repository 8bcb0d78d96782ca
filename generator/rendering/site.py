"""The core's entry point: from a project to pages, files and template data. No MkDocs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator import progress
from generator.config.project import Project
from generator.errors import ContentError, Problem
from generator.reading.loading import load_content
from generator.reading.model import HelpCenter
from generator.reading.translations import load_translations
from generator.rendering.embed import cors_headers, embed_files
from generator.rendering.multilingual import locale_search_files, render_locales
from generator.rendering.pages import Page, navigation, template_data
from generator.rendering.strings import Strings, load_strings
from generator.reuse import Reuse, compute
from generator.search import build_search_files, project_lexicon

UNUSED_THEME_FILES = (
    "assets/javascripts/bundle.*",
    "assets/javascripts/workers/*",
    "assets/javascripts/lunr/*",
)
"""Theme files the help center never loads, so a build leaves them out of the site: Material's
JavaScript bundle (the theme's own small scripts replace it: theme/main.html says why), its search
worker and lunr's language files (search is generator/search). Glob patterns of site paths."""

EVENTS_SCRIPT = "assets/javascripts/hc-events.js"
"""Feedback and search events: left out too when the store takes no events (``extra.store.events: false``)."""


@dataclass
class Output:
    helpcenter: HelpCenter
    pages: list[Page]
    files: dict[str, bytes] = field(default_factory=dict)
    """Extra static files by site path (e.g. the search index)."""
    template_data: dict[str, Any] = field(default_factory=dict)
    """Goes into ``config.extra.hc`` for the theme."""
    nav: list[dict[str, str]] = field(default_factory=list)
    headers: str = ""
    """Rules a build adds to ``_headers`` (the widget's CORS)."""
    search_later: Callable[[], dict[str, bytes]] | None = None
    """Every locale's search files when called, when they are not in ``files`` (``generate(search=False)``)."""


def generate(project: Project, search: bool = True, reuse: Reuse = compute) -> Output:
    """Load, validate and render; raises ContentError with every problem when content is wrong.

    ``search=False`` leaves the search files out of ``files``: ``search_later`` builds them (the build
    beside the pages, the preview when a browser asks). ``reuse``: see generator/reuse.py.
    """
    progress.stage("loading and checking the content")
    loaded = load_content(project.content_dir, reuse)
    catalogues, strings_problems = load_catalogues(project)
    if loaded.problems or strings_problems:  # every problem at once, as `helpcenter check` lists them
        raise ContentError([*loaded.problems.items, *strings_problems])
    helpcenter = loaded.helpcenter
    translations = load_project_translations(project, helpcenter)
    care_titles = {locale.code: catalogues[locale.code].get("care_title") for locale in project.locales[1:]}

    def build_search() -> dict[str, bytes]:
        return search_files(project, helpcenter, translations, care_titles)

    progress.stage("writing the pages' Markdown")
    pages, locales_data = render_locales(project, helpcenter, translations, reuse, catalogues)
    widget = embed_files(project, helpcenter, translations, locales_data)  # the store's embedded widget
    files: dict[str, bytes] = {}
    if search:
        progress.stage("building the search index")
        files = build_search()
    files = {**files, **widget}
    data = template_data(helpcenter, project)
    data["palette"] = {"css": project.palette.css, "theme_color": project.palette.theme_color}
    data["locales"] = locales_data
    data["default_locale"] = project.default_locale.code
    return Output(helpcenter=helpcenter, pages=pages, files=files, template_data=data, nav=navigation(helpcenter),
                  headers=cors_headers(project), search_later=None if search else build_search)


def load_catalogues(project: Project) -> tuple[dict[str, Strings], list[Problem]]:
    """Every locale's UI strings by locale code, and every locale's problems with them."""
    catalogues: dict[str, Strings] = {}
    problems: list[Problem] = []
    for locale in project.locales:
        try:
            catalogues[locale.code] = load_strings(locale, project.content_dir, strict=project.multilingual)
        except ContentError as err:
            problems.extend(err.problems)
    return catalogues, problems


def search_files(project: Project, helpcenter: HelpCenter, translations: dict[str, HelpCenter],
                 care_titles: dict[str, str]) -> dict[str, bytes]:
    """Every locale's search index: the default's under assets/search/, the others' under their prefix.
    ``care_titles``: each other locale's name for the care guides' section."""
    default = project.default_locale.language
    files = build_search_files(helpcenter, project_lexicon(project, project.default_locale), language=default)
    for locale in project.locales[1:]:
        files.update(locale_search_files(locale, translations[locale.code], helpcenter, default,
                                         care_titles[locale.code], project_lexicon(project, locale)))
    return files


def load_project_translations(project: Project, source: HelpCenter) -> dict[str, HelpCenter]:
    """Each other locale's translated help center (empty without ``extra.locales``)."""
    if not project.multilingual:
        return {}
    loaded = load_translations(project.content_dir, project.locales, source)
    if loaded.problems:
        raise ContentError(loaded.problems)
    return {t.locale.code: t.helpcenter for t in loaded.translations}
