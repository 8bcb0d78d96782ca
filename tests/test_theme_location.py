"""The theme a build reads: the store's custom_dir, then the generator's theme (theme/ in place here), then Material."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from generator.theme_location import SCRIPTS, STYLESHEETS, packaged_theme, put_theme_in_front, theme_folders
from tests.conftest import THEME
from tests.helpers import copy_site_project, override_theme


def test_in_this_repository_the_theme_is_read_from_theme_in_place() -> None:
    assert packaged_theme() == THEME


def test_the_theme_comes_before_materials_and_after_the_stores_own(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "plain")
    config = load_config(str(root / "mkdocs.yml"))
    put_theme_in_front(config)  # what the plugin's on_config does first
    assert Path(config.theme.dirs[0]) == THEME and "material" in config.theme.dirs[1]
    assert theme_folders(config) == [THEME]
    assert "robots.txt" in config.theme.static_templates
    assert config.extra_css[:3] == list(STYLESHEETS)
    assert [str(script) for script in config.extra_javascript][:3] == list(SCRIPTS)
    put_theme_in_front(config)  # twice changes nothing
    assert [Path(d) for d in config.theme.dirs].count(THEME) == 1 and config.extra_css == list(STYLESHEETS)

    custom = override_theme(copy_site_project(tmp_path / "custom"), "partials/footer.html")
    config = load_config(str(custom.parent / "mkdocs.yml"))
    put_theme_in_front(config)
    assert [Path(d) for d in config.theme.dirs[:2]] == [custom, THEME]
    assert theme_folders(config) == [custom, THEME]


def test_a_store_lists_its_own_stylesheets_and_scripts_after_the_themes(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path)
    text = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(text + "extra_css: [assets/store.css, assets/stylesheets/hc.css]\n"
                                     "extra_javascript: [assets/store.js]\n", "utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    put_theme_in_front(config)
    assert config.extra_css == [*STYLESHEETS[1:], "assets/store.css", "assets/stylesheets/hc.css"]
    assert [str(script) for script in config.extra_javascript] == [*SCRIPTS, "assets/store.js"]
