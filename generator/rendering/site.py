"""The core's entry point: from a project to pages, files and template data. No MkDocs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator import forking, memo, progress
from generator.config.project import Project
from generator.errors import ContentError
from generator.reading.loading import load_helpcenter
from generator.reading.model import HelpCenter
from generator.reading.translations import load_translations
from generator.rendering.embed import cors_headers, embed_files
from generator.rendering.multilingual import locale_search_files, render_locales
from generator.rendering.pages import Page, navigation, template_data
from generator.rendering.strings import load_strings
from generator.search import build_search_files, site_lexicon

UNUSED_THEME_FILES = (
    "assets/javascripts/bundle.*",
    "assets/javascripts/workers/*",
    "assets/javascripts/lunr/*",
)
"""Theme files the help center never loads, so a build leaves them out of the site: Material's
JavaScript bundle (the theme's own small scripts replace it: theme/main.html says why), its search
worker and lunr's language files (search is generator/search). Glob patterns of site paths."""

T = TypeVar("T")

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
    """Every locale's search files when called, when they are not in ``files``: built then with
    ``generate(search=False)`` (the preview), or built meanwhile with ``search_at_end`` (a build)."""


def generate(project: Project, search: bool = True, jobs: int | None = None, search_at_end: bool = False) -> Output:
    """Load, validate and render; raises ContentError with every problem when content is wrong.

    ``search=False`` leaves the search files out of ``files`` (the preview builds them when asked).
    With more than one job (``jobs``; by default one per usable core) the search index is built in a
    fork of this process while this one writes the pages' Markdown: neither needs the other. With
    ``search_at_end`` it is not waited for here either: ``search_later`` gives the files when the
    caller needs them (a build writes them last, so the index is made while MkDocs gathers the site).
    """
    memo.next_generation()
    progress.stage("loading and checking the content")
    helpcenter = load_helpcenter(project.content_dir)
    translations = load_project_translations(project, helpcenter)
    care_titles = {locale.code: load_strings(locale, project.content_dir, strict=project.multilingual).get(
        "care_title") for locale in project.locales[1:]}

    def build_search() -> dict[str, bytes]:
        return search_files(project, helpcenter, translations, care_titles)

    pending = None
    if search and (jobs or forking.usable_cores()) > 1:
        pending = forking.Background(_kept(build_search))
    progress.stage("writing the pages' Markdown")
    try:
        pages, locales_data = render_locales(project, helpcenter, translations)
        widget = embed_files(project, helpcenter, translations, locales_data)  # the store's embedded widget
    except BaseException:
        if pending is not None:
            pending.cancel()
        raise
    files: dict[str, bytes] = {}
    later: Callable[[], dict[str, bytes]] | None = None if search else build_search
    if pending is not None and search_at_end:
        later = _ForkedSearch(pending)
    elif search:
        progress.stage("building the search index")
        files = _ForkedSearch(pending)() if pending is not None else build_search()
    files = {**files, **widget}
    data = template_data(helpcenter, project)
    data["locales"] = locales_data
    data["default_locale"] = project.default_locale.code
    return Output(helpcenter=helpcenter, pages=pages, files=files, template_data=data, nav=navigation(helpcenter),
                  headers=cors_headers(project), search_later=later)


class _ForkedSearch:
    """The search files a fork is building (``search_later``), waited for once; what the fork computed
    is kept here (adopted), for the next build. ``cancel`` stops it when the build fails meanwhile."""

    def __init__(self, pending: forking.Background[tuple[dict[str, bytes], memo.Added]]) -> None:
        self.pending = pending
        self.files: dict[str, bytes] | None = None

    def __call__(self) -> dict[str, bytes]:
        if self.files is None:
            self.files, kept = self.pending.result()
            memo.adopt(kept)
        return self.files

    def cancel(self) -> None:
        self.pending.cancel()


def _kept(work: Callable[[], T]) -> Callable[[], tuple[T, memo.Added]]:
    """``work`` in a fork, with the memos' entries it added, which the parent adopts."""
    def run() -> tuple[T, memo.Added]:
        marks = memo.marks()
        return work(), memo.added_since(marks)
    return run


def search_files(project: Project, helpcenter: HelpCenter, translations: dict[str, HelpCenter],
                 care_titles: dict[str, str]) -> dict[str, bytes]:
    """Every locale's search index: the default's under assets/search/, the others' under their prefix.
    ``care_titles``: each other locale's name for the care guides' section."""
    default = project.default_locale.language
    lexicon = site_lexicon(project.shopping_lexicon)  # the builder leaves it out of a non-English index
    files = build_search_files(helpcenter, lexicon, language=default)
    for locale in project.locales[1:]:
        files.update(locale_search_files(locale, translations[locale.code], helpcenter, default,
                                         care_titles[locale.code], lexicon))
    return files


def load_project_translations(project: Project, source: HelpCenter) -> dict[str, HelpCenter]:
    """Each other locale's translated help center (empty without ``extra.locales``)."""
    if not project.multilingual:
        return {}
    loaded = load_translations(project.content_dir, project.locales, source)
    if loaded.problems:
        raise ContentError(loaded.problems)
    return {t.locale.code: t.helpcenter for t in loaded.translations}
