"""Where the help center's theme is, and how a build reads it.

The theme ships inside the wheel as ``generator/theme/`` (pyproject.toml maps the repository's
``theme/`` there), so a store's repository needs nothing but ``pip install``. In this repository's
source tree (an editable install) the theme is read from ``theme/`` in place, never copied. A build
reads templates from the store's own ``custom_dir`` first, if it has one, then from this theme, then
from Material's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import HelpCenterError

_MARKER = "main.html"

STYLESHEETS = ("assets/stylesheets/hc.css", "assets/stylesheets/hc-widgets.css", "assets/stylesheets/hc-search.css")
"""The theme's stylesheets, before any the store lists in ``extra_css``."""
SCRIPTS = ("assets/javascripts/hc-widgets.js", "assets/javascripts/hc-search-engine.js",
           "assets/javascripts/hc-search-box.js")
"""The theme's scripts, in the order they need each other (the search box needs the engine)."""
STATIC_TEMPLATES = ("robots.txt",)
"""Theme templates rendered into whole files besides Material's own (404.html, sitemap.xml)."""


def packaged_theme() -> Path:
    """The theme folder: ``generator/theme/`` in an installed wheel, ``theme/`` beside ``generator/`` in the source."""
    package = Path(__file__).resolve().parent
    for folder in (package / "theme", package.parent / "theme"):
        if (folder / _MARKER).is_file():
            return folder
    raise HelpCenterError(f"the help center's theme is missing from {package}: reinstall the helpcenter package")


def put_theme_in_front(config: Any) -> None:
    """Read templates from the store's ``custom_dir``, then the packaged theme, then Material; load its files."""
    theme = config.theme
    folder = str(packaged_theme())
    dirs: list[str] = theme.dirs
    if all(Path(d).resolve() != Path(folder) for d in dirs):
        dirs.insert(1 if theme.custom_dir else 0, folder)
    theme.static_templates.update(STATIC_TEMPLATES)
    config.extra_css[:0] = [name for name in STYLESHEETS if name not in config.extra_css]
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript[:0] = [name for name in SCRIPTS if name not in listed]


def theme_folders(config: Any) -> list[Path]:
    """The folders of templates a build reads besides the installed Material: the store's ``custom_dir``, the theme."""
    custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    return [*custom, packaged_theme()]
