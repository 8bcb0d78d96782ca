"""extra.brand: any colour is used; readable shades are derived where text is written in it (WCAG AA)."""

from __future__ import annotations

import pytest

from generator.config.brand import (
    DARK_BACKGROUND,
    DARK_TEXT,
    WHITE,
    check_brand,
    contrast,
    derive_palette,
    parse_colour,
)
from generator.errors import ConfigError


@pytest.mark.parametrize(("brand", "message"), [
    ({"primary": "teal"}, "extra.brand.primary: 'teal' is not a colour"),
    ({"accent": "#ff6f5"}, "extra.brand.accent: '#ff6f5' is not a colour"),
    ({"accent": 12}, "extra.brand.accent: '12' is not a colour"),
    ("blue", "extra.brand: must be a mapping"),
])
def test_what_is_not_a_colour_is_refused(brand: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        check_brand(brand)


@pytest.mark.parametrize("colour", ["#ff6f59", "#ffcc00", "#ffffff", "#1f4e4a", "#000000", "#0af", "#7b1fa2"])
def test_every_colour_gives_readable_text_in_both_schemes(colour: str) -> None:
    palette = derive_palette({"primary": colour, "accent": colour})
    light, dark = palette.light, palette.dark
    assert light["brand"] == parse_colour(colour)  # the header keeps the brand itself
    assert contrast(light["brand"], light["on-brand"]) >= 4.5
    assert contrast(light["brand-text"], WHITE) >= 4.5
    assert contrast(light["accent"], WHITE) >= 4.5
    assert contrast(light["accent"], light["on-accent"]) >= 4.5
    assert contrast(dark["brand-text"], DARK_BACKGROUND) >= 4.5
    assert contrast(dark["accent"], DARK_BACKGROUND) >= 4.5
    assert contrast(dark["accent"], dark["on-accent"]) >= 4.5


def test_a_coral_too_light_for_white_text_is_used_with_dark_text_and_a_darker_shade_for_links() -> None:
    palette = derive_palette({"primary": "#ff6f59", "accent": "#1565c0"})
    assert palette.light["brand"] == "#ff6f59"
    assert palette.light["on-brand"] == DARK_TEXT
    shade = palette.light["brand-text"]
    assert shade != "#ff6f59" and 4.5 <= contrast(shade, WHITE) < 4.7  # the nearest readable shade, not black
    assert palette.dark["brand-text"] == "#ff6f59"  # readable as it is on the dark page
    assert palette.notes[0] == (f"extra.brand.primary #ff6f59: too light for white text (2.7:1), so the header and "
                                f"buttons write on it in {DARK_TEXT} (5.9:1); links on white use the darker {shade} "
                                f"({contrast(shade, WHITE):.1f}:1)")


def test_a_dark_brand_is_kept_on_white_and_lightened_for_the_dark_scheme() -> None:
    palette = derive_palette({"primary": "#1f4e4a"})
    assert palette.light["brand-text"] == "#1f4e4a" and palette.light["on-brand"] == WHITE
    assert palette.dark["brand-text"] != "#1f4e4a"
    assert palette.notes[0].startswith("extra.brand.primary #1f4e4a: links in the dark scheme use the lighter")


def test_without_brand_colours_the_neutral_defaults_say_nothing() -> None:
    palette = derive_palette(None)
    assert palette.notes == ()
    assert palette.theme_color == "#37474f"
    assert palette.css.startswith(":root {--hc-brand: #37474f;")
    assert '[data-md-color-scheme="slate"] {--hc-brand-text: ' in palette.css


def test_the_theme_stylesheet_falls_back_on_the_derived_defaults() -> None:
    from tests.conftest import THEME

    css = (THEME / "assets" / "stylesheets" / "hc.css").read_text("utf-8")
    palette = derive_palette(None)
    for name, value in palette.light.items():
        assert f"--hc-{name}: {value};" in css.split('[data-md-color-scheme="slate"]')[0]
    for name, value in palette.dark.items():
        assert f"--hc-{name}: {value};" in css.split('[data-md-color-scheme="slate"] {', 1)[1].split("}")[0]
