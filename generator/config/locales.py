"""The help center's locales (``extra.locales`` in mkdocs.yml): which languages, where, how they read.

Without ``extra.locales`` the site has one locale, the default, built from ``theme.language`` and
published at ``/`` exactly as before. With it, every entry is a locale: the first one (or the one
marked ``default: true``) stays at ``/``, every other one is published under ``/<code>/``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.config.store import LINK_NAMES, StoreSettings, resolve_links
from generator.errors import ConfigError

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "yi", "ckb", "dv"})
"""Languages written right to left: their pages get ``dir="rtl"`` unless ``dir`` says otherwise."""

_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_KNOWN_KEYS = ("code", "default", "language", "dir", "site_name", "site_description", "store")


@dataclass(frozen=True)
class Locale:
    code: str
    """The URL prefix and the folder of its translations (``content/<code>/``): ``fr``, ``pt-br``."""
    language: str
    """The language for Babel, Material's strings and ``<html lang>``: ``fr``, ``pt-BR``."""
    default: bool = False
    """The default locale: published at ``/``, the source every translation is checked against."""
    dir: str = "ltr"
    site_name: str | None = None
    site_description: str | None = None
    links: Mapping[str, str] = field(default_factory=dict)
    """The store's page URLs for this locale (``extra.store.links`` with the locale's overrides)."""

    @property
    def prefix(self) -> str:
        """The site path of the locale's pages: ``""`` for the default locale, ``"fr/"`` otherwise."""
        return "" if self.default else f"{self.code}/"

    @property
    def language_tag(self) -> str:
        """The BCP 47 tag for ``lang`` and ``hreflang`` (``pt-BR``)."""
        return self.language


def default_locale(language: str, store: StoreSettings) -> Locale:
    """The one locale of a site without ``extra.locales``."""
    return Locale(code=language.lower(), language=language, default=True, dir=_default_dir(language),
                  links=dict(store.links))


def _default_dir(language: str) -> str:
    return "rtl" if language.split("-", maxsplit=1)[0].lower() in RTL_LANGUAGES else "ltr"


def resolve_locales(raw: Any, theme_language: str, store: StoreSettings,
                    store_raw: Mapping[str, Any] | None) -> tuple[Locale, ...]:
    """Read ``extra.locales``: every entry checked, the default first, then the others in their order."""
    if raw is None:
        return (default_locale(theme_language, store),)
    if not isinstance(raw, list) or not raw:
        raise ConfigError("extra.locales: expected a list of locales, e.g. [{code: en}, {code: fr}]")
    base_links = (store_raw or {}).get("links") or {}
    locales = [_locale(entry, index, store, base_links) for index, entry in enumerate(raw)]
    _check_unique(locales)
    defaults = [locale for locale in locales if locale.default]
    if len(defaults) > 1:
        raise ConfigError(f"extra.locales: only one locale can be the default; "
                          f"{', '.join(d.code for d in defaults)} all say default: true")
    if not defaults:
        first = locales[0]
        locales[0] = Locale(**{**first.__dict__, "default": True})
    locales.sort(key=lambda locale: not locale.default)
    return tuple(locales)


def _locale(entry: Any, index: int, store: StoreSettings, base_links: Any) -> Locale:
    where = f"extra.locales[{index}]"
    if isinstance(entry, str):
        entry = {"code": entry}
    if not isinstance(entry, Mapping):
        raise ConfigError(f"{where}: expected a mapping such as {{code: fr}}")
    _check_keys(entry, where)
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise ConfigError(f"{where}.code: '{code}' is not a locale code; use a lowercase language code such as "
                          "fr, de or pt-br (it is the URL prefix and the folder content/<code>/)")
    where = f"extra.locales[{index}] ({code})"
    language = _text(entry, "language", where) or code
    _check_search_language(language, where)
    direction = _text(entry, "dir", where) or _default_dir(language)
    if direction not in ("ltr", "rtl"):
        raise ConfigError(f"{where}.dir: '{direction}' is not a direction; use ltr or rtl")
    default = entry.get("default", False)
    if not isinstance(default, bool):
        raise ConfigError(f"{where}.default: '{default}' is not true or false")
    return Locale(code=code, language=language, default=default, dir=direction,
                  site_name=_text(entry, "site_name", where), site_description=_text(entry, "site_description", where),
                  links=_links(entry.get("store"), store, base_links, where))


def _check_keys(entry: Mapping[str, Any], where: str) -> None:
    for key in entry:
        if key not in _KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), _KNOWN_KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(_KNOWN_KEYS)}"
            raise ConfigError(f"{where}: unknown key '{key}'; {hint}")


def _text(entry: Mapping[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{where}.{key}: expected text, got '{value}'")
    return value.strip() if isinstance(value, str) else None


def _links(raw: Any, store: StoreSettings, base_links: Any, where: str) -> dict[str, str]:
    """The store's links with this locale's overrides (``store: {links: {contact: /fr/contact}}``)."""
    if raw is None:
        return dict(store.links)
    if not isinstance(raw, Mapping) or set(raw) - {"links"}:
        raise ConfigError(f"{where}.store: only 'links' can be set per locale, e.g. store: {{links: {{contact: "
                          f"/fr/pages/contact}}}}; link names: {', '.join(LINK_NAMES)}")
    overrides = raw.get("links") or {}
    if not isinstance(overrides, Mapping):
        raise ConfigError(f"{where}.store.links: must be a mapping of link name to path")
    merged = {**(base_links if isinstance(base_links, Mapping) else {}), **overrides}
    return resolve_links(store.url, store.preset, merged, f"{where}.store.links")


def _check_unique(locales: list[Locale]) -> None:
    seen: set[str] = set()
    for locale in locales:
        if locale.code in seen:
            raise ConfigError(f"extra.locales: '{locale.code}' is listed twice")
        seen.add(locale.code)


def _check_search_language(language: str, where: str) -> None:
    """Each locale is searched with its language's word rules: a language search cannot split or stem
    would give a search that finds nothing, so it is refused here rather than published."""
    from generator.search.languages import word_rules

    try:
        word_rules(language)
    except ValueError as err:
        raise ConfigError(f"{where}.language: {err}") from None
