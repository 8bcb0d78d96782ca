"""``helpcenter build``: MkDocs' build, with the pages rendered by a pool of processes, one per core.

MkDocs gathers the site (configuration, files, navigation) once; a ``multiprocessing`` pool forked
after that starts with the whole site in memory and renders the pages in chunks, each into the
staging folder. A worker sends back only what the rest of the build needs of its pages
(``PageState``) and the warnings it logged (strict mode counts them). The search index is one more
task of the same pool.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator import progress
from generator.mkdocs import internals
from generator.mkdocs.lazysite import LazySite
from generator.mkdocs.plugin import HelpCenterPlugin
from generator.rendering import csp

log = logging.getLogger("mkdocs.plugins.helpcenter")

PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")
CHUNKS_PER_WORKER = 8
"""Small enough that the workers finish together, large enough that a page's state travels in batches."""


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class BuildStats:
    pages: int
    locales: int


@dataclass
class PageState:
    """What the build needs of a page a worker rendered: the sitemap reads its metadata, the anchor
    check its links and anchors, ``_headers`` the code it runs inline."""

    meta: dict[str, Any]
    title: str | None
    update_date: str
    links: dict[str, dict[str, str]]
    """Links to anchors, by the linked file's ``src_uri``."""
    anchors: set[str] | None

    @classmethod
    def of(cls, page: Page) -> PageState:
        links = {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()}
        return cls(meta=dict(page.meta), title=internals.rendered_title(page), update_date=page.update_date,
                   links=links, anchors=page.present_anchor_ids)

    def restore(self, site: LazySite, page: Page) -> None:
        page.meta, page.update_date = self.meta, self.update_date
        internals.set_rendered_title(page, self.title)
        page.markdown = page.content = ""  # read and rendered, as far as the sitemap can tell
        linked = {site.files.get_file_from_path(src): links for src, links in self.links.items()}
        page.links_to_anchors = {to: links for to, links in linked.items() if to is not None}
        page.present_anchor_ids = self.anchors


def pages_are_independent(config: Any) -> bool:
    """Whether only our plugin sees pages being rendered: another plugin may keep something of every page
    it sees (a blog index), which a worker's copy would keep for nobody; then pages render here, one by one."""
    return all(isinstance(getattr(handler, "__self__", None), HelpCenterPlugin)
               for event in PAGE_EVENTS for handler in config.plugins.events.get(event, []))


def build(config: Any, workers: int | None = None) -> BuildStats:
    """A strict build like ``mkdocs.commands.build.build`` into ``config.site_dir``, on ``workers``
    processes (every usable core by default)."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        site = LazySite(config, for_preview=False)
        site.write_static_files()
        progress.stage("rendering pages")
        workers = workers or usable_cores()
        if workers > 1 and len(site.pages) > 2 * workers and pages_are_independent(site.config):
            _render_in_pool(site, counter, workers)
        else:
            for done, uri in enumerate(site.pages, start=1):
                site.render(uri)
                progress.step(done, len(site.pages))
        progress.stage("checking links, writing the sitemap")
        _validate_anchor_links(site)
        site.render_templates()
        site.config.plugins.on_post_build(config=site.config)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
    except Exception as err:
        config.plugins.on_build_error(error=err)
        if isinstance(err, BuildError):
            log.error(str(err))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    return BuildStats(pages=len(site.pages), locales=site.plugin.locales if site.plugin else 1)


_FORKED: dict[str, LazySite] = {}
"""The site the pool's workers render, under ``"site"``: set before the pool forks them, so each starts with it."""


def _render_in_pool(site: LazySite, counter: CountHandler, workers: int) -> None:
    uris = list(site.pages)
    site.render(uris[0])  # before forking: the workers start with the theme's templates compiled
    size = max(1, len(uris) // (workers * CHUNKS_PER_WORKER))
    chunks = [uris[i:i + size] for i in range(1, len(uris), size)]
    _FORKED["site"] = site
    gc.freeze()  # what exists before the fork stays out of the workers' collections: fewer pages copied
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            search = pool.apply_async(_search_files) if site.plugin is not None else None
            done = 1
            for states, code, counts in pool.imap_unordered(_render_chunk, chunks):
                for uri, state in states.items():
                    state.restore(site, site.pages[uri])
                if site.plugin is not None:
                    site.plugin.add_inline_code(code)
                for level, count in counts.items():
                    counter.counts[level] += count
                done += len(states)
                progress.step(done, len(uris))
            if search is not None and site.plugin is not None:
                site.plugin.search_files.set(search.get())
    finally:
        _FORKED.clear()
        gc.unfreeze()


def _render_chunk(uris: list[str]) -> tuple[dict[str, PageState], csp.InlineCode, Counter[int]]:
    """In a worker: render ``uris``; their states, the site's inline code so far and the warnings logged."""
    site = _FORKED["site"]
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        states = {}
        for uri in uris:
            site.render(uri)
            states[uri] = PageState.of(site.pages[uri])
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    code = site.plugin.site_code if site.plugin is not None else csp.InlineCode()
    return states, code, Counter(counter.counts)


def _search_files() -> dict[str, bytes]:
    plugin = _FORKED["site"].plugin
    assert plugin is not None
    return plugin.search_files.get()


def _validate_anchor_links(site: LazySite) -> None:
    """MkDocs' check of ``page#anchor`` links."""
    level = site.config.validation.links.anchors
    for page in site.pages.values():
        page.validate_anchor_links(files=site.files, log_level=level)
