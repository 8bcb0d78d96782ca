"""Building and serving with MkDocs: the only place, besides the plugin, that calls MkDocs.

A build goes into a fresh folder beside ``site/`` and replaces it only once MkDocs finished
without a warning (strict), so a failed build never damages the site that is already there.
Builds of one site take turns through a lock file beside it, and each clears the staging folders
an interrupted build (killed, power cut) left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

import jinja2

from generator.errors import BuildError, ContentError, Problem
from generator.mkdocs.plugin import CONTENT_PROBLEMS_HEADING

if TYPE_CHECKING:
    from generator.mkdocs.cachedbuild import BuildStats

log = logging.getLogger("helpcenter")


class _NotContentProblems(logging.Filter):
    """The CLI prints content problems itself, editor-style; MkDocs' copy of them would repeat them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(CONTENT_PROBLEMS_HEADING)


class _MkDocsFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<7} -  {record.getMessage()}"


@contextmanager
def mkdocs_logging(verbose: bool = False, quiet: bool = False) -> Iterator[None]:
    """Show MkDocs' warnings (and info with --verbose) the way ``mkdocs build`` does."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_MkDocsFormatter())
    handler.addFilter(_NotContentProblems())
    handler.setLevel(logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def build_site(config_file: Path, site_dir: Path, verbose: bool = False, quiet: bool = False,
               jobs: int | None = None) -> BuildStats:
    """Strict MkDocs build into a temporary folder, then swapped into ``site_dir``; unchanged pages come
    from the page cache (``.cache/helpcenter/`` beside mkdocs.yml: see cachedbuild.py), the others are
    rendered by ``jobs`` processes (one per usable core by default)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site_dir):
        clear_leftovers(site_dir)
        return _build_and_swap(config_file, site_dir, verbose, quiet, jobs)


def _build_and_swap(config_file: Path, site_dir: Path, verbose: bool, quiet: bool, jobs: int | None) -> BuildStats:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs import unchanged
    from generator.mkdocs.cachedbuild import build_with_cache

    cache_dir = config_file.resolve().parent / ".cache" / "helpcenter"
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    config = None
    emptying, recycled = None, False
    try:
        with mkdocs_logging(verbose, quiet):
            config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
            fingerprint = unchanged.inputs_fingerprint(config, site_dir)
            if (same := unchanged.unchanged_build(cache_dir, fingerprint, site_dir)) is not None:
                return same
            # Not before: a build with nothing changed is quicker without.
            recycled = recycle_previous_site(cache_dir / TRASH, site_dir.name, staging)
            emptying = empty_trash(cache_dir / TRASH)  # any other previous site
            config.plugins.on_startup(command="build", dirty=False)
            try:
                stats = build_with_cache(config, cache_dir, published=site_dir, workers=jobs)
            finally:
                config.plugins.on_shutdown()
        if recycled:
            remove_empty_folders(staging)  # of pages that are no more
        unchanged.forget(cache_dir)
        _swap_into_place(staging, site_dir, cache_dir / TRASH)
        unchanged.record(cache_dir, fingerprint, site_dir, stats)
        return stats
    except MkDocsException as err:
        problems = content_problems(config)
        if problems:  # MkDocs logs the plugin's error and aborts; give the CLI the problems themselves
            raise ContentError(problems) from None  # strict-mode warnings end as mkdocs.exceptions.Abort
        raise BuildError(f"the build failed, {site_dir.name}/ was left as it was: {err}") from None
    except jinja2.TemplateError as err:
        where = f" ({err.filename}:{err.lineno})" if isinstance(err, jinja2.TemplateSyntaxError) else ""
        raise BuildError(f"a theme template failed{where}: {err}; {site_dir.name}/ was left as it was") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if emptying is not None:
            emptying.wait()


def lock_path(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.lock"


@contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Hold the site's build lock, or fail at once with who holds it; the lock file goes when released.

    ``flock`` is released by the system when a build dies, so a crash never leaves a stale lock.
    """
    path = lock_path(site_dir)
    dying_until = time.monotonic() + DYING_BUILD_WAIT
    while True:
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            if not _alive(holder) and time.monotonic() < dying_until:
                time.sleep(0.02)  # a killed build whose forks are ending: they hold the lock a moment longer
                continue
            raise BuildError(f"another build of {site_dir.name}/ is running ({holder}); "
                             f"wait for it to finish, then build again (lock: {path})") from None
        if _same_file(handle, path):  # not a lock file that its last holder removed meanwhile
            break
        handle.close()
    try:
        handle.truncate(0)
        handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        yield
    finally:
        path.unlink(missing_ok=True)  # before unlocking: a waiting build then locks a fresh file
        handle.close()


DYING_BUILD_WAIT = 5.0
"""Seconds to wait for the lock of a build that was killed: its forks (forking.py) share the lock's file
and end with it, a moment after it."""


def _alive(holder: str) -> bool:
    """Whether the process the lock file names (``pid N, started …``) still runs; True when unknown."""
    match = re.match(r"pid (\d+)", holder)
    if match is None:
        return True
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: it runs
        return True
    state = Path(f"/proc/{match.group(1)}/stat")
    try:  # a zombie (ended, not yet reaped by its parent) runs no more
        return state.read_text().rsplit(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except FileNotFoundError:
        return False


_LEFTOVER = r"\.{name}-(?:build|old)-[a-z0-9_]{{8}}"


def clear_leftovers(site_dir: Path) -> list[Path]:
    """Remove the staging folders of interrupted builds of ``site_dir``; call it holding the lock.

    A build killed between the two renames of the swap left no ``site_dir`` but the previous site
    as ``.site-old-…``: that one is put back, so a failing build after it still leaves a site.
    """
    pattern = re.compile(_LEFTOVER.format(name=re.escape(site_dir.name)))
    leftovers = [p for p in sorted(site_dir.parent.iterdir()) if p.is_dir() and pattern.fullmatch(p.name)]
    previous = [p for p in leftovers if p.name.startswith(f".{site_dir.name}-old-")]
    if not site_dir.exists() and len(previous) == 1:
        previous[0].rename(site_dir)
        leftovers.remove(previous[0])
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
    return leftovers


def content_problems(config: object) -> list[Problem]:
    """The content problems the plugin met, if the build stopped because of them."""
    plugins = getattr(config, "plugins", None) or {}
    plugin = plugins.get("helpcenter") if hasattr(plugins, "get") else None
    return list(getattr(plugin, "content_problems", []))


def _swap_into_place(staging: Path, site_dir: Path, trash: Path | None = None) -> None:
    """Replace ``site_dir`` by ``staging`` with two renames, so it is never half-written; the previous site
    goes to ``trash``: the next build takes its folders (``recycle_previous_site``)."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is None:
        return
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            old.rename(trash / old.name)
            return
        except OSError:  # another file system than the cache's: removed here
            pass
    shutil.rmtree(old, ignore_errors=True)


TRASH = "trash"
"""The previous site, under the cache folder: the next build's staging folder (``recycle_previous_site``)."""


def recycle_previous_site(trash: Path, name: str, staging: Path) -> bool:
    """Make the newest previous site in ``trash`` the (empty) ``staging`` folder, keeping its folders.

    Creating a folder costs far more than a file here (about 0.5 ms against 0.02 ms for a link: at
    5,000 pages, each in a folder of its own, more than the rest of a one-edit build). A previous
    site has nearly every folder the next one needs; its files are all removed first, so every file
    of the new site is written or linked anew, never written into (a page linked from the published
    site shares its file with it). False when there is none, or it is on another file system."""
    previous = sorted(trash.glob(f".{name}-old-*"), key=lambda p: p.stat().st_mtime_ns) if trash.is_dir() else []
    if not previous:
        return False
    try:
        previous[-1].rename(staging)  # over the empty folder mkdtemp made
    except OSError:
        return False
    for folder, _, names in os.walk(staging):
        for file_name in names:
            os.unlink(os.path.join(folder, file_name))
    return True


def remove_empty_folders(root: Path) -> None:
    """Folders a recycled staging folder had that the new site left empty (a removed article's)."""
    for folder, _, names in os.walk(root, topdown=False):
        if not names and folder != str(root):
            with contextlib.suppress(OSError):  # not empty: a folder below it is still used
                os.rmdir(folder)


def empty_trash(trash: Path) -> subprocess.Popen[bytes] | None:
    """Remove what else is in ``trash`` (previous sites a killed build left there) in a process of its
    own, beside the build's work rather than before it; the caller waits for it at the end."""
    paths = [str(p) for p in trash.iterdir()] if trash.is_dir() else []
    if not paths:
        return None
    code = "import shutil, sys\nfor folder in sys.argv[1:]: shutil.rmtree(folder, ignore_errors=True)"
    return subprocess.Popen([sys.executable, "-c", code, *paths], stdin=subprocess.DEVNULL)
