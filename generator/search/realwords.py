"""Words shoppers commonly type, so that search never takes one for a typo of a content word.

"do you sell boots": "boots" is one letter from "blots", a word of a care guide, and "socks" is
one from "stock"; taken as typos, the question about a product the store does not sell was
answered with a care guide, and the fallback named the wrong word. How common a word is comes
from ``words-XX.txt`` beside the lexicon (wordfreq's Zipf values, derived by
scripts/derive_word_frequencies.py). The builder lists, per index, the common words one edit
away from what the index can match (its terms, the store's synonyms, the lexicon's triggers)
that the index does not know itself: only those would be "corrected". They travel in the
lexicon parts of their first letters (``"words"``), which a query fetches for its own words
before it is parsed, so both engines know them when they look for typos.

Frequency-aware: a longer word is common from a Zipf value of 3.0 (once in a million words:
"suede", "hiring"); a word of four letters or fewer, of 3.5, because short typos of frequent
words are themselves frequent on the web ("wat" 3.4, "cn" 3.4, "oder" 2.8) while the short
words shoppers mean are more common still ("sock" 3.6, "belt" 4.4).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from generator.search.languages import Language
from generator.search.text import one_edit_variants

COMMON_ZIPF = 30  # in tenths, for a word of five letters or more
COMMON_SHORT_ZIPF = 35  # for a word of four letters or fewer
SHORT = 4


@cache
def frequencies(code: str) -> dict[str, int]:
    """word -> Zipf value in tenths, for the language's most frequent words ({} without a list)."""
    resource = resources.files("generator.search.lexicon").joinpath(f"words-{code}.txt")
    if not resource.is_file():
        return {}
    found: dict[str, int] = {}
    for line in resource.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, zipf = line.split(" ")
            found[word] = int(zipf)
    return found


@cache
def _common(code: str) -> dict[str, int]:
    """The common words only (above the threshold of their length)."""
    return {w: z for w, z in frequencies(code).items()
            if len(w) > 1 and z >= (COMMON_SHORT_ZIPF if len(w) <= SHORT else COMMON_ZIPF)}


@cache
def _by_term(lang: Language) -> dict[str, tuple[str, ...]]:
    """term -> the common words that have it (so "blot" finds "blots", whose neighbour is "boots")."""
    found: dict[str, list[str]] = {}
    for word in _common(lang.code):
        found.setdefault(lang.term(word), []).append(word)
    return {t: tuple(ws) for t, ws in found.items()}


def common_words_near(lang: Language, reachable: set[str]) -> list[str]:
    """The common words one edit from a word whose term is ``reachable`` (an index term or a
    trigger term), which the index does not know and which are not stop words: the words that
    search would otherwise correct into something the shopper did not type."""
    common = _common(lang.code)
    if not common:
        return []
    by_term = _by_term(lang)
    sources = set(reachable)
    for t in reachable:
        sources.update(by_term.get(t, ()))
    found = set()
    for source in sources:
        for variant in one_edit_variants(source):
            if variant in common and variant not in lang.stop_words and lang.term(variant) not in reachable:
                found.add(variant)
    return sorted(found)
