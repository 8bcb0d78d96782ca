"""Text to search terms, the same way in Python and in ``hc-search-engine.js``.

The browser repeats these steps on the query, so each one is chosen to be exactly
reproducible in JavaScript: Unicode NFKD, drop combining marks (U+0300–U+036F), lower
case, drop apostrophes (a possessive ``'s`` with them), split on anything but ``a-z0-9``,
drop stop words, Porter-stem words that have no digit. Other scripts than Latin are not
indexed (the first stores are English-speaking); that is a known limit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from generator.search.stemmer import stem

# lunr.js's English stop words, plus shoppers' filler words and contractions without their
# apostrophe ("didn't" -> "didnt"), which carry no topic. Shipped in the index so that the
# browser uses exactly this list.
_STOP_WORDS_TEXT = """a able about across after all almost also am among an and any are as at be because been
    but by can cannot could dear did do does either else ever every for from get got had has
    have he her hers him his how however i if in into is it its just least let like likely may me
    might most must my neither no nor not of off often on only or other our own rather said say
    says she should since so some than that the their them then there these they this tis to too
    twas us wants was we were what when where which while who whom why will with would yet you
    your im ive id ill youre dont didnt doesnt isnt wasnt cant wont havent hasnt arent werent
    couldnt wouldnt shouldnt please thanks thank hello hi hey"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

MARKS = re.compile("[\u0300-\u036f]")
"""Combining accents, dropped after NFKD: the one definition (languages.py and engine.py use it too)."""
_APOSTROPHE_S = re.compile("['\u2019]s(?![a-z0-9])")
_APOSTROPHES = re.compile("['\u2019]")
_SEPARATORS = re.compile("[^a-z0-9]+")
_DIGIT = re.compile("[0-9]")


@dataclass(frozen=True)
class Token:
    word: str  # normalised surface form, e.g. "parcels"
    term: str  # what is indexed and looked up, e.g. "parcel"


def words(text: str) -> list[str]:
    """Normalised words of ``text``, stop words included (phrases and typo rules need them)."""
    text = MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()
    text = _APOSTROPHES.sub("", _APOSTROPHE_S.sub("", text))
    return [w for w in _SEPARATORS.split(text) if w]


# Words Porter merges with another that shoppers keep apart ("customs" -> "custom", the stem of
# "customer"): they keep their own term. hc-search-engine.js holds the same list.
OWN_TERMS = {"customs": "customs"}


@cache  # a site's vocabulary is small next to its word count: stem each word once
def term(word: str) -> str:
    """The index term of one normalised word: its stem, or the word itself if it has digits."""
    if word in OWN_TERMS:
        return OWN_TERMS[word]
    return word if _DIGIT.search(word) else stem(word)


def tokenize(text: str, stop_words: frozenset[str] = STOP_WORDS) -> list[Token]:
    """The searchable tokens of ``text``, in order, without stop words."""
    return [Token(w, term(w)) for w in words(text) if w not in stop_words]


def terms(text: str) -> list[str]:
    return [t.term for t in tokenize(text)]


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def one_edit_variants(word: str) -> list[str]:
    """Every string one letter wrong, missing, extra or swapped with its neighbour from ``word``
    (with repeats, and ``word`` itself: callers look the results up, they do not count them)."""
    found = []
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            found.append(head + tail[1:])
        if len(tail) > 1:
            found.append(head + tail[1] + tail[0] + tail[2:])
        for letter in _ALPHABET:
            found.append(head + letter + tail)
            if tail:
                found.append(head + letter + tail[1:])
    return found
