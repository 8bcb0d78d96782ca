"""The help center's own words per language: one catalogue per locale, checked against English.

Catalogues ship with the generator (``generator/rendering/locales/<language>.yml``), so any store gets
them; a store may override any of them in its project (``content/strings.yml`` for the default locale,
``content/<code>/strings.yml`` for another). A key missing from a locale's catalogue is an error naming
the locale and the key: a page must never show one English word among French ones. So is a key English
does not have (a misspelt override would otherwise change nothing) and a placeholder the string cannot fill.
``helpcenter check`` reports these problems exactly as a build does.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from babel import Locale as BabelLocale

from generator.config.locales import Locale
from generator.errors import ContentError, Problem
from generator.reading.sources import Problems, display_path, read_source
from generator.reading.yamlsource import Positions, YamlProblem, parse_yaml
from generator.rendering.dates import site_locale

REFERENCE = "en"
"""The complete catalogue every other one is checked against."""


@dataclass(frozen=True)
class Strings:
    """One locale's catalogue: ``strings.get("contact_us")``, ``strings.count("article_count", 3)``."""

    locale: Locale
    values: Mapping[str, Any]

    def get(self, key: str, **fields: object) -> str:
        text = self.values[key]
        return str(text).format(**fields) if fields else str(text)

    def count(self, key: str, count: int) -> str:
        """A plural by the language's CLDR rules (Babel): French says "1 article" and "0 article"."""
        forms: Mapping[str, str] = self.values[key]
        form = site_locale(self.locale.language).plural_form(count)
        return (forms.get(form) or forms["other"]).format(count=count)

    def language_name(self, language: str) -> str:
        """A language's name in this locale's language: "anglais" for ``en`` on a French page."""
        babel: BabelLocale = site_locale(self.locale.language)
        base = language.split("-", maxsplit=1)[0]
        name = babel.languages.get(language.replace("-", "_")) or babel.languages.get(base)
        return str(name or language)

    def language_name_native(self) -> str:
        """This locale's language in its own words, for the language switcher: "Français", "English"."""
        name = site_locale(self.locale.language).get_display_name()
        return (name[:1].upper() + name[1:]) if name else self.locale.language

    def in_language(self, language: str) -> str:
        """The mark of an untranslated article: "in English", "en anglais"."""
        return self.get("in_language", language=self.language_name(language))

    def widgets(self) -> dict[str, str]:
        """What the page's scripts write (hc-widgets.js, the search box): the page's JSON block of strings."""
        return dict(self.values.get("widgets") or {})

    def flat(self) -> dict[str, str]:
        """Every plain string, for the theme (``config.extra.hc.locales[code].strings``)."""
        return {key: value for key, value in self.values.items() if isinstance(value, str)}


SHIPPED = ("en", "fr", "de", "es", "it", "nl", "pt-BR", "ja", "zh-Hans")
"""The languages the generator has a complete catalogue for (``locales/<tag in lowercase>.yml``)."""

_SIMPLIFIED_CHINESE = frozenset({"zh", "zh-cn", "zh-sg", "zh-my"})
"""Tags that mean Simplified Chinese without saying so (CLDR's likely script): ``zh-TW`` and ``zh-Hant``
must not get it, so Chinese never falls back from a region to the bare language."""

PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories: the forms a count string may give (``other`` is required)."""


def catalogue_name(language: str) -> str | None:
    """The shipped catalogue a language reads (``pt-BR`` -> ``pt-br``, ``de-AT`` -> ``de``, ``zh-CN`` ->
    ``zh-hans``), or None: a region falls back to its language, never to another script or variant."""
    tag = language.replace("_", "-").lower()
    shipped = {name.lower() for name in SHIPPED}
    if tag in shipped:
        return tag
    if tag in _SIMPLIFIED_CHINESE or tag.startswith("zh-hans-"):
        return "zh-hans"
    base = tag.split("-", maxsplit=1)[0]
    return base if base in shipped and base != "zh" else None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def shipped_catalogue(language: str) -> dict[str, Any] | None:
    """The generator's catalogue for a language (see ``catalogue_name``), or None."""
    name = catalogue_name(language)
    if name is None:
        return None
    entry = resources.files("generator.rendering") / "locales" / f"{name}.yml"
    data = yaml.load(entry.read_text("utf-8"), Loader=_LOADER)  # a safe loader (libyaml's when built)
    return dict(data) if isinstance(data, dict) else {}


def strings_file(locale: Locale, content_dir: Path) -> Path:
    """Where a store writes a locale's own strings: ``content/strings.yml`` (default), ``content/<code>/…``."""
    return (content_dir if locale.default else content_dir / locale.code) / "strings.yml"


def load_strings(locale: Locale, content_dir: Path, strict: bool = True) -> Strings:
    """The locale's complete catalogue: shipped strings, then the project's; any problem is a ContentError.

    Not ``strict`` (a one-language site without ``extra.locales``), a language with no catalogue
    keeps the English words it always had rather than failing a build that worked.
    """
    values, problems = _catalogue(locale, content_dir, strict)
    if problems:
        raise ContentError(problems)
    return Strings(locale, values)


def strings_problems(locale: Locale, content_dir: Path, strict: bool = True) -> list[Problem]:
    """What ``load_strings`` would refuse, as problems (``helpcenter check`` lists them; a build stops on them)."""
    return _catalogue(locale, content_dir, strict)[1]


def _catalogue(locale: Locale, content_dir: Path, strict: bool) -> tuple[dict[str, Any], list[Problem]]:
    reference = shipped_catalogue(REFERENCE) or {}
    shipped = shipped_catalogue(locale.language) or {}
    path = strings_file(locale, content_dir)
    display = display_path(path, content_dir)
    read, problems = _project_overrides(path, display, reference)
    overrides = read or {}
    # A one-language site keeps English for a language without a catalogue only until it starts its own
    # strings.yml (as `helpcenter new` writes one): from then on the language is all or nothing.
    base = {} if strict or path.is_file() else reference
    values = {**base, **shipped, **overrides}
    # The scripts' strings are one nested mapping: merged key by key, so a project may override one of them.
    own_widgets = overrides.get("widgets")
    values["widgets"] = {**(base.get("widgets") or {}), **(shipped.get("widgets") or {}),
                         **(own_widgets if isinstance(own_widgets, dict) else {})}
    if read is not None:  # an unreadable file is its one problem, not also every string it would have held
        problems += _missing(locale, values, reference, display, path.is_file() or bool(shipped))
    return values, problems


def _project_overrides(path: Path, display: str, reference: Mapping[str, Any]) -> \
        tuple[dict[str, Any] | None, list[Problem]]:
    """The store's strings.yml ({} when there is none, None when it cannot be read), every key and
    placeholder checked against English."""
    if not path.is_file():
        return {}, []
    found = Problems()
    text = read_source(path, display, found)
    if text is None:
        return None, found.items
    try:
        data, positions = parse_yaml(text)
    except YamlProblem as err:
        return None, [Problem(display, err.line, err.col, "", err.message)]
    if data is None:  # only comments (every string still to translate): nothing of the store's yet
        return {}, []
    if not isinstance(data, dict):
        return None, [Problem(display, 1, 1, "", "expected a mapping of string names to text, "
                                                 "e.g. contact_us: Contact our team")]
    return data, _checked(data, reference, (), display, positions)


def _checked(data: Mapping[str, Any], reference: Mapping[str, Any], path: tuple[str, ...], display: str,
             positions: Positions) -> list[Problem]:
    problems = []
    known = [key for key in reference if key != "widgets" or not path]
    for key, value in data.items():
        where = (*path, str(key))
        field = ".".join(where)
        if key not in reference:
            line, col = positions.of(where, key=True)
            problems.append(Problem(display, line, col, field, f"unknown UI string '{key}'"
                                    f"{_did_you_mean(str(key), known) or _KNOWN_KEYS_HINT}"))
        elif key == "widgets" and not path:
            if isinstance(value, dict):
                problems += _checked(value, reference["widgets"], where, display, positions)
            else:
                line, col = positions.of(where)
                problems.append(Problem(display, line, col, field, "expected a mapping of the scripts' strings"))
        else:
            message = _value_problem(value, reference[key])
            if message:
                line, col = positions.of(where)
                problems.append(Problem(display, line, col, field, message))
    return problems


def _value_problem(value: Any, english: Any) -> str | None:
    """Why a store's string cannot replace the English one (wrong shape, unknown placeholder), or None."""
    if isinstance(english, dict):
        if not isinstance(value, dict) or "other" not in value:
            return "expected plural forms, at least other: e.g. {one: \"{count} article\", other: \"{count} articles\"}"
        for form, text in value.items():
            if form not in PLURAL_FORMS:
                return f"'{form}' is not a plural form{_did_you_mean(str(form), list(PLURAL_FORMS))} (CLDR's: " \
                       f"{', '.join(PLURAL_FORMS)})"
            if (message := _placeholder_problem(text, english["other"])) is not None:
                return f"{form}: {message}"
        return None
    if not isinstance(value, str):
        return f"expected text, got {type(value).__name__} (quote it: \"…\")"
    return _placeholder_problem(value, english)


def _placeholder_problem(text: Any, english: str) -> str | None:
    if not isinstance(text, str):
        return f"expected text, got {type(text).__name__}"
    allowed = placeholders(english)
    try:
        used = placeholders(text)
    except ValueError:
        return "a lone '{' or '}'; placeholders are written {name}, a brace as {{ or }}"
    for name in sorted(used - allowed):
        hint = f"this string can use {', '.join('{' + n + '}' for n in sorted(allowed))}" if allowed else \
            "this string has no placeholders"
        return f"unknown placeholder {{{name}}}; {hint}"
    return None


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a string fills in (``str.format``'s fields); ValueError for a lone brace."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


_KNOWN_KEYS_HINT = "; the keys are those of the English catalogue, generator/rendering/locales/en.yml"


def _did_you_mean(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def _missing(locale: Locale, values: Mapping[str, Any], reference: Mapping[str, Any], display: str,
             some: bool) -> list[Problem]:
    """Every English key the locale lacks: one problem each, or one for the whole catalogue when the
    language has none at all (a list of 150 keys helps less than being told where to start)."""
    missing = [key for key in reference if key not in values]
    missing += [f"widgets.{key}" for key in reference.get("widgets") or {} if key not in values["widgets"]]
    if not missing:
        return []
    which = f"locale '{locale.code}' ({locale.language})"
    if not some:
        return [Problem(display, 1, 1, "", f"no UI strings for {which}: the generator ships "
                        f"{', '.join(SHIPPED)}; write all {len(missing)} strings of the English catalogue "
                        f"(generator/rendering/locales/en.yml) in this file, translated, or set the locale's "
                        f"language to one of those")]
    return [Problem(display, 1, 1, key, f"missing UI string for {which}; in English: {_english(reference, key)!r}")
            for key in missing]


def _english(reference: Mapping[str, Any], key: str) -> Any:
    group, _, name = key.partition(".")
    return reference["widgets"][name] if name else reference[group]
