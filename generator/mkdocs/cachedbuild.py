"""``helpcenter build`` with a page cache: a page whose inputs did not change is not rendered again.

Each rendered page is stored under ``.cache/helpcenter/pages/`` by a key that holds every input that
shapes it: the page's own Markdown (front matter included), and a site key made of mkdocs.yml, the
environment variables it reads, what the plugin added to the configuration (navigation, theme data),
the list of the site's files (links), the theme's files, the generator's own code and the versions of
the libraries that render pages. A hit is what rendering again would give. An entry is written
(atomically) only once its page rendered; it carries a checksum, so a truncated or corrupted entry is
noticed, reported and rendered again, never published. Deleting ``.cache/`` is always safe.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import re
import shutil
import struct
import sys
import tempfile
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

from generator import memo, progress
from generator.mkdocs.lazysite import LazySite

log = logging.getLogger("mkdocs.plugins.helpcenter")

CACHE_FORMAT = "1"
RENDERING_LIBRARIES = ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "PyYAML", "pymdown-extensions", "Pygments")
_ENV_TAG = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


class PageCache:
    """Rendered pages by key, in one file (``pages.pack``), each with a checksum of the page.

    One file rather than one per page: a build of thousands of pages spent more time creating files
    than storing pages. Entries are written to a new pack as the build goes, not kept in memory (at
    5,000 pages that doubled the build's peak memory), and uncompressed (compressing every page
    cost a tenth of a cold build). The new pack replaces the old one only once the whole build
    succeeded, so it keeps only the entries of the last successful build."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reused = 0
        self.broken = 0
        self.stored = self._load()
        self._out: Any = None
        """This build's entries, a file made the pack by ``commit`` only once the whole build
        succeeded: a page that rendered with a warning must not come back from the cache without it."""

    def _load(self) -> dict[str, memoryview]:
        """The last build's entries, mapped rather than read: a build reads only the pages it reuses."""
        try:
            with self.path.open("rb") as file:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # no pack yet, or an empty one
            return {}
        entries = _decode(memoryview(data))
        if entries is None:
            self.broken += 1  # reported once, by build_with_cache: not as MkDocs' warning, which strict counts
            return {}
        return entries

    def get(self, key: str) -> bytes | None:
        stored = self.stored.get(key)
        if stored is None:
            return None
        page = _unpack(stored)
        if page is None:
            self.broken += 1
            return None
        self._keep(key, stored)
        self.reused += 1
        return page

    def put(self, key: str, page: bytes) -> None:
        self._keep(key, hashlib.sha256(page).digest() + page)

    def _keep(self, key: str, entry: bytes | memoryview) -> None:
        if self._out is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._out = tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=".tmp-", delete=False)  # noqa: SIM115 (open across the build, closed by commit or discard)
        self._out.write(key.encode("ascii") + struct.pack(">I", len(entry)))
        self._out.write(entry)

    def commit(self) -> None:
        if self._out is None:
            self.path.unlink(missing_ok=True)  # a site without pages
            return
        self._out.close()
        os.replace(self._out.name, self.path)  # whole or absent, even when the build is interrupted
        self._out = None

    def discard(self) -> None:
        """Drop this build's entries (a failed build): the last successful build's pack stays."""
        if self._out is not None:
            self._out.close()
            Path(self._out.name).unlink(missing_ok=True)
            self._out = None


_KEY = 64  # a sha256 in hex
_CHECKSUM = 32  # a sha256 of the page


def _decode(body: memoryview) -> dict[str, memoryview] | None:
    """The entries by key, or None when the file's structure is damaged (truncated, say); a damaged
    page is found by its own checksum when it is asked for."""
    entries, at = {}, 0
    while at < len(body):
        if at + _KEY + 4 > len(body):
            return None
        key = bytes(body[at:at + _KEY]).decode("ascii", "replace")
        (size,) = struct.unpack(">I", body[at + _KEY:at + _KEY + 4])
        at += _KEY + 4
        entries[key] = body[at:at + size]
        at += size
    return entries if at == len(body) else None


def _unpack(stored: memoryview) -> bytes | None:
    page = bytes(stored[_CHECKSUM:])
    return page if hashlib.sha256(page).digest() == stored[:_CHECKSUM] else None


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
    for name in sorted(set(_ENV_TAG.findall(config_text.decode("utf-8", "replace")))):
        digest.update(f"{name}={os.environ.get(name)}\0".encode())
    extra = {"site_url": config.site_url, "extra": dict(config.extra), "nav": config.nav}
    digest.update(json.dumps(extra, sort_keys=True, default=str).encode())
    digest.update("\n".join(sorted(f.src_uri + ">" + f.dest_uri for f in site.files)).encode())
    if config.theme.custom_dir:  # Material's own files are covered by its version above
        _hash_files(digest, Path(config.theme.custom_dir), ("*",))
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildStats:
    pages: int
    reused: int
    """Pages taken from the cache."""
    locales: int


def build_with_cache(config: Any, cache_dir: Path) -> BuildStats:
    """A strict build like ``mkdocs.commands.build.build``, taking unchanged pages from the cache."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(counter)
    cache = PageCache(cache_dir / "pages.pack")
    core_cache = cache_dir / f"core-{code_version()}.pickle"
    memo.enable(saved_only=True)
    if not memo.load(core_cache):
        cache.broken += 1
    try:
        site = LazySite(config, for_preview=False)
        site.env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_templates_cache(cache_dir)))
        site.write_static_files(None)
        key = site_key(site)
        progress.stage("rendering pages")
        for done, page in enumerate(site.pages.values(), start=1):
            _build_page(site, page, key, cache)
            progress.step(done, len(site.pages))
        progress.stage("checking links, writing the sitemap")
        _validate_anchor_links(site)
        for name in dict.fromkeys(site.templates.values()):
            mkdocs_build._build_theme_template(name, site.env, site.files, site.config, site.nav)
        site.config.plugins.on_post_build(config=site.config)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
        progress.stage("saving the build cache")
        cache.commit()
        _save_core(core_cache)
        if cache.broken:
            print(f"warning: {cache.broken} damaged entries of the build cache ({cache.path.parent}) were ignored "
                  "and their pages rendered again", file=sys.stderr)
    except Exception as err:
        config.plugins.on_build_error(error=err)
        if isinstance(err, BuildError):
            log.error(str(err))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        cache.discard()  # a failed or interrupted build: the pack of the last successful one stays
        logging.getLogger("mkdocs").removeHandler(counter)
    plugin = config.plugins.get("helpcenter")
    project = getattr(plugin, "project", None)
    return BuildStats(pages=len(site.pages), reused=cache.reused, locales=len(project.locales) if project else 1)


def _build_page(site: LazySite, page: Page, key: str, cache: PageCache) -> None:
    markdown = page.file.content_string
    page_key = hashlib.sha256(f"{key}\0{page.file.src_uri}\0{markdown}".encode()).hexdigest()
    cached = cache.get(page_key)
    target = Path(page.file.abs_dest_path)
    if cached is not None:
        anchors, _, html = cached.partition(b"\0")
        _read_metadata(site, page)  # the sitemap reads every page's date
        linked = {site.files.get_file_from_path(src): links for src, links in json.loads(anchors).items()}
        page.links_to_anchors = {to: links for to, links in linked.items() if to is not None}
        # post_page hooks see every page, as in a full build: the policy collects each page's inline code
        # for _headers (applying it again to its own output changes nothing)
        html = site.config.plugins.on_post_page(html.decode("utf-8"), page=page, config=site.config).encode("utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
        return
    site.render(page.file.dest_uri)
    if target.is_file():
        linking = {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()}
        cache.put(page_key, json.dumps(linking).encode() + b"\0" + target.read_bytes())


def _validate_anchor_links(site: LazySite) -> None:
    """MkDocs' check of ``page#anchor`` links; a page linked to by anchor is read again if it came from the cache."""
    level = site.config.validation.links.anchors
    for page in site.pages.values():
        for to_file in page.links_to_anchors or {}:
            target = to_file.page if to_file is not None else None
            if target is not None and target.present_anchor_ids is None:
                mkdocs_build._populate_page(target, site.config, site.files)
        page.validate_anchor_links(files=site.files, log_level=level)


def _read_metadata(site: LazySite, page: Page) -> None:
    config = site.config
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=site.files)
        site.populator.read_source(page)  # the core's metadata, not the front matter parsed again
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=site.files)
    finally:
        config._current_page = None
