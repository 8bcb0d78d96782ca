"""A build with nothing changed since the last one leaves ``site/`` as it is, without starting MkDocs.

After each successful build, ``last-build.json`` in the cache records a fingerprint of every input of
the build and what the published ``site/`` holds (each file's size and modification time). The next
build computes the fingerprint first; when it is the same and ``site/`` still holds exactly what was
published, that site is what a build would write again, byte for byte, and the build stops there.
Anything else (an edited, added or removed file, another version of the code, an environment
variable the configuration reads, another day, a new git commit, a file of ``site/`` touched or
removed) goes on to the full build with its page cache.

Inputs are mkdocs.yml and every file of the folders the build reads (docs, theme, content, the
folders ``watch`` names, hooks), wherever they are; the code and library versions; the environment
variables read; the day (undated pages carry the build's); git's HEAD (dates come from the history).
``site/`` is compared by size and modification time
of each file, as ``make`` and ``rsync`` do: an edit by hand that kept both is not noticed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from generator.mkdocs.cachedbuild import BuildStats, code_version, env_tags
from generator.theme_location import theme_folders

MANIFEST = "last-build.json"
_SKIPPED_FOLDERS = ("node_modules", "__pycache__")
_ENV_READ = ("SOURCE_DATE_EPOCH",)
"""Read by MkDocs (the build date); the generator reads ``HELPCENTER_*`` and mkdocs.yml its ``!ENV`` tags."""


def inputs_fingerprint(config: Any, site_dir: Path) -> str:
    """Everything a build reads, from its loaded (not yet built) configuration."""
    config_file = Path(config.config_file_path)
    root = config_file.resolve().parent
    digest = hashlib.sha256(code_version().encode())
    digest.update(str(site_dir.resolve()).encode() + b"\0")  # the record is of one site folder (--site-dir)
    digest.update(dt.datetime.now(dt.UTC).date().isoformat().encode())  # undated pages: the build day
    digest.update(_git_head(root).encode() + b"\0")  # dates of pages come from git's history
    config_text = config_file.read_text("utf-8", "replace")
    names = {*env_tags(config_text), *_ENV_READ, *(n for n in os.environ if n.startswith("HELPCENTER_"))}
    for name in sorted(names):
        digest.update(f"{name}={os.environ.get(name)}\0".encode())
    for path in [config_file, *_read_files(config, root, site_dir.resolve())]:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read_files(config: Any, root: Path, site_dir: Path) -> list[Path]:
    """The files of the folders a build reads: docs, theme, content, what ``watch`` names, hooks."""
    plugin = config.plugins.get("helpcenter")
    folders = [config.docs_dir, *theme_folders(config), *config.watch, plugin and root / plugin.config.content_dir]
    hooks = [Path(getattr(module, "__file__", "") or "") for module in (config.hooks or {}).values()]
    found = [hook for hook in hooks if hook.is_file()]
    for folder in sorted({Path(f).resolve() for f in folders if f and Path(f).is_dir()}):
        for here, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(d for d in subfolders if d not in _SKIPPED_FOLDERS and Path(here, d) != site_dir)
            found.extend(Path(here, name) for name in sorted(names) if Path(here, name).is_file())
    return found


def _git_head(root: Path) -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def site_state(site_dir: Path) -> dict[str, list[int]]:
    """Each file of the site by path: its size and modification time (ns)."""
    state = {}
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            state[os.path.relpath(path, site_dir)] = [stat.st_size, stat.st_mtime_ns]
    return state


def unchanged_build(cache_dir: Path, fingerprint: str, site_dir: Path) -> BuildStats | None:
    """The last build's figures when nothing changed since it and its site is intact, else None."""
    try:
        last = json.loads((cache_dir / MANIFEST).read_text("utf-8"))
        if last["fingerprint"] != fingerprint or not site_dir.is_dir() or last["site"] != site_state(site_dir):
            return None
        return BuildStats(pages=int(last["pages"]), reused=int(last["pages"]), locales=int(last["locales"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no record, or a damaged one: build


def forget(cache_dir: Path) -> None:
    """Before ``site/`` changes: a build interrupted after its swap must not leave a record that matches."""
    (cache_dir / MANIFEST).unlink(missing_ok=True)


def record(cache_dir: Path, fingerprint: str, site_dir: Path, stats: BuildStats) -> None:
    data = {"fingerprint": fingerprint, "pages": stats.pages, "locales": stats.locales, "site": site_state(site_dir)}
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=cache_dir, prefix=".tmp-", delete=False, encoding="utf-8") as out:
        json.dump(data, out)
    os.replace(out.name, cache_dir / MANIFEST)
