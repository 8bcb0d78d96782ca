"""The brand colours of ``extra.brand``: they go into the page's CSS, so they must be readable."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.errors import ConfigError

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LAUNCHER_POSITIONS = ("bottom-right", "bottom-left")
"""Where the embedded widget's launcher sits on the store's pages (``extra.brand.launcher``)."""
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
    launcher = brand.get("launcher", LAUNCHER_POSITIONS[0])
    if launcher not in LAUNCHER_POSITIONS:
        raise ConfigError(f"extra.brand.launcher: '{launcher}' is not a position; write "
                          f"{' or '.join(LAUNCHER_POSITIONS)}")
