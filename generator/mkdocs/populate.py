"""MkDocs' ``_populate_page`` (read a page, run its plugin events, render its Markdown), cheaper per page.

Two costs of MkDocs' own that a build of thousands of pages pays once per page, and that this pays once:

- a new ``markdown.Markdown`` per page, with every extension built again: here one instance is
  reset between pages (Python-Markdown's documented way to convert many documents), and MkDocs'
  per-page processors are registered on it again for each page (same names, same priorities, so
  the processors run in the same order as on a new instance);
- the YAML front matter of every generated page parsed back into the dictionary the core had just
  written it from: when the core hands over a page's metadata (``generator.rendering.pages.Page.meta``)
  and the file's text is still exactly that page's, the metadata is used as it is. The front matter
  stays in the page's Markdown for every other engine (``helpcenter export``); a page edited by a
  plugin (``on_page_read_source``) or a file of docs/ is read by MkDocs as before.

Everything else is MkDocs 1.6's code, step for step: a page populated here is the page MkDocs renders.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import markdown  # type: ignore[import-untyped]
from mkdocs.exceptions import BuildError
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta as mkdocs_meta

from generator.rendering.pages import Page as CorePage

log = logging.getLogger("mkdocs.commands.build")


class Populator:
    """Populates the pages of one configuration (a build, or a state of the preview)."""

    def __init__(self, config: Any, known: Mapping[str, CorePage] | None = None) -> None:
        self.config = config
        self.known = known or {}
        """The core's pages by source path (``faq/x.md``): their metadata need not be parsed from their text."""
        self._md: markdown.Markdown | None = None

    def populate(self, page: Page, files: Files) -> None:
        """``mkdocs.commands.build._populate_page(page, config, files)``."""
        config = self.config
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            self.read_source(page)
            assert page.markdown is not None
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            self.render(page, files)
            assert page.content is not None
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        except Exception as e:
            message = f"Error reading page '{page.file.src_uri}':"
            if not isinstance(e, BuildError):
                message += f" {e}"
            log.error(message)
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
        """``Page.render``, on the one Markdown instance."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        config = self.config
        if self._md is None:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
        md = self._md
        md.reset()
        raw_html_ext = mkdocs_pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = mkdocs_pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors
