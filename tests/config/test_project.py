"""The project's settings read from mkdocs.yml: here, the plugin's typed options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.config.project import project_from_settings
from generator.errors import ConfigError


def settings(**options: Any) -> dict[str, Any]:
    return {"site_url": "https://help.example.com/", "extra": {"store": {"url": "https://shop.example.com"}},
            "plugins": [{"helpcenter": options}]}


def test_pages_follow_the_system_setting_unless_the_store_asks_for_a_light_dark_button() -> None:
    assert project_from_settings(Path("/p/mkdocs.yml"), settings()).scheme_toggle is False
    assert project_from_settings(Path("/p/mkdocs.yml"), settings(scheme_toggle=True)).scheme_toggle is True


def test_a_scheme_toggle_that_is_not_true_or_false_is_refused_with_a_hint() -> None:
    with pytest.raises(ConfigError, match=r"plugins\.helpcenter\.scheme_toggle: must be true or false, not 'yes'; "
                                          r"true shows a light/dark button"):
        project_from_settings(Path("/p/mkdocs.yml"), settings(scheme_toggle="yes"))
