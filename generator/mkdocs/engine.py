"""Building and serving with MkDocs: the only place, besides the plugin, that calls MkDocs.

A build goes into a fresh folder beside ``site/`` and replaces it only once MkDocs finished
without a warning (strict), so a failed build never damages the site that is already there.
Builds of one site take turns through a lock file beside it, and each clears the staging folders
an interrupted build (killed, power cut) left behind.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import jinja2

from generator.errors import BuildError, ContentError, Problem
from generator.mkdocs.plugin import CONTENT_PROBLEMS_HEADING, HelpCenterPlugin

if TYPE_CHECKING:
    from generator.mkdocs.build import BuildStats

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
    """Strict MkDocs build into a temporary folder, then swapped into ``site_dir``; pages are rendered by
    ``jobs`` processes (one per usable core by default: see build.py)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site_dir):
        clear_leftovers(site_dir)
        return _build_and_swap(config_file, site_dir, verbose, quiet, jobs)


def _build_and_swap(config_file: Path, site_dir: Path, verbose: bool, quiet: bool, jobs: int | None) -> BuildStats:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs.build import build

    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    config = None
    try:
        with mkdocs_logging(verbose, quiet):
            config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                stats = build(config, jobs)
            finally:
                config.plugins.on_shutdown()
        _swap_into_place(staging, site_dir)
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


def lock_path(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.lock"


@contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Hold the site's build lock, or fail at once with who holds it; the lock file goes when released.

    A POSIX record lock (``lockf``) belongs to this process alone, not to the page-rendering processes it
    forks, and the system releases it when the process dies: a killed build never leaves a stale lock.
    """
    path = lock_path(site_dir)
    while True:
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
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


def content_problems(config: Any) -> list[Problem]:
    """The content problems the plugin met, if the build stopped because of them."""
    plugin = config.plugins.get("helpcenter") if config is not None else None
    return list(plugin.content_problems) if isinstance(plugin, HelpCenterPlugin) else []


def _swap_into_place(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``staging`` with two renames, so it is never half-written."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
