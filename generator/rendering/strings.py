"""The help center's own words per language: one catalogue per locale, checked against English.

Catalogues ship with the generator (``generator/rendering/locales/<language>.yml``), so any store gets
them; a store may override or add strings in its project (``content/strings.yml`` for the default locale,
``content/<code>/strings.yml`` for another). A key missing from a locale's catalogue is an error naming
the locale and the key: a page must never show one English word among French ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from babel import Locale as BabelLocale

from generator.config.locales import Locale
from generator.errors import ConfigError
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


@cache
def shipped_catalogue(language: str) -> dict[str, Any] | None:
    """The generator's catalogue for a language (``pt-BR`` falls back to ``pt``), or None."""
    folder = resources.files("generator.rendering") / "locales"
    for name in (language, language.split("-", maxsplit=1)[0]):
        entry = folder / f"{name.lower()}.yml"
        if entry.is_file():
            data = yaml.safe_load(entry.read_text("utf-8"))
            return dict(data) if isinstance(data, dict) else {}
    return None


def _project_overrides(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: invalid YAML: {err}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of string names to text")
    return data


def load_strings(locale: Locale, content_dir: Path, strict: bool = True) -> Strings:
    """The locale's complete catalogue: shipped strings, then the project's; a missing key is an error.

    Not ``strict`` (a one-language site without ``extra.locales``), a language with no catalogue
    keeps the English words it always had rather than failing a build that worked.
    """
    shipped = shipped_catalogue(locale.language) or {}
    folder = content_dir if locale.default else content_dir / locale.code
    reference = shipped_catalogue(REFERENCE) or {}
    overrides = _project_overrides(folder / "strings.yml")
    values = {**({} if strict else reference), **shipped, **overrides}
    # The scripts' strings are one nested mapping: merged key by key, so a project may override one of them.
    values["widgets"] = {**(({} if strict else reference.get("widgets")) or {}), **(shipped.get("widgets") or {}),
                         **(overrides.get("widgets") or {})}
    missing = [key for key in reference if key not in values]
    missing += [f"widgets.{key}" for key in reference.get("widgets") or {} if key not in values["widgets"]]
    if missing:
        where = f"{folder / 'strings.yml'}"
        raise ConfigError(f"UI strings for locale '{locale.code}' ({locale.language}): missing "
                          f"{'keys' if len(missing) > 1 else 'key'} {', '.join(repr(k) for k in missing[:5])}"
                          f"{f' and {len(missing) - 5} more' if len(missing) > 5 else ''}; "
                          f"add {'them' if len(missing) > 1 else 'it'} to {where} (the English text of "
                          f"'{missing[0]}': {_english(reference, missing[0])!r})")
    return Strings(locale, values)


def _english(reference: dict[str, Any], key: str) -> Any:
    group, _, name = key.partition(".")
    return reference["widgets"][name] if name else reference[group]
