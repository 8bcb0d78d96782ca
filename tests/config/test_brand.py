"""extra.brand: colours the header and links use must be colours, readable with white text (WCAG AA)."""

from __future__ import annotations

import pytest

from generator.config.brand import check_brand, contrast_with_white
from generator.config.project import read_mkdocs_yml
from generator.errors import ConfigError
from tests.conftest import REPO


@pytest.mark.parametrize(("brand", "message"), [
    ({"primary": "teal"}, "extra.brand.primary: 'teal' is not a colour"),
    ({"accent": "#ffcc00"}, "extra.brand.accent: '#ffcc00' is too light for white text"),
    ("blue", "extra.brand: must be a mapping"),
])
def test_brand_colours_must_be_readable(brand: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        check_brand(brand)


def test_the_real_brand_colours_pass_aa() -> None:
    brand = read_mkdocs_yml(REPO / "mkdocs.yml")["extra"]["brand"]
    assert all(contrast_with_white(colour) >= 4.5 for colour in brand.values())
