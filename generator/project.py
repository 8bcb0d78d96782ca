"""The project's settings, read from mkdocs.yml without importing MkDocs.

mkdocs.yml is the one configuration. The core needs only a few of its values (site name and
URL, the content folder, the store), so it reads the file as data; the MkDocs plugin builds the
same Project from MkDocs' own parsed config.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError
from generator.store import StoreSettings, resolve_store

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
    raw: Mapping[str, Any] | None = None
    """mkdocs.yml as data, for export."""


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


_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5
"""WCAG 2.2 AA for normal text: the header's white text sits on the primary colour, links use it on white."""


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def check_brand(brand: Any) -> None:
    """Brand colours go into the page's CSS: they must be colours, and readable with white text."""
    if brand is None:
        return
    if not isinstance(brand, Mapping):
        raise ConfigError("extra.brand: must be a mapping with primary and accent colours")
    for name in ("primary", "accent"):
        value = brand.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not _HEX_COLOUR.match(value):
            raise ConfigError(f"extra.brand.{name}: '{value}' is not a colour; write it as #rrggbb, e.g. #1f4e4a")
        ratio = contrast_with_white(value)
        if ratio < MIN_CONTRAST:
            raise ConfigError(f"extra.brand.{name}: '{value}' is too light for white text (contrast {ratio:.1f}:1, "
                              f"WCAG AA needs {MIN_CONTRAST}:1); choose a darker shade")


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
    check_brand(extra.get("brand") if isinstance(extra, Mapping) else None)
    lexicon = options.get("shopping_lexicon", True)
    if not isinstance(lexicon, bool):
        raise ConfigError(f"plugins.helpcenter.shopping_lexicon: must be true or false, not '{lexicon}'")
    theme = raw.get("theme") or {}
    language = theme.get("language", "en") if isinstance(theme, Mapping) else "en"
    return Project(
        root=root,
        config_file=config_file,
        content_dir=(root / str(options.get("content_dir", "content"))).resolve(),
        site_name=str(raw.get("site_name") or "Help Center"),
        site_url=site_url.rstrip("/") + "/",
        store=resolve_store(extra.get("store") if isinstance(extra, Mapping) else None, environ),
        language=str(language),
        shopping_lexicon=lexicon,
        raw=raw,
    )
