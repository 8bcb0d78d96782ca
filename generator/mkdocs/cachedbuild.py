"""``helpcenter build`` with a page cache: a page whose inputs did not change is not rendered again,
and the others are rendered on every core.

Each rendered page is stored in the page cache (``.cache/helpcenter/``, see pagecache.py) by a key that
holds every input that shapes it: the page's own Markdown (front matter included), and a site key made
of mkdocs.yml, the environment variables it reads, what the plugin added to the configuration
(navigation, theme data), the list of the site's files (links), the theme's files, the generator's own
code and the versions of the libraries that render pages. A hit is what rendering again would give,
with the state the rest of the build needs of the page (``PageState``). Pages to render are shared
between this process and forks of it (forking.py) when only our plugin sees pages being rendered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator import forking, memo, progress
from generator.mkdocs.lazysite import LazySite
from generator.mkdocs.pagecache import Entry, PageCache, Part, published_copy
from generator.rendering import csp
from generator.theme_location import theme_folders

log = logging.getLogger("mkdocs.plugins.helpcenter")

CACHE_FORMAT = "2"
RENDERING_LIBRARIES = ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "PyYAML", "pymdown-extensions", "Pygments")
_ENV_TAG = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


def env_tags(config_text: str) -> set[str]:
    """The environment variables mkdocs.yml reads (``!ENV NAME``, ``!ENV [NAME, default]``)."""
    return set(_ENV_TAG.findall(config_text))


def _hash_files(digest: Any, folder: Path, patterns: Iterable[str]) -> None:
    for pattern in patterns:
        for path in sorted(folder.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


@cache
def code_version() -> str:
    """The generator's own code and the libraries' versions: the core's saved results depend on them."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    for name in RENDERING_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    _hash_files(digest, Path(__file__).resolve().parents[1], ("*.py", "*.j2", "*.json"))
    return digest.hexdigest()[:16]


def _templates_cache(cache_dir: Path) -> Path:
    """Compiled theme templates; Jinja checks each against its source, the folder name the versions."""
    folder = cache_dir / f"templates-{code_version()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _save_core(path: Path) -> None:
    for old in path.parent.glob("core-*.pickle"):  # another version of the code wrote it
        if old != path:
            old.unlink(missing_ok=True)
    for old in path.parent.glob("templates-*"):
        if old.name != f"templates-{code_version()}":
            shutil.rmtree(old, ignore_errors=True)
    memo.save(path)


def site_key(site: LazySite) -> str:
    """Everything but a page's own Markdown that shapes its HTML."""
    config = site.config
    digest = hashlib.sha256(code_version().encode())
    config_text = Path(config.config_file_path).read_bytes()
    digest.update(config_text)
    for name in sorted(env_tags(config_text.decode("utf-8", "replace"))):
        digest.update(f"{name}={os.environ.get(name)}\0".encode())
    extra = {"site_url": config.site_url, "extra": dict(config.extra), "nav": config.nav}
    digest.update(json.dumps(extra, sort_keys=True, default=str).encode())
    digest.update("\n".join(sorted(f.src_uri + ">" + f.dest_uri for f in site.files)).encode())
    for folder in theme_folders(config):  # Material's own files are covered by its version above
        _hash_files(digest, folder, ("*",))
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildStats:
    pages: int
    reused: int
    """Pages taken from the cache."""
    locales: int


PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


@dataclass
class PageState:
    """What a build needs of a rendered page besides its HTML: the sitemap reads its metadata, the anchor
    check its links and anchors, ``_headers`` the code it runs inline. Kept with the page in the cache and
    sent back by the forks that render pages, so no page is read again to learn them."""

    meta: dict[str, Any]
    title: str | None
    update_date: str
    links: dict[str, dict[str, str]]
    """Links to anchors, by the linked file's ``src_uri``."""
    anchors: set[str] | None
    code: csp.InlineCode

    @classmethod
    def of(cls, page: Page, code: csp.InlineCode) -> PageState:
        links = {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()}
        return cls(meta=dict(page.meta), title=page._title_from_render, update_date=page.update_date,
                   links=links, anchors=page.present_anchor_ids, code=code)

    def restore(self, site: LazySite, page: Page) -> None:
        """Give ``page`` (never rendered in this process) the state rendering it would have left."""
        page.meta, page._title_from_render, page.update_date = self.meta, self.title, self.update_date
        page.markdown = "" if page.markdown is None else page.markdown  # read, as far as `title` can tell
        page.content = "" if page.content is None else page.content
        linked = {site.files.get_file_from_path(src): links for src, links in self.links.items()}
        page.links_to_anchors = {to: links for to, links in linked.items() if to is not None}
        page.present_anchor_ids = self.anchors


def pages_are_independent(config: Any) -> bool:
    """Whether only our plugin sees pages being rendered. Another plugin may keep something of every
    page it sees (a blog index, a search index): then every page is rendered here, one by one, as
    ``mkdocs build`` would, and nothing comes from the cache."""
    for event in PAGE_EVENTS:
        for handler in config.plugins.events.get(event, []):
            if type(getattr(handler, "__self__", None)).__name__ != "HelpCenterPlugin":
                return False
    return True


def build_with_cache(config: Any, cache_dir: Path, published: Path | None = None,
                     workers: int | None = None) -> BuildStats:
    """A strict build like ``mkdocs.commands.build.build`` into ``config.site_dir``, taking unchanged pages
    from the cache (linked from the ``published`` site when they are there as the last build wrote them)
    and rendering the others on every core (``workers``: how many processes; all usable cores by default)."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(counter)
    cache = PageCache(cache_dir)
    core_cache = cache_dir / f"core-{code_version()}.pickle"
    memo.enable(saved_only=True)
    if not memo.load(core_cache):
        cache.broken += 1
    workers = workers or forking.usable_cores()
    if (plugin := config.plugins.get("helpcenter")) is not None:
        plugin.jobs = workers
    try:
        site = LazySite(config, for_preview=False)
        site.env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_templates_cache(cache_dir)))
        site.write_static_files(None)
        progress.stage("rendering pages")
        keys = {}
        if pages_are_independent(site.config):
            keys = _render_pages(site, cache, counter, published, workers)
        else:
            for done, uri in enumerate(site.pages, start=1):
                site.render(uri)
                progress.step(done, len(site.pages))
        progress.stage("checking links, writing the sitemap")
        _validate_anchor_links(site)
        for name in dict.fromkeys(site.templates.values()):
            mkdocs_build._build_theme_template(name, site.env, site.files, site.config, site.nav)
        site.config.plugins.on_post_build(config=site.config)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
        progress.stage("saving the build cache")
        cache.commit(site.site_dir, keys)
        _save_core(core_cache)
        if cache.broken:
            print(f"warning: {cache.broken} damaged entries of the build cache ({cache_dir}) were ignored "
                  "and their pages rendered again", file=sys.stderr)
    except Exception as err:
        config.plugins.on_build_error(error=err)
        if isinstance(err, BuildError):
            log.error(str(err))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        cache.discard()  # a failed or interrupted build: the last successful one's cache stays as it was
        logging.getLogger("mkdocs").removeHandler(counter)
    project = getattr(plugin, "project", None)
    return BuildStats(pages=len(site.pages), reused=cache.reused, locales=len(project.locales) if project else 1)


def _render_pages(site: LazySite, cache: PageCache, counter: CountHandler, published: Path | None,
                  workers: int) -> dict[str, str]:
    """Every page: from the cache when its key is there, else rendered, here and in forks of this process.
    Returns each page's key by its site path."""
    key = site_key(site)
    plugin = site.config.plugins.get("helpcenter")
    total, todo, keys, reused = len(site.pages), [], {}, []
    for uri, page in site.pages.items():
        page_key = hashlib.sha256(f"{key}\0{page.file.src_uri}\0{page.file.content_string}".encode()).hexdigest()
        keys[uri] = page_key
        found = _cached(page, page_key, cache, published)
        if found is None:
            todo.append((page, page_key))
        else:
            reused.append((page, page_key, found))
    unplaced = _place_reused_files(reused, cache, published, workers)
    for page, page_key, entry in reused:
        if page.file.dest_uri in unplaced and not _write_from_cache(page, page_key, cache):
            todo.append((page, page_key))  # its link failed, and so did its entry's HTML
            continue
        cache.reused += 1
        _adopt(site, plugin, page, pickle.loads(entry.state))
    progress.step(total - len(todo), total)
    if todo:  # the first page here, so that the forks start with the theme's templates compiled
        _render_and_keep(site, cache, plugin, todo[0])
    cache.flush()

    counted = dict(counter.counts)

    def finish() -> tuple[dict[int, int], Part | None]:  # in a fork: what it logged, what it stored
        return {level: n - counted.get(level, 0) for level, n in counter.counts.items()}, cache.close_part()

    states, finished = forking.fork_map(
        lambda item: _render_and_keep(site, cache, plugin, item), todo[1:], workers, finish,
        progress=lambda done: progress.step(total - len(todo) + 1 + done, total))
    for (page, _), state in zip(todo[1:], states, strict=True):
        if page.content is None:  # rendered by a fork
            _adopt(site, plugin, page, state)
    for counts, part in finished:
        for level, count in counts.items():
            counter.counts[level] += count
        cache.absorb(part)
    return keys


def _cached(page: Page, page_key: str, cache: PageCache, published: Path | None) -> Entry | None:
    """The page's entry: its state, and its HTML unless the published site may have the page as it is."""
    record = cache.published.get(page.file.dest_uri)
    may_link = published is not None and record is not None and record[0] == page_key
    return cache.get(page_key, with_html=not may_link)


PLACING_CHUNK = 200
"""Reused pages placed per task: creating a page's folder is most of reusing it on some file systems
(0.5 ms here, against 0.02 ms for a link), so the files are placed on every core too."""


def _place_reused_files(reused: list[tuple[Page, str, Entry]], cache: PageCache, published: Path | None,
                        workers: int) -> set[str]:
    """Link (or write) each reused page's file into the staging folder; the pages whose link failed."""
    def place(chunk: list[tuple[Page, str, Entry]]) -> list[str]:
        failed = []
        for page, page_key, entry in chunk:
            uri, target = page.file.dest_uri, Path(page.file.abs_dest_path)
            if entry.html is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(entry.html)
            elif published is None or not published_copy(published, uri, cache.published.get(uri), page_key, target):
                failed.append(uri)
        return failed

    chunks = [reused[i:i + PLACING_CHUNK] for i in range(0, len(reused), PLACING_CHUNK)]
    failed, _ = forking.fork_map(place, chunks, workers)
    return {uri for part in failed for uri in part}


def _write_from_cache(page: Page, page_key: str, cache: PageCache) -> bool:
    entry = cache.get(page_key)
    if entry is None or entry.html is None:
        return False
    target = Path(page.file.abs_dest_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(entry.html)
    return True


def _adopt(site: LazySite, plugin: Any, page: Page, state: PageState) -> None:
    """A page this process did not render (reused, or rendered by a fork) takes the state it left."""
    state.restore(site, page)
    if plugin is not None:
        plugin.site_code.update(state.code)


def _render_and_keep(site: LazySite, cache: PageCache, plugin: Any, item: tuple[Page, str]) -> PageState:
    """Render one page and keep it in the cache with its state; the state is also returned (from a fork)."""
    page, page_key = item
    code = csp.InlineCode()  # this page's own inline code, kept with it
    site_code = plugin.site_code if plugin is not None else csp.InlineCode()
    if plugin is not None:
        plugin.site_code = code
    try:
        site.render(page.file.dest_uri)
    finally:
        if plugin is not None:
            plugin.site_code = site_code
        site_code.update(code)
    state = PageState.of(page, code)
    target = Path(page.file.abs_dest_path)
    if target.is_file():
        cache.put(page_key, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), target.read_bytes())
    return state


def _validate_anchor_links(site: LazySite) -> None:
    """MkDocs' check of ``page#anchor`` links; a page linked to by anchor is read again if it came from the cache."""
    level = site.config.validation.links.anchors
    for page in site.pages.values():
        for to_file in page.links_to_anchors or {}:
            target = to_file.page if to_file is not None else None
            if target is not None and target.present_anchor_ids is None:
                site.populator.populate(target, site.files)
        page.validate_anchor_links(files=site.files, log_level=level)
