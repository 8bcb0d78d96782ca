"""The ``helpcenter`` MkDocs plugin: feeds the core's pages to MkDocs and watches content/.

Kept thin on purpose: MkDocs 1.x is in maintenance, and everything that matters lives in the
core, which another engine can use through ``helpcenter export``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator import progress
from generator.config.project import Project, project_from_settings
from generator.errors import ContentError, HelpCenterError, Problem
from generator.mkdocs import internals
from generator.rendering import csp
from generator.reuse import Reuse, compute
from generator.theme_location import put_theme_in_front, theme_folders

if TYPE_CHECKING:  # the core is imported when the plugin runs it (on_config)
    from generator.rendering.pages import Page
    from generator.rendering.site import Output

log = logging.getLogger("mkdocs.plugins.helpcenter")


CONTENT_PROBLEMS_HEADING = "content problems:"


class HelpCenterConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    """The folder of FAQ categories (faq/*.yml), care guides (care/*.md) and search synonyms."""
    shopping_lexicon = c.Type(bool, default=True)
    """Search also understands everyday shopping words and phrasings (generator/search/lexicon)."""
    search_expectations = c.Optional(c.Type(str))
    """The store's search expectations, relative to mkdocs.yml (default: <content_dir>/search/expectations.yml)."""
    scheme_toggle = c.Type(bool, default=False)
    """A light/dark button in the header; without it pages follow the shopper's system setting."""


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):  # type: ignore[no-untyped-call]
    def __init__(self, reuse: Reuse = compute) -> None:
        self.reuse = reuse
        """What the core may reuse from the preview's earlier saves (generator/reuse.py); nothing in a build."""
        self.output: Output | None = None
        self.content_problems: list[Problem] = []
        self.project: Project | None = None
        self.policy = csp.PolicySettings()
        self.site_code = csp.InlineCode()
        self.search_files = SearchFiles(dict)
        self.nav: Any = None
        self.files: Files | None = None
        self.core_pages: dict[str, Page] = {}
        """The core's pages by source path: their metadata, known, is not parsed again (mkdocs/populate.py)."""

    def reusing(self, reuse: Reuse) -> None:
        """The preview's: before ``on_config``, the results its earlier saves kept."""
        self.reuse = reuse

    def add_inline_code(self, code: csp.InlineCode) -> None:
        """What pages rendered in another process run inline (build.py), for ``_headers``."""
        self.site_code.update(code)

    def on_config(self, config: Any) -> Any:
        put_theme_in_front(config)  # the packaged theme, behind the store's custom_dir (generator/theme_location.py)
        settings = {"site_url": config.site_url, "site_name": config.site_name,
                    "site_description": config.site_description, "extra": dict(config.extra),
                    "theme": {"language": config.theme.get("language", "en")},
                    "plugins": [{"helpcenter": {"content_dir": self.config.content_dir,
                                                "shopping_lexicon": self.config.shopping_lexicon,
                                                "search_expectations": self.config.search_expectations,
                                                "scheme_toggle": self.config.scheme_toggle}}]}
        from generator.rendering.site import generate

        try:
            self.project = project_from_settings(Path(config.config_file_path), settings)
            self.output = generate(self.project, search=False, reuse=self.reuse)
        except ContentError as err:
            self.content_problems = err.problems  # for `helpcenter build`, which prints them editor-style
            lines = "\n".join(f"  {p}" for p in err.problems)
            raise PluginError(f"{CONTENT_PROBLEMS_HEADING}\n{lines}") from None
        except HelpCenterError as err:
            raise PluginError(str(err)) from None
        config.extra["hc"] = self.output.template_data
        self.search_files = SearchFiles(self.output.search_later or dict)
        self.policy = csp.settings_for_project(self.project)
        self.site_code = csp.InlineCode()
        if not config.nav:
            config.nav = self.output.nav
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        assert self.output is not None
        docs_dir = Path(config.docs_dir).resolve()
        # hc-events.js is loaded only when the store takes events (extra.store.events).
        from generator.rendering.site import EVENTS_SCRIPT, UNUSED_THEME_FILES
        from generator.search.languages import index_languages, unused_stemmer_files

        unused = UNUSED_THEME_FILES if self.output.template_data["store"]["events_url"] else (
            *UNUSED_THEME_FILES, EVENTS_SCRIPT)
        # Snowball stemmers only for the languages of the site's search indexes (loaded by the engine).
        # Every locale has an index in its language (also when the preview builds the indexes later).
        languages = {locale.language for locale in self.project.locales} if self.project else set()
        unused = (*unused, *unused_stemmer_files(languages | index_languages(self.output.files)))
        for file in list(files):
            if not file.generated_by and _is_unused_theme_file(file, docs_dir, unused):
                files.remove(file)
        self.core_pages = {page.path: page for page in self.output.pages}
        for page in self.output.pages:
            files.append(self.reuse(internals.generated_file, page.path, page.content, config.site_dir,
                                    config.use_directory_urls))
        for path, data in self.output.files.items():
            files.append(internals.generated_file(path, data, config.site_dir, config.use_directory_urls))
        return files

    @property
    def locales(self) -> int:
        return len(self.project.locales) if self.project else 1

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        # MkDocs dates pages (sitemap.xml.gz's timestamp among them) by the build day unless told
        # otherwise; the content's own date keeps builds byte-identical on any day.
        lastmod = (page.meta.get("hc") or {}).get("lastmod")
        if lastmod:
            page.update_date = str(lastmod)
        return markdown

    # Last of all plugins: the hashes must be those of the HTML that is written, whatever else edits it.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return self._with_policy(output, page.file.src_uri)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return self._with_policy(output_content, template_name) if template_name.endswith(".html") else output_content

    def on_env(self, env: jinja2.Environment, *, config: Any, files: Files) -> jinja2.Environment:
        _look_up_dict_keys_first(env)
        return env

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        self.nav, self.files = nav, files  # for each locale's 404.html, rendered after the build
        return nav

    def on_post_build(self, *, config: Any) -> None:
        self.write_search_files(Path(config.site_dir))
        self._write_locale_error_pages(config)
        cors = self.output.headers if self.output is not None else ""  # the embedded widget's files
        (Path(config.site_dir) / "_headers").write_text(csp.headers_file(self.policy, self.site_code) + cors, "utf-8")

    def write_search_files(self, site_dir: Path) -> None:
        """Every locale's search index: no page links to its files, so they are not MkDocs files, and the
        build makes them beside the pages (build.py), the preview when a browser asks for one."""
        progress.stage("writing the search index")
        for path, data in self.search_files.get().items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def _write_locale_error_pages(self, config: Any) -> None:
        """``<code>/404.html`` for each other locale: the theme's 404.html in that language, with absolute links
        like MkDocs' own error page. Hosts that serve the nearest 404.html (Cloudflare Pages, ``helpcenter serve
        --built``) use it as it is; others need a rule (Netlify: ``/fr/*  /fr/404.html  404``)."""
        data = self.output.template_data if self.output else {}
        others = [code for code in data.get("locales", {}) if code != data.get("default_locale")]
        if not others or self.nav is None or self.files is None or "404.html" not in config.theme.static_templates:
            return
        template = config.theme.get_env().get_template("404.html")
        base_url = urlsplit(config.site_url or "/").path
        for code in others:
            context = get_context(self.nav, self.files, config, base_url=base_url)
            context["hc_locale"] = code  # type: ignore[typeddict-unknown-key]  # read by partials/hc/locale.html
            html = self._with_policy(template.render(context), f"{code}/404.html")
            (Path(config.site_dir) / code / "404.html").write_text(html, "utf-8")

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        # MkDocs watches the theme only with --watch-theme, but editors change theme/ as often as content.
        root = Path(config.config_file_path).parent
        for folder in (root / self.config.content_dir, *theme_folders(config)):
            if folder and Path(folder).is_dir():
                server.watch(str(folder))
        _allow_live_reload(server)
        return server

    def _with_policy(self, html: str, name: str) -> str:
        html, code = csp.apply_policy(html, self.policy)
        if code.handlers:  # a warning fails the strict build: better than a control that silently does nothing
            log.warning(f"{name}: inline event handlers ({', '.join(sorted(code.handlers))}) are refused by "
                        "the Content Security Policy; attach them from a script in assets/javascripts/")
        self.site_code.update(code)
        return html


class SearchFiles:
    """The search files by site path, built once: by the first to ask, or handed over by the build."""

    def __init__(self, build: Callable[[], dict[str, bytes]]) -> None:
        self._build = build
        self._files: dict[str, bytes] | None = None

    def get(self) -> dict[str, bytes]:
        if self._files is None:
            self._files = self._build()
        return self._files

    def set(self, files: dict[str, bytes]) -> None:
        self._files = files


def _is_unused_theme_file(file: File, docs_dir: Path, unused: tuple[str, ...]) -> bool:
    """A file of the theme (not of docs_dir) that no page loads: see ``UNUSED_THEME_FILES``."""
    if Path(file.abs_src_path or "").is_relative_to(docs_dir):
        return False
    return any(fnmatchcase(file.src_uri, pattern) for pattern in unused)



_DICT_ATTRIBUTES = frozenset(dir(dict))


def _look_up_dict_keys_first(env: jinja2.Environment) -> None:
    """``hc.kind``, ``here.data.home``: Jinja reads ``a.b`` by trying the attribute ``b`` first, and on a dict
    (the theme's data, page.meta) that fails with an exception before the key is read, a few hundred times a
    page (a fifth of rendering one). Here a plain dict's key is read at once when no attribute of dict has
    that name (``items`` is still the method): what Jinja's own lookup returns, missing keys included."""
    attribute_first = env.getattr
    undefined = env.undefined

    def getattr(obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return undefined(obj=obj, name=attribute)
        return attribute_first(obj, attribute)

    env.getattr = getattr  # type: ignore[method-assign]


def _allow_live_reload(server: Any) -> None:
    """``mkdocs serve`` adds an inline live-reload script to each page it serves: re-hash the page after it."""
    def allowing(inject: Callable[[bytes, int], bytes]) -> Callable[[bytes, int], bytes]:
        return lambda content, epoch: csp.rehash_scripts(inject(content, epoch).decode("utf-8")).encode("utf-8")

    if not internals.wrap_live_reload(server, allowing):  # another MkDocs: the preview works without live reload
        log.warning("live reload's script is not allowed by the Content Security Policy in this MkDocs version")
