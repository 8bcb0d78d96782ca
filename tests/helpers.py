"""Small helpers to make projects and content folders for tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from generator.config.project import Project, project_from_settings
from tests.conftest import EXAMPLES, REPO


def settings(**extra_store: Any) -> dict[str, Any]:
    """An mkdocs.yml as data, for a project whose content is in ./content."""
    store = {"name": "Teststore", "url": "https://shop.example.com", **extra_store}
    return {
        "site_name": "Teststore Help Center",
        "site_url": "https://help.example.com/",
        "plugins": [{"helpcenter": {"content_dir": "content"}}],
        "extra": {"store": store},
    }


def project_for(root: Path, environ: dict[str, str] | None = None, **extra_store: Any) -> Project:
    return project_from_settings(root / "mkdocs.yml", settings(**extra_store), environ or {})


def copy_example(name: str, destination: Path) -> Path:
    """Copy an example folder (tests/examples/<name>) into ``destination``; returns it."""
    shutil.copytree(EXAMPLES / name, destination, dirs_exist_ok=True)
    return destination


def copy_site_project(destination: Path, content: Path | None = None) -> Path:
    """A copy of the real project (mkdocs.yml, theme, docs) with the given content (default: the real one)."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    for folder in ("theme", "docs"):
        shutil.copytree(REPO / folder, destination / folder)
    shutil.copytree(content or REPO / "content", destination / "content")
    return destination
