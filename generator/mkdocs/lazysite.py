"""A MkDocs build whose pages are rendered when asked for: the preview's site, and the build's.

At thousands of articles most of a build is rendering pages (Markdown, then the theme's template)
that nobody looks at while editing one answer. ``LazySite`` runs every step of
``mkdocs.commands.build.build`` that gathers the site (config, files, navigation, static files) and
leaves each page and theme template (sitemap, 404) to the first request for it, through MkDocs' own
functions, so a rendered page is the one a full build writes. The search files, which the core
builds from every article, are built at the first request for one of them. ``materialize`` renders
everything: the preview's tests compare that tree with a clean build.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from generator.mkdocs import internals
from generator.mkdocs.plugin import HelpCenterPlugin
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
    """One state of the site: gathered at once, pages rendered on request."""

    def __init__(self, config: Any, for_preview: bool = True, previous: LazySite | None = None) -> None:
        """``previous``: the preview's last state, whose theme files, unchanged files and unread pages are kept
        (MkDocs makes one per page at every save otherwise)."""
        # The preview shows draft pages, as `mkdocs serve` does; a build leaves them out.
        self.inclusion = InclusionLevel.is_in_serve if for_preview else InclusionLevel.is_included
        plugin = config.plugins.get("helpcenter")
        self.plugin = plugin if isinstance(plugin, HelpCenterPlugin) else None
        self.config = config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        env.bytecode_cache = COMPILED_TEMPLATES
        self.reuse_key = _reuse_key(config, files)
        if previous is not None and previous.reuse_key != self.reuse_key:
            previous = None
        self.theme_files: list[File] = previous.theme_files if previous is not None else _theme_files(env, config)
        for file in self.theme_files:
            if file.src_uri not in files.src_uris:  # a docs file of the same name wins, as in MkDocs' own build
                files.append(file)
        self.files = files = config.plugins.on_files(files, config=config)
        _keep_unread_pages(previous, files, config)
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

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    def write_static_files(self, dirty: bool = False) -> None:
        """Copy the static files (``dirty``: only those newer than their copy) and remove what is no
        longer part of the site."""
        self.files.copy_static_files(dirty=dirty, inclusion=self.inclusion)
        for template in self.config.extra_templates:
            internals.build_extra_template(template, self.files, self.config, self.nav)
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
        internals.build_page(page, self.config, self.doc_files, self.nav, self.env)

    @functools.cached_property
    def populator(self) -> internals.Populator:
        """MkDocs' reading and Markdown rendering of a page, with one Markdown instance for all of them."""
        return internals.Populator(self.config, self.plugin.core_pages if self.plugin else {})

    def _render_template(self, name: str) -> None:
        if name in NEEDS_EVERY_PAGE:
            for page in self.pages.values():
                if page.content is None:
                    self.populator.populate(page, self.files)
        internals.build_theme_template(name, self.env, self.files, self.config, self.nav)
        self.rendered.update(uri for uri, template in self.templates.items() if template == name)

    def render_templates(self) -> None:
        for name in dict.fromkeys(self.templates.values()):
            self._render_template(name)

    def _render_search(self) -> None:
        assert self.plugin is not None
        self.plugin.write_search_files(self.site_dir)

    def materialize(self) -> None:
        """Render every page, theme template and search file, as a full build would."""
        searched = [SEARCH_PREFIX] if self.plugin is not None else []
        for uri in [*self.templates, *self.pages, *searched]:
            self.render(uri)
        self.config.plugins.on_post_build(config=self.config)  # what follows a full build (_headers)


def _theme_files(env: Any, config: Any) -> list[File]:
    """The theme's files (MkDocs' ``add_files_from_theme`` walks every folder of the theme)."""
    files = Files([])
    files.add_files_from_theme(env, config)
    return list(files)


def _reuse_key(config: Any, docs: Files) -> tuple[Any, ...]:
    """What MkDocs' ``File`` and ``Page`` objects and the theme's file list read besides a file's address
    and content: a save that changes any of it makes them all again."""
    names = sorted(os.path.join(folder, name) for theme in theme_folders(config)
                   for folder, _, found in os.walk(theme) for name in found)
    return (config.site_url, config.repo_url, config.edit_uri, config.edit_uri_template, config.use_directory_urls,
            config.docs_dir, config.site_dir, get_build_date(), tuple(config.theme.dirs),
            tuple(config.theme.static_templates), tuple(names), tuple(docs.src_uris))


def _keep_unread_pages(previous: LazySite | None, files: Files, config: Any) -> None:
    """A generated file the plugin kept from the last save (same path and content) keeps its page if nobody read
    it and no navigation holds it (its title and neighbours come from the navigation); the navigation makes
    the others again."""
    in_nav = set(_nav_paths(config.nav)) | ({page.file.src_uri for page in previous.nav.pages} if previous else set())
    kept = previous.files.src_uris if previous is not None else {}
    for file in files:
        if file.generated_by is None or file.page is None:
            continue
        page = file.page
        if (kept.get(file.src_uri) is not file or page.markdown is not None or "title" in vars(page)
                or file.src_uri in in_nav):
            file.page = None
        file.inclusion = InclusionLevel.UNDEFINED  # worked out again for this configuration


def _nav_paths(nav: Any) -> Iterator[str]:
    """The paths a ``nav`` setting names (strings, lists and one-key dicts nested)."""
    if isinstance(nav, str):
        yield nav.lstrip("/")
    elif isinstance(nav, dict | list):
        for value in nav.values() if isinstance(nav, dict) else nav:
            yield from _nav_paths(value)
