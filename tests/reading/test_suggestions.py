"""The "did you mean" helper answers exactly what difflib.get_close_matches(word, ids, n=1) does."""

from __future__ import annotations

import difflib
import random

from benchmarks.synthetic import _categories
from generator.reading.suggestions import CloseMatches


def _difflib(word: str, ids: list[str]) -> str | None:
    close = difflib.get_close_matches(word, ids, n=1)
    return close[0] if close else None


def _typo(word: str, rng: random.Random) -> str:
    index = rng.randrange(len(word))
    return rng.choice((word[:index] + word[index + 1:], word[:index] + "x" + word[index:],
                       word[:index] + word[index:][::-1][:1] + word[index + 1:]))


def test_same_answer_as_difflib_for_typos_renames_and_strangers() -> None:
    rng = random.Random(3)
    ids = sorted({a.id for c in _categories(400, 5, 20, rng) for a in c.articles})
    words = [_typo(rng.choice(ids), rng) for _ in range(60)]
    words += [i.rsplit("-", 1)[0] for i in rng.sample(ids, 20)]  # renamed: the number dropped
    words += ["returns", "shipping-policy", "x", "", "how-do-i", "care/leather-bags", ids[0]]
    index = CloseMatches(ids)
    for word in words:
        assert index.closest(word) == _difflib(word, ids), word


def test_ties_go_to_the_greater_id_as_with_difflib() -> None:
    ids = ["abcd", "abce", "abcf", "zzzz"]
    assert CloseMatches(ids).closest("abcx") == _difflib("abcx", ids) == "abcf"


def test_no_ids_no_suggestion() -> None:
    assert CloseMatches([]).closest("order-status") is None


def test_empty_strings_as_with_difflib() -> None:
    for word, ids in (("", [""]), ("", ["a"]), ("a", [""]), ("", ["", "a"])):
        assert CloseMatches(ids).closest(word) == _difflib(word, ids), (word, ids)


def test_an_answer_is_remembered() -> None:
    index = CloseMatches(["order-status", "order-history"])
    assert index.closest("order-statu") == "order-status"
    assert index.closest("order-statu") == "order-status"
