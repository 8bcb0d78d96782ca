"""Word rules per index language, the same in Python and in ``hc-search-engine.js``.

English (``en``) keeps text.py's rules: lunr's Porter stemmer, its stop words, OWN_TERMS, typo
tolerance and the shopping lexicon. A language Snowball has a stemmer for uses it: the PyPI
``snowballstemmer`` package here, Snowball's generated JavaScript of the same version in the browser
(theme/assets/javascripts/snowball/, from Sphinx's wheel), with that language's Snowball stop list
where we carry one (the UI languages: generator/search/lexicon/stop-XX.txt). Words are the runs of
letters and digits of the NFKC, lower-cased text (apostrophes split: "l'article" is "l" and
"article"); stop words are matched and words stemmed with their accents, which are folded after
stemming. Chinese, Japanese and Korean split runs of Han, Kana and Hangul into overlapping character
bigrams (one character alone stays a unigram); other words in them are folded, not stemmed. Typos
are forgiven in every language but CJK (engine.py edits the word as typed, then stems it with these
rules); the shopping lexicon has one file set per language (generator/search/lexicon/; the store's
synonyms apply in every language). A language Snowball has no stemmer for is searched with its words
folded, not stemmed, and a warning names what is lost (a word's other forms), rather than being
refused.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

from generator.search import text

DEFAULT = "en"

# ISO 639-1 code -> Snowball algorithm name (those hc-search-engine.js can load a stemmer for).
SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "es": "spanish",
    "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "nl": "dutch",
    "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "tr": "turkish",
}  # fmt: skip
CJK = frozenset({"ja", "zh", "ko"})
STEMMER_SCRIPTS = "assets/javascripts/snowball/"  # the theme's copy of Snowball's generated JavaScript

log = logging.getLogger("mkdocs.plugins.helpcenter")
_LANGUAGE_CODE = re.compile("^[a-z]{2,3}$")
_WORDS = re.compile(r"[^\W_]+")  # letters and digits (JavaScript: /[\p{L}\p{N}]+/gu)
_OPEN_END = re.compile(r"[^\W_]$")
_DIGIT = re.compile("[0-9]")
# Han, Hiragana, Katakana, Hangul (jamo, compatibility jamo, syllables): split into bigrams.
_CJK_CHARS = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_RUNS = re.compile(f"[{_CJK_CHARS}]+|[^{_CJK_CHARS}]+")
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]")


def fold(word: str) -> str:
    """Accents off: NFKD, combining marks dropped."""
    return text.MARKS.sub("", unicodedata.normalize("NFKD", word))


def bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


@dataclass(frozen=True)
class Language:
    code: str
    stop_words: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def english(self) -> bool:
        return self.code == DEFAULT

    def words(self, value: str) -> list[str]:
        """The words of ``value`` as the index language sees them, stop words included."""
        if self.english:
            return text.words(value)
        found = _WORDS.findall(unicodedata.normalize("NFKC", value).lower())
        if self.code not in CJK:
            return found
        out: list[str] = []
        for word in found:
            for run in _CJK_RUNS.findall(word):
                out.extend(bigrams(run) if _CJK_RUN.match(run) else [fold(run)])
        return out

    def term(self, word: str) -> str:
        if self.english:
            return text.term(word)
        if self.code in CJK:
            return word
        if self.code not in SNOWBALL:
            return fold(word)  # no stemmer for the language: each form of a word is its own term
        return _snowball_term(self.code, word)

    def is_open(self, query: str) -> bool:
        """Whether the query's last word is still being typed (nothing follows it)."""
        return bool(_OPEN_END.search(unicodedata.normalize("NFKC", query).lower()))

    def terms(self, value: str) -> list[str]:
        return [self.term(w) for w in self.words(value) if w not in self.stop_words]


@cache
def _snowball_term(code: str, word: str) -> str:
    if _DIGIT.search(word):
        return fold(word)
    stemmed: str = _stemmer(code).stemWord(word)
    return fold(stemmed)


@cache
def stop_words(code: str) -> frozenset[str]:
    """The language's stop list, ``stop-XX.txt`` beside the lexicon (from Snowball's): its words, as typed,
    with their accents. Without one (empty), every word of a query counts, "och" as much as "retur"."""
    listed = resources.files("generator.search.lexicon").joinpath(f"stop-{code}.txt")
    if not listed.is_file():
        return frozenset()
    return frozenset(word for line in listed.read_text("utf-8").splitlines() if not line.startswith("#")
                     for word in line.split())


@cache
def _stemmer(code: str) -> Any:
    return snowballstemmer.stemmer(SNOWBALL[code])


@cache
def word_rules(code: str | None) -> Language:
    """The word rules of an index language (ISO 639-1, "fr"; a region is ignored: "fr-CA")."""
    code = (code or DEFAULT).lower().replace("_", "-").split("-")[0]
    if code == DEFAULT:
        return Language(DEFAULT, text.STOP_WORDS)
    if code in SNOWBALL or code in CJK:
        return Language(code, stop_words(code))
    if not _LANGUAGE_CODE.match(code):
        raise ValueError(f"{code!r} is not a language code (ISO 639-1, such as 'fr' or 'pt-BR')")
    log.warning(f"search: Snowball has no stemmer for language '{code}', so its words are searched without "
                "stemming: a plural or another form of a word (\"book\", \"books\", \"booked\") finds only the "
                "articles with that very form; accents, typos and the store's synonyms still work")
    return Language(code)


def index_languages(files: Mapping[str, bytes]) -> set[str]:
    """The languages of the search indexes among a build's files (each ``.../index.json`` manifest)."""
    found = set()
    for path, data in files.items():
        if path.endswith("assets/search/index.json"):
            found.add(json.loads(data).get("language") or DEFAULT)
    return found


def unused_stemmer_files(languages: Iterable[str]) -> tuple[str, ...]:
    """Site paths of the theme's Snowball files that no index in these languages loads (all of
    them for an English-only site): the build leaves them out. The licence goes with any stemmer."""
    codes = {language.lower().replace("_", "-").split("-")[0] for language in languages}  # "pt-BR" is "pt"
    needed = {SNOWBALL[code] for code in codes if code in SNOWBALL}
    names = sorted({*SNOWBALL.values(), "base"} - (needed | {"base"} if needed else set()))
    unused = [f"{STEMMER_SCRIPTS}{name}-stemmer.js" for name in names]
    unused.append(f"{STEMMER_SCRIPTS}README.md")
    if not needed:
        unused.append(f"{STEMMER_SCRIPTS}COPYING")
    return tuple(unused)
