"""Every locale's pages from the fixture help center of tests/examples/multilingual (English, with Arabic,
Japanese and French partly translated): which pages exist, fallback marking, hreflang only between real
translations, right-to-left data, search per locale; golden files for French pages; configuration errors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from generator.config.project import Project, project_from_settings
from generator.errors import ConfigError, ContentError
from generator.rendering.site import Output, generate
from generator.search import SearchIndex
from tests.conftest import EXAMPLES, GOLDEN
from tests.helpers import settings

FIXTURE = EXAMPLES / "multilingual"
GOLDEN_FR = GOLDEN / "multilingual"
LOCALES: list[Any] = ["en", {"code": "ar", "site_name": "مركز المساعدة"}, "ja",
                      {"code": "fr", "store": {"links": {"contact": "/fr/pages/contact"}}}]


def project(locales: Any = LOCALES, root: Path = FIXTURE) -> Project:
    config = settings()
    config["extra"]["locales"] = locales
    return project_from_settings(root / "mkdocs.yml", config, {})


@pytest.fixture(scope="module")
def output() -> Output:
    return generate(project())


def front_matter(output: Output, path: str) -> dict[str, Any]:
    import yaml

    page = next(p for p in output.pages if p.path == path)
    data: dict[str, Any] = yaml.safe_load(page.content.split("---\n")[1])
    return data


def content(output: Output, path: str) -> str:
    return next(p.content for p in output.pages if p.path == path)


def test_each_locale_publishes_only_what_it_translates(output: Output) -> None:
    paths = {p.path for p in output.pages}
    assert {"ar/index.md", "ar/orders/index.md", "ar/orders/order-status.md", "ar/care/index.md"} <= paths
    assert "ar/orders/returns.md" not in paths and "ar/shipping/index.md" not in paths
    assert "ar/care/leather.md" not in paths
    assert {"ja/orders/returns.md", "ja/care/leather.md"} <= paths and "ja/shipping/customs.md" not in paths
    english = {p for p in paths if "/" not in p or p.split("/")[0] in ("orders", "shipping", "care")}
    assert english == {"index.md", "orders/index.md", "orders/order-status.md", "orders/returns.md",
                       "shipping/index.md", "shipping/customs.md", "care/index.md", "care/leather.md"}


def test_untranslated_entries_are_listed_marked_and_link_to_the_default_language(output: Output) -> None:
    category = content(output, "ar/orders/index.md")
    assert "[أين طلبي؟](order-status.md)" in category
    assert ('[Can I return an item?](../../orders/returns.md){ hreflang="en" lang="en" dir="ltr" } '
            '<span class="hc-lang-mark">بالإنجليزية</span>') in category
    home = content(output, "ja/index.md")
    assert '[**Shipping**](../shipping/index.md){ .hc-card__link hreflang="en" lang="en" dir="ltr" }' in home
    assert '<span class="hc-lang-mark">英語</span>' in home
    related = front_matter(output, "fr/orders/order-status.md")["hc"]["related"]
    marked = {"lang": "en", "dir": "ltr", "mark": "en anglais"}
    assert related == [{"title": "Can I return an item?", "url": "orders/returns/", **marked},
                       {"title": "Will I pay customs duties?", "url": "shipping/customs/", **marked}]


def test_links_in_a_translation_go_to_the_translation_or_the_default_language(output: Output) -> None:
    assert "[返品について](returns.md)" in content(output, "ja/orders/order-status.md")
    assert "[كيف تعمل المرتجعات](../../orders/returns.md)" in content(output, "ar/orders/order-status.md")


def test_hreflang_only_between_real_translations(output: Output) -> None:
    alternates = front_matter(output, "ja/orders/returns.md")["hc"]["alternates"]
    assert alternates == [  # only English and Japanese have 'returns' (Arabic and French do not translate it)
        {"hreflang": "en", "href": "https://help.example.com/orders/returns/"},
        {"hreflang": "ja", "href": "https://help.example.com/ja/orders/returns/"},
        {"hreflang": "x-default", "href": "https://help.example.com/orders/returns/"},
    ]
    assert front_matter(output, "orders/returns.md")["hc"]["alternates"] == alternates
    assert "alternates" not in front_matter(output, "shipping/customs.md")["hc"]  # translated nowhere


def test_theme_data_per_locale(output: Output) -> None:
    locales = output.template_data["locales"]
    assert output.template_data["default_locale"] == "en"
    arabic = locales["ar"]
    assert (arabic["dir"], arabic["language"], arabic["site_name"]) == ("rtl", "ar", "مركز المساعدة")
    assert (locales["ja"]["dir"], locales["ja"]["name"]) == ("ltr", "日本語")
    assert locales["fr"]["store"]["links"]["contact"] == "https://shop.example.com/fr/pages/contact"
    assert locales["en"]["store"]["links"]["contact"] == "https://shop.example.com/pages/contact"
    assert locales["fr"]["strings"]["still_need_help"] == "Besoin d'aide\u202f?"
    shipping = next(c for c in locales["ja"]["categories"] if c["id"] == "shipping")
    assert (shipping["url"], shipping["lang"]) == ("shipping/", "en")


def test_each_locale_has_its_own_search_index_with_untranslated_articles_marked(output: Output) -> None:
    manifest = json.loads(output.files["ja/assets/search/index.json"])
    assert manifest["language"] == "ja"
    assert json.loads(output.files["assets/search/index.json"])["language"] == "en"
    files = {path.removeprefix("fr/"): data for path, data in output.files.items() if path.startswith("fr/")}
    results = SearchIndex.from_files(files).search("customs duties", 5).results
    assert results and results[0].id == "customs" and results[0].url == "shipping/customs/"
    rows = [row for name, data in files.items() if "docs-" in name for row in json.loads(data)]
    by_id = {row[0]: row for row in rows}
    assert by_id["order-status"][2] == "fr/orders/order-status/" and len(by_id["order-status"]) == 5
    assert by_id["customs"][5] == "en"
    ja_rows = [row for name, data in output.files.items() if name.startswith("ja/assets/search/docs-")
               for row in json.loads(data)]
    assert next(row for row in ja_rows if row[0] == "leather")[3] == "お手入れガイド"  # not "Care guides"


def test_french_pages_match_the_golden_files(output: Output) -> None:
    produced = {p.path: p.content for p in output.pages if p.path.startswith("fr/orders/")}
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in produced.items():
            (GOLDEN_FR / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN_FR / path).write_text(text, encoding="utf-8")
    expected = {str(p.relative_to(GOLDEN_FR)): p.read_text("utf-8") for p in GOLDEN_FR.rglob("*.md")}
    assert produced == expected, "UPDATE_GOLDEN=1 to accept an intended change, then review the diff"


@pytest.mark.parametrize(("locales", "message"), [
    ("fr", "extra.locales: expected a list of locales"),
    ([{"code": "FR"}], "extra.locales[0].code: 'FR' is not a locale code"),
    (["en", {"code": "fr", "langauge": "fr"}], "unknown key 'langauge'; did you mean 'language'?"),
    (["en", "fr", "en"], "extra.locales: 'en' is listed twice"),
    ([{"code": "en", "default": True}, {"code": "fr", "default": True}], "only one locale can be the default"),
    (["en", {"code": "fr", "dir": "up"}], "extra.locales[1] (fr).dir: 'up' is not a direction; use ltr or rtl"),
    (["en", {"code": "fr", "store": {"links": {"contakt": "/x"}}}],
     "extra.locales[1] (fr).store.links: unknown link 'contakt'"),
])
def test_configuration_errors_say_what_to_fix(locales: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")
                       .replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        project(locales)


def test_the_default_can_be_any_locale_and_is_published_at_the_root() -> None:
    locales = project(["fr", {"code": "en", "default": True}]).locales
    assert [(locale.code, locale.prefix) for locale in locales] == [("en", ""), ("fr", "fr/")]


def test_a_language_the_generator_does_not_ship_needs_its_catalogue(tmp_path: Path) -> None:
    (tmp_path / "content").symlink_to(FIXTURE / "content")
    with pytest.raises(ContentError) as raised:  # all or nothing: no English among Swedish words
        generate(project(["en", {"code": "xx-yy", "language": "sv"}], tmp_path))
    [problem] = raised.value.problems
    assert problem.path == "content/xx-yy/strings.yml"
    assert problem.message.startswith("no UI strings for locale 'xx-yy' (sv): the generator ships en, fr, de")


def test_a_shipped_language_needs_no_catalogue_of_the_store(output: Output) -> None:
    assert not (FIXTURE / "content" / "ja" / "strings.yml").exists()
    strings = output.template_data["locales"]["ja"]["strings"]
    assert strings["still_need_help"] == "解決しませんでしたか？"


def test_a_one_language_site_has_no_locale_in_its_pages() -> None:
    from tests.helpers import project_for

    output = generate(project_for(EXAMPLES / "good" / "minimal"))
    assert all("locale:" not in p.content and "alternates" not in p.content for p in output.pages)
    assert list(output.template_data["locales"]) == ["en"]


def test_a_one_language_site_s_home_is_described_by_its_site_description() -> None:
    from tests.helpers import project_for

    raw = {**settings(), "site_description": "Everything about your Teststore orders."}
    one = project_from_settings(EXAMPLES / "good" / "minimal" / "mkdocs.yml", raw, {})
    assert one.default_locale.site_description == "Everything about your Teststore orders."
    home = next(p for p in generate(one).pages if p.path == "index.md")
    assert "description: Everything about your Teststore orders.\n" in home.content
    assert "description: Everything" not in next(p.content for p in generate(project_for(
        EXAMPLES / "good" / "minimal")).pages if p.path == "index.md")
