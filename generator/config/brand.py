"""The brand colours of ``extra.brand``, turned into the light and dark schemes' colours.

A brand colour is used as it is where it is readable: the header and the primary buttons keep it as
their background, with white text or, on a light colour, dark text. Where text is written in the
colour itself (links, the accent on hover) it needs a contrast of 4.5:1 with the page (WCAG 2.2 AA),
so a darker shade is derived for the white page and a lighter one for the dark scheme's page; the
hue stays the brand's. ``Palette.notes`` says what was derived, for the build to print.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import ConfigError

_HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
LAUNCHER_POSITIONS = ("bottom-right", "bottom-left")
"""Where the embedded widget's launcher sits on the store's pages (``extra.brand.launcher``)."""
MIN_CONTRAST = 4.5
"""WCAG 2.2 AA for normal text."""
WHITE = "#ffffff"
DARK_TEXT = "#1e2129"
"""Text on a light brand colour: the dark scheme's background, so one dark everywhere."""
DARK_BACKGROUND = "#1e2129"
"""Material's slate page background (``--md-default-bg-color``), which the dark scheme's text sits on."""
DEFAULTS = {"primary": "#37474f", "accent": "#1565c0"}
"""Neutral colours for a store that names none: a blue grey header and blue accents."""


@dataclass(frozen=True)
class Palette:
    """The colours the theme's CSS variables take (``--hc-…``), per scheme, and what was derived."""

    light: dict[str, str]
    dark: dict[str, str]
    notes: tuple[str, ...]

    @property
    def theme_color(self) -> str:
        """A phone browser's bar, in the header's colour."""
        return self.light["brand"]

    @property
    def css(self) -> str:
        """The variables for the page's head: ``:root`` (the light scheme) and the dark scheme's overrides."""
        def block(selector: str, colours: dict[str, str]) -> str:
            return selector + " {" + " ".join(f"--hc-{name}: {value};" for name, value in colours.items()) + " }"
        return block(":root", self.light) + "\n" + block('[data-md-color-scheme="slate"]', self.dark)


def parse_colour(value: Any) -> str | None:
    """``#rrggbb`` in lowercase from ``#rrggbb`` or ``#rgb``; None for anything that is not such a colour."""
    if not isinstance(value, str) or not _HEX_COLOUR.match(value):
        return None
    digits = value[1:].lower()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_with_white(colour: str) -> float:
    return contrast(colour, WHITE)


def text_on(background: str) -> str:
    """White text where it is readable on ``background``, dark text otherwise (one of them always is)."""
    return WHITE if contrast(background, WHITE) >= MIN_CONTRAST else DARK_TEXT


def readable_shade(colour: str, page: str) -> str:
    """``colour`` if text in it is readable on ``page``; else the nearest shade of its hue that is
    (darker on a light page, lighter on a dark one)."""
    if contrast(colour, page) >= MIN_CONTRAST:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    step = -0.005 if _luminance(page) > 0.5 else 0.005
    shade = colour
    while contrast(shade, page) < MIN_CONTRAST and 0 <= lightness + step <= 1:
        lightness += step
        shade = "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, lightness, saturation))
    return shade


def derive_palette(brand: Any) -> Palette:
    """Both schemes' colours from ``extra.brand`` (neutral defaults for a missing colour)."""
    if brand is not None and not isinstance(brand, Mapping):
        raise ConfigError("extra.brand: must be a mapping with primary and accent colours")
    given = {name: _brand_colour(brand or {}, name) for name in ("primary", "accent")}
    primary, accent = given["primary"], given["accent"]
    accent_light, accent_dark = readable_shade(accent, WHITE), readable_shade(accent, DARK_BACKGROUND)
    light = {"brand": primary, "on-brand": text_on(primary), "brand-text": readable_shade(primary, WHITE),
             "accent": accent_light, "on-accent": text_on(accent_light),
             "accent-transparent": _transparent(accent_light)}
    dark = {"brand-text": readable_shade(primary, DARK_BACKGROUND), "accent": accent_dark,
            "on-accent": text_on(accent_dark), "accent-transparent": _transparent(accent_dark)}
    notes = tuple(note for note in (_primary_note(primary, light, dark), _accent_note(accent, accent_light,
                                                                                         accent_dark)) if note)
    return Palette(light=light, dark=dark, notes=notes if brand else ())


def check_brand(brand: Any) -> None:
    """Brand colours go into the page's CSS: they must be colours (any colour: readable shades are derived)."""
    derive_palette(brand)
    launcher = brand.get("launcher", LAUNCHER_POSITIONS[0]) if isinstance(brand, Mapping) else LAUNCHER_POSITIONS[0]
    if launcher not in LAUNCHER_POSITIONS:
        raise ConfigError(f"extra.brand.launcher: '{launcher}' is not a position; write "
                          f"{' or '.join(LAUNCHER_POSITIONS)}")


def _brand_colour(brand: Mapping[str, Any], name: str) -> str:
    value = brand.get(name)
    if value is None:
        return DEFAULTS[name]
    colour = parse_colour(value)
    if colour is None:
        raise ConfigError(f"extra.brand.{name}: '{value}' is not a colour; write it as #rrggbb, e.g. #1f4e4a")
    return colour


def _transparent(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, 0.1)"


def _ratio(first: str, second: str) -> str:
    return f"{contrast(first, second):.1f}:1"


def _primary_note(primary: str, light: dict[str, str], dark: dict[str, str]) -> str:
    parts = []
    if light["on-brand"] != WHITE:
        parts.append(f"too light for white text ({_ratio(primary, WHITE)}), so the header and buttons write "
                     f"on it in {DARK_TEXT} ({_ratio(primary, DARK_TEXT)})")
    if light["brand-text"] != primary:
        parts.append(f"links on white use the darker {light['brand-text']} ({_ratio(light['brand-text'], WHITE)})")
    if dark["brand-text"] != primary:
        parts.append(f"links in the dark scheme use the lighter {dark['brand-text']} "
                     f"({_ratio(dark['brand-text'], DARK_BACKGROUND)})")
    return f"extra.brand.primary {primary}: " + "; ".join(parts) if parts else ""


def _accent_note(accent: str, light: str, dark: str) -> str:
    parts = []
    if light != accent:
        parts.append(f"on white the darker {light} ({_ratio(light, WHITE)})")
    if dark != accent:
        parts.append(f"in the dark scheme the lighter {dark} ({_ratio(dark, DARK_BACKGROUND)})")
    return f"extra.brand.accent {accent}: " + "; ".join(parts) + " (text and focus rings in it must be readable)" \
        if parts else ""
