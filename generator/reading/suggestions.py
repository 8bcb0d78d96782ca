"""The "did you mean" suggestion for an unknown id, quick against thousands of ids.

``closest`` answers exactly what ``difflib.get_close_matches(word, ids, n=1)`` would, without
comparing the word with every id: a broken file that leaves hundreds of links pointing at unknown
ids would otherwise cost seconds per problem in a big help center.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable

CUTOFF = 0.6
"""``difflib.get_close_matches``' default: below it, no suggestion."""


class CloseMatches:
    """The ids to suggest from, grouped by length, and the answers already given."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._ids = set(ids)
        self._by_length: dict[int, list[tuple[str, Counter[str]]]] | None = None
        self._answers: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        """The id most like ``word`` (difflib's ratio, at least 0.6; ties to the greater id), or None."""
        if word not in self._answers:
            self._answers[word] = self._search(word)
        return self._answers[word]

    def _grouped(self) -> dict[int, list[tuple[str, Counter[str]]]]:
        """Each id and its letters, by length; made at the first question, so valid content pays nothing."""
        if self._by_length is None:
            by_length: dict[int, list[tuple[str, Counter[str]]]] = defaultdict(list)
            for known in self._ids:
                by_length[len(known)].append((known, Counter(known)))
            self._by_length = dict(by_length)
        return self._by_length

    def _search(self, word: str) -> str | None:
        # difflib's ratio never exceeds its real_quick_ratio (2*min(len)/(sum of lens)) nor its
        # quick_ratio (letters in common), so lengths are visited from the most alike, and the search
        # stops once no remaining id can beat the best; letters are counted once per id, not per word.
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        letters = Counter(word)
        best: tuple[float, str] | None = None
        by_length = self._grouped()
        for bound, length in sorted(((_length_bound(n, len(word)), n) for n in by_length), reverse=True):
            if bound < CUTOFF or (best is not None and bound < best[0]):
                break
            for known, known_letters in by_length[length]:
                common = sum(min(count, letters[letter]) for letter, count in known_letters.items())
                if _ratio(common, length + len(word)) < max(CUTOFF, best[0] if best else 0.0):
                    continue
                matcher.set_seq1(known)
                score = matcher.ratio()
                if score >= CUTOFF and (best is None or (score, known) > best):
                    best = (score, known)
        return best[1] if best else None


def _length_bound(a: int, b: int) -> float:
    """difflib's real_quick_ratio: the best ratio two strings of these lengths can have."""
    return _ratio(min(a, b), a + b)


def _ratio(matches: int, length: int) -> float:
    """As difflib computes every ratio, so that the bounds compare exactly with its scores."""
    return 2.0 * matches / length if length else 1.0
