"""Common words are never typos (generator/search/realwords.py)."""

from __future__ import annotations

from generator.search.languages import word_rules
from generator.search.realwords import COMMON_SHORT_ZIPF, COMMON_ZIPF, common_words_near, frequencies


def test_the_word_lists_hold_frequencies_per_language() -> None:
    english, french = frequencies("en"), frequencies("fr")
    assert english["the"] > english["boots"] >= COMMON_ZIPF > english.get("refnud", 0)
    assert french["chaussures"] >= COMMON_ZIPF and "remboursment" not in french
    assert frequencies("vi") == {}  # no list: no word is known to be common


def test_common_words_near_what_the_index_can_match() -> None:
    english = word_rules("en")
    near = common_words_near(english, {"blot", "stock", "card"})
    assert {"boot", "hard", "sock", "socks"} <= set(near)  # one edit from "blot", "card", "stock", "stocks"
    assert "stock" not in near and "card" not in near  # the index knows them
    assert not {"the", "and"} & set(near)  # stop words never become content
    assert all(len(w) > 1 for w in near)
    assert frequencies("en")["wat"] < COMMON_SHORT_ZIPF  # a short typo of a frequent word is no common word
