"""The core's entry point: from a project to pages, files and template data. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.config.project import Project
from generator.errors import ContentError
from generator.reading.loading import load_helpcenter
from generator.reading.model import HelpCenter
from generator.reading.translations import load_translations
from generator.rendering.multilingual import locale_search_files, render_locales
from generator.rendering.pages import Page, navigation, template_data
from generator.search import build_search_files

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


def generate(project: Project) -> Output:
    """Load, validate and render; raises ContentError with every problem when content is wrong."""
    helpcenter = load_helpcenter(project.content_dir)
    translations = load_project_translations(project, helpcenter)
    pages, locales_data = render_locales(project, helpcenter, translations)
    files = build_search_files(helpcenter, project.default_locale.language)
    for locale in project.locales[1:]:
        care_title = locales_data[locale.code]["strings"]["care_title"]
        files.update(locale_search_files(locale, translations[locale.code], helpcenter,
                                         project.default_locale.language, care_title))
    data = template_data(helpcenter, project)
    data["locales"] = locales_data
    data["default_locale"] = project.default_locale.code
    return Output(helpcenter=helpcenter, pages=pages, files=files, template_data=data, nav=navigation(helpcenter))


def load_project_translations(project: Project, source: HelpCenter) -> dict[str, HelpCenter]:
    """Each other locale's translated help center (empty without ``extra.locales``)."""
    if not project.multilingual:
        return {}
    loaded = load_translations(project.content_dir, project.locales, source)
    if loaded.problems:
        raise ContentError(loaded.problems)
    return {t.locale.code: t.helpcenter for t in loaded.translations}
