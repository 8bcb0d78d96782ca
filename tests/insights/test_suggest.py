"""The fix insights suggests for a failed search is based on the words that matched nothing."""

from __future__ import annotations

import pytest

from generator.insights.suggest import Advisor
from generator.reading.loading import load_helpcenter
from generator.search import shopping_lexicon
from tests.conftest import STORE


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return Advisor(load_helpcenter(STORE / "content"), lexicon=shopping_lexicon())


@pytest.mark.parametrize(("query", "word"), [
    ("do you sell boots", "boots"),  # not "sell" (a filler), and "boots" is not a typo of "blots"
    ("do you carry socks", "socks"),  # not "carry", and "socks" is not "stock"
])
def test_the_fix_names_the_word_no_article_has(advisor: Advisor, query: str, word: str) -> None:
    closest, missing = advisor.closest(query)
    assert missing == [word]
    fix = advisor.fix(query, closest, missing, zero=True)
    assert fix.kind == "new-article"
    assert f"“{word}”" in fix.text and "sell" not in fix.text and "carry" not in fix.text


def test_the_words_searched_leave_out_fillers_and_typos_of_stop_words(advisor: Advisor) -> None:
    assert advisor.searched_words("hi, do you sell boots") == ["boots"]
    assert advisor.searched_words("wat about my oder") == ["oder"]
