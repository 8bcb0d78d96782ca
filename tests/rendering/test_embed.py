"""The embedded widget's files, written by the core: the loader with each locale's words and the brand, the
panel around the theme's own scripts (unchanged), each locale's data, and extra.embed checked against the content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.config.project import load_project
from generator.errors import ConfigError
from generator.rendering.embed import cors_headers, script_tag
from generator.rendering.site import generate
from tests.conftest import EXAMPLES, REPO, STORE
from tests.helpers import copy_site_project

THEME = REPO / "theme" / "assets" / "javascripts"


def project_with(tmp_path: Path, content: Path, **extra: object) -> Path:
    root = copy_site_project(tmp_path / "project", content)
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8").replace("!!python", "#"))
    config["extra"].pop("embed", None)
    config["extra"].update(extra)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return generate(load_project(STORE / "mkdocs.yml"), search=False).files


def loader_config(files: dict[str, bytes]) -> dict[str, object]:
    match = re.search(r"var C=(\{.*?\}),me=", files["assets/embed.js"].decode("utf-8"))
    assert match, "the loader carries its configuration"
    found: dict[str, object] = json.loads(match.group(1))
    return found


def test_the_loader_has_every_locales_words_and_the_brand(files: dict[str, bytes]) -> None:
    config = loader_config(files)
    locales = config["l"]
    assert isinstance(locales, dict)
    assert locales["en"]["t"]["launcher"] == "Help" and locales["fr"]["t"]["launcher"] == "Aide"
    assert locales["fr"]["p"] == "fr/" and config["d"] == "en"
    assert "#1f4e4a" in str(config["css"]) and config["b"] == {"side": "right"}


def test_the_panel_carries_the_help_centers_own_scripts_unchanged(files: dict[str, bytes]) -> None:
    panel = files["assets/embed/panel.js"].decode("utf-8")
    for script in ("hc-search-engine.js", "hc-widgets.js", "hc-events.js"):
        assert (THEME / script).read_text("utf-8") in panel
    assert "__" + "ENGINE__" not in panel and "__PANEL_CSS__" not in panel
    stemmer = files["assets/embed/stemmer-french.js"].decode("utf-8")
    assert "target.FrenchStemmer = FrenchStemmer" in stemmer


def test_each_locale_has_its_strings_store_and_suggestions(files: dict[str, bytes]) -> None:
    french = json.loads(files["assets/embed/fr.json"])
    assert french["strings"]["embed_suggested"] == "Suggestions pour cette page"
    assert french["strings"]["server"]  # the order lookup's own messages
    assert french["index"] == "fr/assets/search/" and french["home"] == "fr/"
    assert french["pages"][0] == {"path": "/products/*", "topic": "care"}
    care = french["topics"]["care"]
    assert care and all(item["url"].startswith(("fr/care/", "care/")) for item in care)


def test_a_stores_own_topics_list_its_articles_in_each_language(tmp_path: Path) -> None:
    config = project_with(tmp_path, STORE / "content", embed={
        "topics": {"payment": ["payment-failed", "customs-duties"]},
        "pages": [{"path": "/checkout*", "topic": "payment"}]})
    files = generate(load_project(config), search=False).files
    french = json.loads(files["assets/embed/fr.json"])
    assert [item["id"] for item in french["topics"]["payment"]] == ["payment-failed", "customs-duties"]
    assert french["topics"]["payment"][1]["url"] == "fr/shipping-and-delivery/customs-duties/"
    assert french["pages"] == [{"path": "/checkout*", "topic": "payment"}]


def test_a_right_to_left_locale_and_untranslated_suggestions(tmp_path: Path) -> None:
    config = project_with(tmp_path, EXAMPLES / "multilingual" / "content", locales=["en", "ar", "ja", "fr"])
    files = generate(load_project(config), search=False).files
    arabic = json.loads(files["assets/embed/ar.json"])
    assert arabic["dir"] == "rtl"
    [untranslated] = [i for i in arabic["topics"]["shipping"] if i["id"] == "customs"]
    assert untranslated["lang"] == "en" and untranslated["mark"] == "بالإنجليزية"
    assert untranslated["url"] == "shipping/customs/"
    assert "assets/embed/stemmer-arabic.js" in files
    assert "/ar/assets/*\n  Access-Control-Allow-Origin: *" in cors_headers(load_project(config))


def test_a_topic_naming_nothing_stops_the_build_with_the_closest(tmp_path: Path) -> None:
    config = project_with(tmp_path, STORE / "content",
                          embed={"pages": [{"path": "/cart", "topic": "shipping-and-delivry"}]})
    with pytest.raises(ConfigError, match=r"extra.embed.pages\[1\].topic: no topic, category, question or guide is "
                                          r"called 'shipping-and-delivry'; did you mean 'shipping-and-delivery'"):
        generate(load_project(config), search=False)


def test_the_script_tag_has_the_sites_public_address() -> None:
    tag = script_tag(load_project(STORE / "mkdocs.yml"))
    assert tag == '<script src="https://help.kseworks.com/assets/embed.js" async></script>'


def test_a_store_repository_without_a_theme_folder_gets_the_widget(tmp_path: Path) -> None:
    """The panel is made of the theme the site's pages load: the packaged one when the store has no custom_dir."""
    config = project_with(tmp_path, STORE / "content")
    assert not (config.parent / "theme").exists()
    made = generate(load_project(config), search=False).files
    panel = made["assets/embed/panel.js"].decode("utf-8")
    assert (THEME / "hc-search-engine.js").read_text("utf-8") in panel


def test_a_light_brand_colour_gets_readable_text_on_the_launcher(tmp_path: Path) -> None:
    """Coral is too light for white text: the launcher writes on it in the derived dark text colour."""
    config = project_with(tmp_path, STORE / "content", brand={"primary": "#ff6f59", "accent": "#a4471c"})
    css = str(loader_config(generate(load_project(config), search=False).files)["css"])
    assert "background:#ff6f59;color:#1e2129" in css and "color:#ffffff" not in css.split(".hc-launcher")[1][:200]
