"""One locale's index, built as the site builds it (generator/search/project_index.py)."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.config.project import load_project
from generator.errors import HelpCenterError
from generator.search.project_index import locale_index, locale_search, project_locale
from tests.conftest import STORE


def test_each_locale_gets_its_own_words_rules_and_lexicon() -> None:
    project = load_project(STORE / "mkdocs.yml")
    english = locale_index(project, project_locale(project, None))
    french, phrases = locale_search(project, project_locale(project, "FR"))
    assert english.language.code == "en" and french.language.code == "fr"
    assert french.search("livraisons").results  # Snowball's French stems
    assert french.search("colis jamais arrivé").results[0].url.startswith("fr/")
    assert any("livraison" in " ".join(group) for group in phrases)  # the French synonyms and lexicon


def test_an_unknown_locale_names_the_known_ones() -> None:
    project = load_project(STORE / "mkdocs.yml")
    with pytest.raises(HelpCenterError, match=r"no such locale.*en, fr"):
        project_locale(project, "de")


def test_helpcenter_search_in_a_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(STORE / "mkdocs.yml"), "search", "--locale", "fr", "vendez-vous des chaussures",
                 "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["missing"] == ["chaussures"] and answer["confidence"] == "none"  # not "vendez", a filler
    assert main(["-f", str(STORE / "mkdocs.yml"), "search", "--locale", "fr", "remboursment", "-n", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Also searched: remboursment = ")  # a typo of a word with French synonyms
    assert lines[2] == "     fr/returns-and-refunds/refund-time/"
