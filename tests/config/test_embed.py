"""extra.embed (what the embedded widget suggests) and extra.brand.launcher: typed, and every mistake named."""

from __future__ import annotations

import pytest

from generator.config.brand import check_brand
from generator.config.embed import PageRule, check_topic, resolve_embed
from generator.config.project import read_mkdocs_yml
from generator.errors import ConfigError
from tests.conftest import STORE


def test_the_real_settings_are_typed() -> None:
    settings = resolve_embed(read_mkdocs_yml(STORE / "mkdocs.yml")["extra"]["embed"])
    assert settings.pages[0] == PageRule("/products/*", "care")
    assert not settings.topics


def test_no_settings_suggest_the_most_asked_questions() -> None:
    assert resolve_embed(None).pages == () and not resolve_embed(None).topics


@pytest.mark.parametrize(("raw", "message"), [
    ("care", "extra.embed: must be a mapping with topics and pages"),
    ({"page": []}, "extra.embed: unknown key 'page'; did you mean 'pages'?"),
    ({"pages": {"path": "/x"}}, r"extra.embed.pages: must be a list of rules like \{path: /products/\*"),
    ({"pages": [{"path": "products/*", "topic": "care"}]}, "extra.embed.pages\\[1\\].path: 'products/\\*' is not "
                                                             "a page path; write the host page's path from its "
                                                             "first '/'"),
    ({"pages": [{"path": "/x", "topics": "care"}]}, "extra.embed.pages\\[1\\]: unknown key 'topics'; did you mean "
                                                     "'topic'\\?"),
    ({"pages": [{"path": "/x"}]}, "extra.embed.pages\\[1\\].topic: missing"),
    ({"pages": [{"path": "/x", "topic": "Care Guides"}]}, "extra.embed.pages\\[1\\].topic: 'Care Guides' is not an "
                                                           "id; write lowercase words joined by hyphens"),
    ({"topics": ["a"]}, "extra.embed.topics: must map a topic's name to a list of article ids"),
    ({"topics": {"pay": []}}, "extra.embed.topics.pay: must be a list of question or guide ids"),
    ({"topics": {"pay": ["ok", 3]}}, "extra.embed.topics.pay\\[2\\]: '3' is not an id"),
])
def test_mistakes_name_the_field_and_the_fix(raw: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        resolve_embed(raw)


def test_a_topic_that_names_nothing_suggests_the_closest() -> None:
    with pytest.raises(ConfigError, match=r"extra.embed.pages\[2\].topic: no topic, category, question or guide is "
                                          r"called 'shiping'; did you mean 'shipping'\?"):
        check_topic("extra.embed.pages[2].topic", "shiping", {"shipping", "care"})


def test_the_launcher_sits_bottom_right_or_bottom_left() -> None:
    check_brand({"launcher": "bottom-left"})
    with pytest.raises(ConfigError, match=r"extra.brand.launcher: 'top' is not a position; write bottom-right or "
                                          r"bottom-left"):
        check_brand({"launcher": "top"})
