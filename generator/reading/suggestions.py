"""The "did you mean" suggestion for an unknown id, quick against thousands of ids.

``closest`` answers exactly what ``difflib.get_close_matches(word, ids, n=1)`` would, without
comparing the word with every id: a broken file that leaves hundreds of links pointing at unknown
ids would otherwise cost seconds per problem in a big help center.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

CUTOFF = 0.6
"""``difflib.get_close_matches``' default: below it, no suggestion."""


class CloseMatches:
    """The ids to suggest from, grouped by length, and the answers already given."""

    def __init__(self, ids: Iterable[str]) -> None:
        by_length: dict[int, list[str]] = defaultdict(list)
        for known in set(ids):
            by_length[len(known)].append(known)
        self._by_length = dict(by_length)
        self._answers: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        """The id most like ``word`` (difflib's ratio, at least 0.6; ties to the greater id), or None."""
        if word not in self._answers:
            self._answers[word] = self._search(word)
        return self._answers[word]

    def _search(self, word: str) -> str | None:
        # difflib's ratio never exceeds 2*min(len)/(sum of lens) nor its quick_ratio, so lengths are
        # visited from the most alike and the search stops once no remaining id can beat the best.
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        for bound, length in sorted(((_length_bound(n, len(word)), n) for n in self._by_length), reverse=True):
            if bound < CUTOFF or (best is not None and bound < best[0]):
                break
            for known in self._by_length[length]:
                matcher.set_seq1(known)
                if matcher.quick_ratio() < max(CUTOFF, best[0] if best else 0.0):
                    continue
                score = matcher.ratio()
                if score >= CUTOFF and (best is None or (score, known) > best):
                    best = (score, known)
        return best[1] if best else None


def _length_bound(a: int, b: int) -> float:
    """difflib's real_quick_ratio: the best ratio two strings of these lengths can have."""
    return 2.0 * min(a, b) / (a + b) if a + b else 1.0
