"""The core's entry point: from a project to pages, files and template data. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator import memo, progress
from generator.config.project import Project
from generator.reading.loading import load_helpcenter
from generator.reading.model import HelpCenter
from generator.rendering.pages import Page, PageRenderer, navigation, template_data
from generator.search import build_search_files, site_lexicon

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


def generate(project: Project, search: bool = True) -> Output:
    """Load, validate and render; raises ContentError with every problem when content is wrong.

    ``search=False`` leaves the search files out of ``files`` (the preview builds them when asked).
    """
    memo.next_generation()
    progress.stage("loading and checking the content")
    helpcenter = load_helpcenter(project.content_dir)
    progress.stage("writing the pages' Markdown")
    pages = PageRenderer(helpcenter, project).all_pages()
    if search:
        progress.stage("building the search index")
    return Output(
        helpcenter=helpcenter,
        pages=pages,
        files=build_search_files(helpcenter, site_lexicon(project.shopping_lexicon)) if search else {},
        template_data=template_data(helpcenter, project),
        nav=navigation(helpcenter),
    )
