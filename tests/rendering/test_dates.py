"""generator/rendering/dates.py: one date format for the whole site, in the site's language (Babel, CLDR "long")."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.config.project import project_from_settings
from generator.errors import ConfigError
from generator.reading.loading import load_helpcenter
from generator.rendering.dates import long_date
from generator.rendering.pages import PageRenderer
from tests.conftest import EXAMPLES
from tests.helpers import settings

DAY = dt.date(2026, 11, 5)


@pytest.mark.parametrize(("language", "words"), [
    ("en", "November 5, 2026"),
    ("fr", "5 novembre 2026"),
    ("de", "5. November 2026"),
    ("pt-BR", "5 de novembro de 2026"),
])
def test_a_day_is_written_as_the_sites_language_writes_it(language: str, words: str) -> None:
    assert long_date(DAY, language) == words


def test_an_unknown_language_is_a_clear_configuration_error() -> None:
    with pytest.raises(ConfigError, match=r"theme.language: 'xx-nowhere' is not a language code"):
        long_date(DAY, "xx-nowhere")


def test_pages_write_last_updated_in_the_sites_language() -> None:
    root = EXAMPLES / "good" / "minimal"
    raw = {**settings(), "theme": {"name": "material", "language": "fr"}}
    renderer = PageRenderer(load_helpcenter(root / "content"), project_from_settings(root / "mkdocs.yml", raw, {}))
    pages = {page.path: page.content for page in renderer.all_pages()}
    assert '<time datetime="2026-11-20">20 novembre 2026</time>' in pages["orders/order-status.md"]
