"""The UI catalogues: every shipped one complete and fillable, which one a language reads, and what a store's
own strings.yml may get wrong (an unknown key, a placeholder, a missing string), reported with file and line."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config.locales import Locale
from generator.errors import ContentError, Problem
from generator.rendering.dates import site_locale
from generator.rendering.strings import (
    REFERENCE,
    SHIPPED,
    catalogue_name,
    load_strings,
    placeholders,
    shipped_catalogue,
    strings_problems,
)

ENGLISH: dict[str, Any] = shipped_catalogue(REFERENCE) or {}
OTHERS = [language for language in SHIPPED if language != REFERENCE]


def keys(catalogue: dict[str, Any]) -> set[str]:
    return {key for key in catalogue if key != "widgets"} | {f"widgets.{key}" for key in catalogue["widgets"]}


def english_text(key: str) -> Any:
    group, _, name = key.partition(".")
    return ENGLISH["widgets"][name] if name else ENGLISH[group]


@pytest.mark.parametrize("language", OTHERS)
def test_every_shipped_catalogue_has_exactly_the_english_keys(language: str) -> None:
    catalogue = shipped_catalogue(language) or {}
    missing, extra = sorted(keys(ENGLISH) - keys(catalogue)), sorted(keys(catalogue) - keys(ENGLISH))
    file = f"generator/rendering/locales/{catalogue_name(language)}.yml"
    assert not missing, f"{file} lacks {len(missing)} key(s) of en.yml; translate them:\n" + "\n".join(
        f"  {key}: {english_text(key)!r}" for key in missing)
    assert not extra, f"{file} has key(s) en.yml does not: {', '.join(extra)}"


@pytest.mark.parametrize("language", OTHERS)
def test_every_shipped_string_fills_only_the_english_placeholders(language: str) -> None:
    catalogue = shipped_catalogue(language) or {}
    for key in sorted(keys(catalogue) & keys(ENGLISH)):
        group, _, name = key.partition(".")
        text, english = (catalogue["widgets"][name], ENGLISH["widgets"][name]) if name else \
            (catalogue[group], ENGLISH[group])
        if isinstance(english, dict):  # a count: every form the language needs, or 'other'
            assert "other" in text and "{count}" in text["other"], (language, key)
            texts, allowed = list(text.values()), placeholders(english["other"])
        else:
            assert isinstance(text, str) and text.strip(), (language, key)
            texts, allowed = [text], placeholders(english)
        for value in texts:
            assert placeholders(value) <= allowed, f"{language} {key}: {value!r} fills {placeholders(value)}"


@pytest.mark.parametrize("language", OTHERS)
def test_shipped_counts_have_every_form_the_language_uses_for_small_numbers(language: str) -> None:
    """"1 Anleitungen" is what a catalogue without German's 'one' would print: each form CLDR gives 0 to 20."""
    needed = {site_locale(language).plural_form(n) for n in range(21)}
    for key in ("article_count", "guide_count"):
        assert needed <= set((shipped_catalogue(language) or {})[key]), (language, key)


@pytest.mark.parametrize(("language", "name"), [
    ("en", "en"), ("en-GB", "en"), ("de-AT", "de"), ("pt-BR", "pt-br"), ("pt-br", "pt-br"), ("ja-JP", "ja"),
    ("zh-Hans", "zh-hans"), ("zh", "zh-hans"), ("zh-CN", "zh-hans"), ("zh-Hans-SG", "zh-hans"),
    ("zh-TW", None), ("zh-Hant", None), ("pt", None), ("pt-PT", None), ("sv", None),
])
def test_a_language_reads_its_catalogue_never_another_script_or_variant(language: str, name: str | None) -> None:
    assert catalogue_name(language) == name


def test_every_shipped_language_has_its_file() -> None:
    folder = resources.files("generator.rendering") / "locales"
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".yml")) == \
        sorted(f"{language.lower()}.yml" for language in SHIPPED)


# --- a store's own strings ------------------------------------------------------------------------------------


def project(tmp_path: Path, code: str, text: str | None, language: str | None = None) -> tuple[Locale, Path]:
    content = tmp_path / "content"
    folder = content / code if code != "en" else content
    folder.mkdir(parents=True, exist_ok=True)
    if text is not None:
        (folder / "strings.yml").write_text(text, "utf-8")
    return Locale(code=code, language=language or code, default=code == "en"), content


def problems(tmp_path: Path, code: str, text: str | None, language: str | None = None) -> list[Problem]:
    locale, content = project(tmp_path, code, text, language)
    found = strings_problems(locale, content)
    with pytest.raises(ContentError) as raised:  # the build stops on the very same problems
        load_strings(locale, content)
    assert raised.value.problems == sorted(found)
    return found


def test_a_store_overrides_a_shipped_string(tmp_path: Path) -> None:
    locale, content = project(tmp_path, "de", "contact_us: Schreib uns\nwidgets:\n  greeting: Moin {name}\n")
    strings = load_strings(locale, content)
    assert strings.get("contact_us") == "Schreib uns"
    assert strings.widgets()["greeting"] == "Moin {name}" and strings.widgets()["signed_in"] == "Angemeldet"


def test_a_misspelt_key_is_an_error_with_file_line_and_a_guess(tmp_path: Path) -> None:
    text = "# our words\ncontact_us: Schreib uns\ncontakt_us: Kontakt\nwidgets:\n  greting: Moin {name}\n"
    assert [str(p) for p in problems(tmp_path, "de", text)] == [
        "content/de/strings.yml:3:1: contakt_us: unknown UI string 'contakt_us' — did you mean 'contact_us'?",
        "content/de/strings.yml:5:3: widgets.greting: unknown UI string 'greting' — did you mean 'greeting'?",
    ]


def test_a_key_like_none_names_where_the_keys_are(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "en", "xyzzy: hello\n")
    assert (problem.path, problem.line, problem.field) == ("content/strings.yml", 1, "xyzzy")
    assert "generator/rendering/locales/en.yml" in problem.message


@pytest.mark.parametrize(("text", "message"), [
    ("back_to_store: Zurück zu {stor}\n", "unknown placeholder {stor}; this string can use {store}"),
    ("contact_us: Kontakt {store}\n", "unknown placeholder {store}; this string has no placeholders"),
    ("contact_us: Kontakt }\n", "a lone '{' or '}'"),
    ("contact_us: [Kontakt]\n", "expected text, got list"),
    ("article_count: \"{count} Artikel\"\n", "expected plural forms, at least other"),
    ("article_count: {ones: x, other: \"{count} Artikel\"}\n", "'ones' is not a plural form — did you mean 'one'?"),
    ("widgets: Hallo\n", "expected a mapping of the scripts' strings"),
])
def test_a_string_the_page_cannot_fill_is_an_error(tmp_path: Path, text: str, message: str) -> None:
    [problem] = problems(tmp_path, "de", text)
    assert (problem.path, problem.line) == ("content/de/strings.yml", 1)
    assert message in problem.message


def test_unreadable_yaml_is_one_problem(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "de", "contact_us: [Kontakt\n")
    assert problem.path == "content/de/strings.yml" and "contact_us" not in problem.field


def test_a_language_without_a_catalogue_says_where_to_start(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "sv", None)
    assert problem.path == "content/sv/strings.yml"
    assert "no UI strings for locale 'sv' (sv)" in problem.message
    assert f"write all {len(keys(ENGLISH))} strings" in problem.message and "pt-BR, ja, zh-Hans" in problem.message


def test_a_partial_catalogue_lists_every_missing_string_with_its_english(tmp_path: Path) -> None:
    english = yaml.safe_load((resources.files("generator.rendering") / "locales" / "en.yml").read_text("utf-8"))
    del english["contact_us"], english["widgets"]["greeting"]
    found = problems(tmp_path, "sv", yaml.safe_dump(english, allow_unicode=True))
    assert [str(p) for p in found] == [
        "content/sv/strings.yml:1:1: contact_us: missing UI string for locale 'sv' (sv); in English: 'Contact us'",
        "content/sv/strings.yml:1:1: widgets.greeting: missing UI string for locale 'sv' (sv); in English: "
        "'Hi, {name}'",
    ]


def test_a_one_language_site_keeps_english_for_a_language_without_a_catalogue(tmp_path: Path) -> None:
    locale, content = project(tmp_path, "en", None)
    swedish = Locale(code="sv", language="sv", default=True)
    assert load_strings(swedish, content, strict=False).get("contact_us") == "Contact us"
    assert load_strings(locale, content).get("contact_us") == "Contact us"
