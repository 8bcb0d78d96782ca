"""Every use of MkDocs 1.6's private names, each with why: the one module to check when MkDocs changes.

Everything else in ``generator/mkdocs/`` uses MkDocs' public API (``tests/mkdocs/test_internals.py``
checks that no other module names a private one).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import markdown  # type: ignore[import-untyped]
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import BuildError
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta as mkdocs_meta

if TYPE_CHECKING:
    from generator.rendering.pages import Page as CorePage

log = logging.getLogger("mkdocs.commands.build")


def build_page(page: Page, config: Any, doc_files: Any, nav: Any, env: Any) -> None:
    """A populated page through its template: MkDocs has no public function for one page."""
    excluded = page.file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
    mkdocs_build._build_page(page, config, doc_files, nav, env, excluded=excluded)


def build_theme_template(name: str, env: Any, files: Files, config: Any, nav: Any) -> None:
    """One theme template (sitemap, 404): no public function renders one alone."""
    mkdocs_build._build_theme_template(name, env, files, config, nav)


def build_extra_template(name: str, files: Files, config: Any, nav: Any) -> None:
    """One of ``extra_templates``: no public function renders one alone."""
    mkdocs_build._build_extra_template(name, files, config, nav)


def generated_file(path: str, content: str | bytes, site_dir: str, use_directory_urls: bool) -> File:
    """``File.generated`` from all it reads (the preview keeps it while they are the same): it reads the plugin
    that makes it from the configuration's private ``_current_plugin``, so a kept one could name another."""
    settings = {"site_dir": site_dir, "use_directory_urls": use_directory_urls}
    config: Any = SimpleNamespace(**settings, plugins=SimpleNamespace(_current_plugin="helpcenter"))
    return File.generated(config, path, content=content)


def rendered_title(page: Page) -> str | None:
    """The title Markdown's first heading gave: ``Page.title`` reads it, and a worker's page must carry it."""
    return page._title_from_render


def set_rendered_title(page: Page, title: str | None) -> None:
    page._title_from_render = title


class Populator:
    """MkDocs' ``_populate_page`` (read, plugin events, Markdown), cheaper per page, for one configuration.

    Two costs MkDocs pays per page are paid once: a new ``markdown.Markdown`` with every extension
    (here one instance is reset between pages, with MkDocs' per-page processors registered again under
    the same names and priorities), and the YAML front matter of a generated page parsed back into
    the metadata the core just wrote it from (taken from the core when the file's text is that page's).
    """

    def __init__(self, config: Any, known: Mapping[str, CorePage]) -> None:
        self.config = config
        self.known = known
        self._md: markdown.Markdown | None = None

    def populate(self, page: Page, files: Files) -> None:
        config = self.config
        config._current_page = page  # what MkDocs' _populate_page sets: Material's macros read it
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            self.read_source(page)
            assert page.markdown is not None
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            self.render(page, files)
            assert page.content is not None
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        except Exception as e:
            log.error(f"Error reading page '{page.file.src_uri}':" + ("" if isinstance(e, BuildError) else f" {e}"))
            raise
        finally:
            config._current_page = None

    def read_source(self, page: Page) -> None:
        """``Page.read_source``, taking the metadata the core knows rather than parsing it again."""
        source = self.config.plugins.on_page_read_source(page=page, config=self.config)
        if source is None:
            known = self.known.get(page.file.src_uri)
            if (known is not None and known.meta is not None and not page.file.abs_src_path
                    and page.file.content_string == known.content):
                match = mkdocs_meta.YAML_RE.match(known.content)
                if match is not None:
                    page.markdown, page.meta = known.content[match.end():].lstrip("\n"), known.meta
                    return
            source = page.file.content_string
        page.markdown, page.meta = mkdocs_meta.get_data(source)

    def render(self, page: Page, files: Files) -> None:
        """``Page.render`` on the one Markdown instance: MkDocs' four per-page processors are private."""
        if self._md is None:
            self._md = markdown.Markdown(extensions=self.config["markdown_extensions"],
                                         extension_configs=self.config["mdx_configs"] or {})
        md = self._md
        md.reset()
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, self.config)
        relative = mkdocs_pages._RelativePathTreeprocessor(page.file, files, self.config)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        for processor in (raw_html, anchors, relative, title):
            processor._register(md)
        assert page.markdown is not None
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors


def serve_url(host: str, port: int) -> str:
    """The address ``mkdocs serve`` gives its site, as it computes it."""
    from mkdocs.livereload import _serve_url

    return _serve_url(host, port, "/")


def wait_for_rebuild(server: Any) -> int:
    """Wait until the rebuild in progress, if any, is over; the epoch served. The server keeps it private."""
    with server._epoch_cond:
        server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
        return int(server._visible_epoch)


def inject_live_reload(server: Any, html: bytes, epoch: int) -> bytes:
    """The live-reload script the server adds to every page it serves, for a page it does not serve."""
    return server._inject_js_into_html(html, epoch)  # type: ignore[no-any-return]


def wrap_live_reload(server: Any, wrap: Any) -> bool:
    """Pass every page the server serves through ``wrap(inject)`` (the policy's hashes); False if it cannot."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        return False
    server._inject_js_into_html = wrap(inject)
    return True


PRIVATE_NAMES: Iterable[str] = ("_build_page", "_build_theme_template", "_build_extra_template",
                                "_title_from_render", "_current_page", "_RawHTMLPreprocessor",
                                "_ExtractAnchorsTreeprocessor", "_RelativePathTreeprocessor",
                                "_ExtractTitleTreeprocessor", "_register", "_serve_url", "_epoch_cond",
                                "_visible_epoch", "_wanted_epoch", "_inject_js_into_html", "_current_plugin")
"""The names above, for the test that finds them nowhere else."""
