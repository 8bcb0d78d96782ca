"""The ``helpcenter`` MkDocs plugin: feeds the core's pages to MkDocs and watches content/.

Kept thin on purpose: MkDocs 1.x is in maintenance, and everything that matters lives in the
core, which another engine can use through ``helpcenter export``.
"""

from __future__ import annotations

import logging
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.errors import ContentError, HelpCenterError, Problem
from generator.project import Project, project_from_settings
from generator.site import UNUSED_THEME_FILES, Output, generate

log = logging.getLogger("mkdocs.plugins.helpcenter")


CONTENT_PROBLEMS_HEADING = "content problems:"


class HelpCenterConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    """The folder of FAQ categories (faq/*.yml), care guides (care/*.md) and search synonyms."""


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.output: Output | None = None
        self.content_problems: list[Problem] = []
        self.project: Project | None = None
        self.defer_search = False
        """Set by the preview, which builds the search files only when a browser asks for them."""

    def on_config(self, config: Any) -> Any:
        settings = {"site_url": config.site_url, "site_name": config.site_name, "extra": dict(config.extra),
                    "theme": {"language": config.theme.get("language", "en")},
                    "plugins": [{"helpcenter": {"content_dir": self.config.content_dir}}]}
        try:
            self.project = project_from_settings(Path(config.config_file_path), settings)
            self.output = generate(self.project, search=not self.defer_search)
        except ContentError as err:
            self.content_problems = err.problems  # for `helpcenter build`, which prints them editor-style
            lines = "\n".join(f"  {p}" for p in err.problems)
            raise PluginError(f"{CONTENT_PROBLEMS_HEADING}\n{lines}") from None
        except HelpCenterError as err:
            raise PluginError(str(err)) from None
        config.extra["hc"] = self.output.template_data
        if not config.nav:
            config.nav = self.output.nav
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        assert self.output is not None
        docs_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            if not file.generated_by and _is_unused_theme_file(file, docs_dir):
                files.remove(file)
        for page in self.output.pages:
            files.append(File.generated(config, page.path, content=page.content))
        for path, data in self.output.files.items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        # MkDocs dates pages (sitemap.xml.gz's timestamp among them) by the build day unless told
        # otherwise; the content's own date keeps builds byte-identical on any day.
        lastmod = (page.meta.get("hc") or {}).get("lastmod")
        if lastmod:
            page.update_date = str(lastmod)
        return markdown

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        # MkDocs watches the theme only with --watch-theme, but editors change theme/ as often as content.
        root = Path(config.config_file_path).parent
        for folder in (root / self.config.content_dir, config.theme.custom_dir):
            if folder and Path(folder).is_dir():
                server.watch(str(folder))
        return server


def _is_unused_theme_file(file: File, docs_dir: Path) -> bool:
    """A file of the theme (not of docs_dir) that no page loads: see ``UNUSED_THEME_FILES``."""
    if Path(file.abs_src_path or "").is_relative_to(docs_dir):
        return False
    return any(fnmatchcase(file.src_uri, pattern) for pattern in UNUSED_THEME_FILES)
