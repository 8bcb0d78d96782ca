"""``helpcenter export DIR``: the generated pages and a plain configuration, for another engine.

Zensical (Material's successor) reads mkdocs.yml but runs no third-party plugin, so the export
contains everything the plugin would have added: the pages, the extra files, the navigation,
``extra.hc`` for the theme, and a copy of the theme and static files.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.config.project import PLUGIN_NAME, Project
from generator.errors import BuildError
from generator.rendering.site import Output


def exported_config(project: Project, output: Output) -> dict[str, Any]:
    config = dict(project.raw or {})
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = output.nav
    plugins = [p for p in config.get("plugins") or []
               if p != PLUGIN_NAME and not (isinstance(p, dict) and PLUGIN_NAME in p)]
    if plugins:
        config["plugins"] = plugins
    else:
        config.pop("plugins", None)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = "theme"
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra["hc"] = output.template_data
    config["extra"] = extra
    return config


def export(project: Project, output: Output, destination: Path) -> int:
    """Write the export into ``destination`` (which must be empty or absent); returns the page count."""
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise BuildError(f"{destination}: the export folder is not empty; choose a new folder or empty it first")
    destination.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the destination and renamed at the end, so a failure leaves no half export.
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=destination.parent))
    try:
        _write_export(project, output, staging)
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(output.pages)


def _write_export(project: Project, output: Output, destination: Path) -> None:
    docs = destination / "docs"
    docs_source = project.root / str((project.raw or {}).get("docs_dir", "docs"))
    if docs_source.is_dir():
        shutil.copytree(docs_source, docs, dirs_exist_ok=True)
    for page in output.pages:
        _write(docs / page.path, page.content.encode("utf-8"))
    for path, data in output.files.items():
        _write(docs / path, data)
    theme_dir = ((project.raw or {}).get("theme") or {}).get("custom_dir")
    if theme_dir and (project.root / theme_dir).is_dir():
        shutil.copytree(project.root / theme_dir, destination / "theme", dirs_exist_ok=True)
    config = exported_config(project, output)
    header = "# Exported by `helpcenter export`: generated pages, no plugin needed.\n"
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)
    (destination / "mkdocs.yml").write_text(header + text, encoding="utf-8")


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
