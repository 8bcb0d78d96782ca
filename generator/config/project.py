"""The project's settings, read from mkdocs.yml without importing MkDocs.

mkdocs.yml is the one configuration. The core needs only a few of its values (site name and
URL, the content folder, the store), so it reads the file as data; the MkDocs plugin builds the
same Project from MkDocs' own parsed config.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.config.brand import Palette, check_brand, derive_palette
from generator.config.embed import settings_of
from generator.config.locales import Locale, default_locale, resolve_locales
from generator.config.store import StoreSettings, resolve_store
from generator.errors import ConfigError

PLUGIN_NAME = "helpcenter"


@dataclass(frozen=True)
class Project:
    root: Path
    """The folder holding mkdocs.yml; relative paths are taken from here."""
    config_file: Path
    content_dir: Path
    site_name: str
    site_url: str
    """Absolute, ending with '/': canonical URLs, the sitemap and structured data are built from it."""
    store: StoreSettings
    language: str = "en"
    shopping_lexicon: bool = True
    """Search also understands everyday shopping words (generator/search/lexicon); the plugin's
    ``shopping_lexicon: false`` switches that off."""
    scheme_toggle: bool = False
    """A light/dark button in the header (the plugin's ``scheme_toggle: true``); without it, and by default,
    pages follow the shopper's system setting (prefers-color-scheme), as a store's own pages do."""
    raw: Mapping[str, Any] | None = None
    """mkdocs.yml as data, for export."""
    search_expectations: Path | None = None
    """The plugin's ``search_expectations`` (resolved from mkdocs.yml's folder); None: the default,
    see ``expectations_file``."""
    locales: tuple[Locale, ...] = ()
    """Every locale, the default first (``extra.locales``; one locale from ``theme.language`` without it)."""
    palette: Palette = field(default_factory=lambda: derive_palette(None))
    """Both schemes' colours, derived from ``extra.brand`` (generator/config/brand.py)."""

    @property
    def default_locale(self) -> Locale:
        return self.locales[0] if self.locales else default_locale(self.language, self.store)

    @property
    def expectations_file(self) -> Path:
        """The store's search expectations (queries and the ids that should answer them), which
        ``helpcenter search-diff`` runs and ``helpcenter check`` validates."""
        return self.search_expectations or self.content_dir / "search" / "expectations.yml"

    def locale_expectations_file(self, locale: Locale) -> Path:
        """The locale's search expectations: the project's own for the default locale, else its translation's
        (content/<code>/search/expectations.yml)."""
        if locale.default:
            return self.expectations_file
        return self.content_dir / locale.code / "search" / "expectations.yml"

    def shown(self, path: Path) -> str:
        """A path as messages show it: from mkdocs.yml's folder when it is inside, else in full."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @property
    def multilingual(self) -> bool:
        return len(self.locales) > 1


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !!python/name that only MkDocs understands."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _unknown_tag)


def read_mkdocs_yml(config_file: Path) -> dict[str, Any]:
    try:
        data = yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader)  # a SafeLoader subclass
    except OSError as err:
        raise ConfigError(f"{config_file}: cannot read the configuration: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise ConfigError(f"{config_file}: invalid YAML: {err}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file}: expected a mapping of settings")
    return data


def plugin_options(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The options given to the helpcenter plugin in ``plugins:`` (empty when it has none)."""
    for entry in raw.get("plugins") or []:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, Mapping) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    return {}


def load_project(config_file: Path, environ: Mapping[str, str] | None = None) -> Project:
    config_file = config_file.resolve()
    raw = read_mkdocs_yml(config_file)
    return project_from_settings(config_file, raw, environ)


def project_from_settings(config_file: Path, raw: Mapping[str, Any],
                          environ: Mapping[str, str] | None = None) -> Project:
    environ = os.environ if environ is None else environ
    root = config_file.parent
    options = plugin_options(raw)
    site_url = str(raw.get("site_url") or "")
    if not site_url.startswith(("https://", "http://")):
        raise ConfigError("site_url: set the help center's public address, e.g. https://help.example.com/ "
                          "(canonical URLs and the sitemap need it)")
    extra = raw.get("extra") or {}
    palette = derive_palette(extra.get("brand") if isinstance(extra, Mapping) else None)
    check_brand(extra.get("brand") if isinstance(extra, Mapping) else None)  # the launcher's position
    settings_of(extra)  # extra.embed's shape; its ids are checked against the content at build time
    lexicon = options.get("shopping_lexicon", True)
    if not isinstance(lexicon, bool):
        raise ConfigError(f"plugins.helpcenter.shopping_lexicon: must be true or false, not '{lexicon}'")
    toggle = options.get("scheme_toggle", False)
    if not isinstance(toggle, bool):
        raise ConfigError(f"plugins.helpcenter.scheme_toggle: must be true or false, not '{toggle}'; true shows a "
                          "light/dark button in the header, false (the default) follows the shopper's system setting")
    theme = raw.get("theme") or {}
    language = str(theme.get("language", "en") if isinstance(theme, Mapping) else "en")
    store_raw = extra.get("store") if isinstance(extra, Mapping) else None
    store = resolve_store(store_raw, environ)
    locales = resolve_locales(extra.get("locales") if isinstance(extra, Mapping) else None, language, store,
                              store_raw if isinstance(store_raw, Mapping) else None)
    description = raw.get("site_description")
    if isinstance(description, str) and description.strip() and locales[0].site_description is None:
        # mkdocs.yml's site_description is the default locale's own (the home page's description)
        locales = (replace(locales[0], site_description=description.strip()), *locales[1:])
    return Project(
        root=root,
        config_file=config_file,
        content_dir=(root / str(options.get("content_dir", "content"))).resolve(),
        site_name=str(raw.get("site_name") or "Help Center"),
        site_url=site_url.rstrip("/") + "/",
        store=store,
        language=locales[0].language,
        shopping_lexicon=lexicon,
        scheme_toggle=toggle,
        raw=raw,
        locales=locales,
        search_expectations=_expectations_path(options, root),
        palette=palette,
    )


def _expectations_path(options: Mapping[str, Any], root: Path) -> Path | None:
    value = options.get("search_expectations")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError("plugins.helpcenter.search_expectations: give the path of the search expectations "
                          "file, relative to mkdocs.yml (e.g. content/search/expectations.yml)")
    return (root / value).resolve()
