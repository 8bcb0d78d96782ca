"""No store inside the generator: ``grep -rniwE 'kseworks|bags?|sacs?' generator theme devstore`` finds nothing
but the language data listed here, each with the reason its hits are ordinary words of a language, not a store's."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import REPO

STORE_WORDS = re.compile(r"(?<!\w)(kseworks|bags?|sacs?)(?!\w)", re.IGNORECASE)  # grep -iw: whole words
FOLDERS = ("generator", "theme", "devstore")
LANGUAGE_DATA = {
    "generator/search/lexicon/words-en.txt":
        "wordfreq's general English word frequencies (scripts/derive_word_frequencies.py): 'bag', 'bags' and "
        "'sac' are ordinary English words; deleting them would skew spelling correction for every store",
    "generator/search/lexicon/words-fr.txt":
        "wordfreq's general French word frequencies: 'sac', 'sacs' (and the loanword 'bag') are ordinary French",
    "theme/assets/javascripts/snowball/serbian-stemmer.js":
        "the vendored Snowball stemmer: 'sac' is one of Serbian's suffixes, not a word of any store",
    "generator/search/lexicon/shopping-pt.yml":
        "'SAC' is Brazil's everyday name for a shop's customer service (Serviço de Atendimento ao Consumidor), "
        "what a shopper types to reach it; the lexicon's contact rule must know it for every store",
}


def tracked_files() -> list[str]:
    """The files git tracks under the three folders (what a clone holds, not local build output)."""
    listed = subprocess.run(["git", "ls-files", "-z", *FOLDERS], cwd=REPO, capture_output=True, check=True)
    return [name for name in listed.stdout.decode("utf-8").split("\0") if name]


def hits(text: str) -> list[str]:
    return [f"{number}: {line.strip()[:80]}" for number, line in enumerate(text.splitlines(), 1)
            if STORE_WORDS.search(line)]


def test_no_store_words_in_the_generator_theme_or_development_store() -> None:
    found = {}
    for name in tracked_files():
        path = REPO / name
        if name in LANGUAGE_DATA or not path.is_file():
            continue
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:  # images and fonts: no words
            continue
        if lines := hits(text):
            found[name] = lines[:3]
    assert not found, f"a store's words in the generator (move them to the store's content/): {found}"


def test_each_exception_is_a_tracked_file_that_still_needs_it() -> None:
    tracked = set(tracked_files())
    for name in LANGUAGE_DATA:
        assert name in tracked, f"{name}: listed as an exception but not in the repository; drop it from the list"
        assert hits((REPO / name).read_text("utf-8")), f"{name}: no longer hits; drop it from the exceptions"


def test_the_pattern_matches_whole_words_as_grep_w_does() -> None:
    assert [bool(STORE_WORDS.search(text)) for text in ("Kseworks", "a bag.", "SACS", "baggage", "sachet",
                                                        "handbags", "my_bag")] == \
        [True, True, True, False, False, False, False]
