"""Building and serving with MkDocs: the only place, besides the plugin, that calls MkDocs.

A build goes into a fresh folder beside ``site/`` and replaces it only once MkDocs finished
without a warning (strict), so a failed build never damages the site that is already there.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

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


def build_site(config_file: Path, site_dir: Path, verbose: bool = False, quiet: bool = False) -> BuildStats:
    """Strict MkDocs build into a temporary folder, then swapped into ``site_dir``; unchanged pages come
    from the page cache (``.cache/helpcenter/`` beside mkdocs.yml: see cachedbuild.py)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs.cachedbuild import build_with_cache

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    config = None
    try:
        with mkdocs_logging(verbose, quiet):
            config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                stats = build_with_cache(config, config_file.resolve().parent / ".cache" / "helpcenter")
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


def content_problems(config: object) -> list[Problem]:
    """The content problems the plugin met, if the build stopped because of them."""
    plugins = getattr(config, "plugins", None) or {}
    plugin = plugins.get("helpcenter") if hasattr(plugins, "get") else None
    return list(getattr(plugin, "content_problems", []))


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
