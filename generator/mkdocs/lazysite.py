"""A MkDocs build whose pages are rendered when the preview is asked for them.

At thousands of articles most of a build is rendering pages (Markdown, then the theme's template)
that nobody looks at while editing one answer. ``LazySite`` runs every step of
``mkdocs.commands.build.build`` that gathers the site (config, files, navigation, static files) and
leaves each page and theme template (sitemap, 404) to the first request for it, through MkDocs' own
functions, so a rendered page is the one a full build writes. The search files, which the core
builds from every article, are built at the first request for one of them. ``materialize`` renders everything:
the preview's tests compare that tree with a clean build.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from generator.mkdocs.populate import Populator
from generator.search import PREFIX as SEARCH_PREFIX
from generator.theme_location import theme_folders

NEEDS_EVERY_PAGE = ("sitemap.xml",)
"""Theme templates that read every page's metadata (dates), so every page is read before them."""


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept across the preview's states (MkDocs makes a new Jinja environment
    each time); Jinja checks each entry against its template's source, so an edited template compiles again."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


class LazySite:
    """One state of the preview's site: gathered at once, pages rendered on request."""

    def __init__(self, config: Any, for_preview: bool = True, previous: LazySite | None = None) -> None:
        """``previous``: the preview's last state, whose theme files, unchanged files and unread pages are reused."""
        # The preview shows draft pages, as `mkdocs serve` does; a build leaves them out.
        self.inclusion = InclusionLevel.is_in_serve if for_preview else InclusionLevel.is_included
        self.plugin = config.plugins.get("helpcenter") if for_preview else None
        if self.plugin is not None:
            self.plugin.defer_search = True  # built when a browser asks for it: see _render_search
        self.config = config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        env.bytecode_cache = COMPILED_TEMPLATES
        self.theme_files = self._add_theme_files(files, env, previous)
        self.reuse_key = _reuse_key(config)
        if previous is not None and previous.reuse_key != self.reuse_key:
            previous = None
        self.files = files = self._files_from_plugins(files, previous)
        if previous is not None:
            _reuse_files_and_unread_pages(previous, files, config)
        set_exclusions(files, config)
        self.doc_files = files.documentation_pages(inclusion=self.inclusion)
        self.nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        self.pages: dict[str, Page] = {
            file.dest_uri: file.page if file.page is not None else Page(None, file, config) for file in self.doc_files}
        self.env = config.plugins.on_env(env, config=config, files=files)
        self.templates = {name: name for name in config.theme.static_templates}
        if "sitemap.xml" in self.templates:
            self.templates["sitemap.xml.gz"] = "sitemap.xml"  # MkDocs writes both at once
        self.rendered: set[str] = set()
        self.lock = threading.RLock()  # pages are rendered on the server's request threads

    def _files_from_plugins(self, files: Files, previous: LazySite | None) -> Files:
        """``on_files``; our plugin hands back the previous state's file where path and content are the same."""
        if self.plugin is not None and previous is not None:
            self.plugin.reusable_files = previous.files.src_uris
        try:
            return self.config.plugins.on_files(files, config=self.config)  # type: ignore[no-any-return]
        finally:
            if self.plugin is not None:
                self.plugin.reusable_files = {}

    def _add_theme_files(self, files: Files, env: jinja2.Environment, previous: LazySite | None) -> ThemeFiles:
        """MkDocs' ``add_files_from_theme``, or the files it gave ``previous`` if nothing it reads changed.

        Listing the theme's templates walks Material's folders (a tenth of a rebuild without the core);
        the installed themes do not change while the preview runs, the ``custom_dir`` and ``docs_dir``
        may: the key has the names in both and the settings MkDocs' function reads.
        """
        key = _theme_files_key(self.config, files)
        if previous is not None and previous.theme_files.key == key:
            for file in previous.theme_files.files:
                files.append(file)
            return previous.theme_files
        before = set(files.src_uris)
        files.add_files_from_theme(env, self.config)
        return ThemeFiles(key, [file for file in files if file.src_uri not in before])

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    def write_static_files(self, previous: LazySite | None) -> None:
        """Copy what changed since ``previous`` and remove what is no longer part of the site."""
        self.files.copy_static_files(dirty=previous is not None, inclusion=self.inclusion)
        for template in self.config.extra_templates:
            mkdocs_build._build_extra_template(template, self.files, self.config, self.nav)
        expected = {f.dest_uri for f in self.files if self.inclusion(f.inclusion)}  # type: ignore[no-untyped-call]
        expected |= set(self.templates)
        for folder, _, names in os.walk(self.site_dir):
            for name in names:
                path = Path(folder, name)
                uri = path.relative_to(self.site_dir).as_posix()
                if uri not in expected:  # pages of this state are rendered again on request anyway
                    path.unlink()

    def owner(self, uri: str) -> str | None:
        """What a request for ``uri`` needs rendered (a page, a theme template, the search files), if any."""
        if self.plugin is not None and self.plugin.project is not None and any(
                uri.startswith(locale.prefix + SEARCH_PREFIX) for locale in self.plugin.project.locales):
            return SEARCH_PREFIX  # every locale's index is built at once
        for candidate in (uri, f"{uri}/index.html".lstrip("/")):
            if candidate in self.pages or candidate in self.templates:
                return candidate
        return None

    def render(self, uri: str) -> None:
        """Write the page or theme template at ``uri`` (a site path) unless this state already did."""
        with self.lock:
            if uri in self.rendered:
                return
            if uri in self.pages:
                self._render_page(self.pages[uri])
            elif uri == SEARCH_PREFIX:
                self._render_search()
            else:
                self._render_template(self.templates[uri])
            self.rendered.add(uri)

    def _render_page(self, page: Page) -> None:
        if page.content is None:
            self.populator.populate(page, self.files)
        excluded = page.file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
        mkdocs_build._build_page(page, self.config, self.doc_files, self.nav, self.env, excluded=excluded)

    @functools.cached_property
    def populator(self) -> Populator:
        """MkDocs' reading and Markdown rendering of a page, with one Markdown instance for all of them."""
        plugin = self.config.plugins.get("helpcenter")
        return Populator(self.config, getattr(plugin, "core_pages", None))

    def _render_template(self, name: str) -> None:
        if name in NEEDS_EVERY_PAGE:
            for page in self.pages.values():
                if page.content is None:
                    self.populator.populate(page, self.files)
        mkdocs_build._build_theme_template(name, self.env, self.files, self.config, self.nav)
        self.rendered.update(uri for uri, template in self.templates.items() if template == name)

    def _render_search(self) -> None:
        assert self.plugin is not None and self.plugin.output is not None
        assert self.plugin.output.search_later is not None  # generated with search=False
        for path, data in self.plugin.output.search_later().items():
            target = self.site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def materialize(self) -> None:
        """Render every page, theme template and search file, as a full build would."""
        searched = [SEARCH_PREFIX] if self.plugin is not None else []
        for uri in [*self.templates, *self.pages, *searched]:
            self.render(uri)
        self.config.plugins.on_post_build(config=self.config)  # what follows a full build (_headers)


@dataclass(frozen=True)
class ThemeFiles:
    key: tuple[Any, ...]
    files: list[File]


def _theme_files_key(config: Any, docs_files: Files) -> tuple[Any, ...]:
    custom = sorted(Path(folder, name).as_posix() for theme in theme_folders(config)
                    for folder, _, names in os.walk(theme) for name in names)
    return (tuple(config.theme.dirs), tuple(config.theme.static_templates), config.site_dir,
            config.use_directory_urls, tuple(docs_files.src_uris), tuple(custom))


def _reuse_key(config: Any) -> tuple[Any, ...]:
    """What ``File`` and ``Page`` objects read besides their address (and a file its content)."""
    return (config.site_url, config.repo_url, config.edit_uri, config.edit_uri_template,
            config.use_directory_urls, config.docs_dir, config.site_dir, get_build_date())


def _reuse_files_and_unread_pages(previous: LazySite, files: Files, config: Any) -> None:
    """Keep the previous state's page for each file whose page nobody read; forget what else files kept.

    MkDocs makes 5,000 ``Page`` objects per save otherwise (a third of a rebuild without the core). A
    page nobody asked for holds nothing but what its address and ``_reuse_key`` give it; pages in
    either navigation are made again (their title, parent and neighbours come from the nav). A file
    handed back whole by the plugin has its exclusion worked out again under this configuration.
    """
    in_previous_nav = {id(page) for page in previous.nav.pages}
    in_nav = set(_nav_paths(config.nav))
    previous_files = previous.files.src_uris
    for file in files:
        old = previous_files.get(file.src_uri)
        if old is None:
            continue
        if file is old:
            file.inclusion = InclusionLevel.UNDEFINED
        page = old.page
        if (page is not None and file.src_uri not in in_nav and id(page) not in in_previous_nav
                and page.markdown is None and page.content is None and "title" not in vars(page)):
            file.page, page.file = page, file
        elif file is old:
            file.page = None


def _nav_paths(nav: Any) -> Iterator[str]:
    """The paths a ``nav`` setting names (strings, lists and one-key dicts nested)."""
    if isinstance(nav, str):
        yield nav.lstrip("/")
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)
