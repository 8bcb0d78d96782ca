#!/usr/bin/env python3
"""Derive how common everyday words are, for search's typo rule: generator/search/lexicon/words-XX.txt.

A word a shopper commonly types ("boots", "socks", "chaussures") is not a typo of a word of the
content one letter away ("blots", "stock"): search corrects only words rarer than that
(generator/search/builder.py, ``real_words``). How common a word is comes from wordfreq (Robyn
Speer's word frequencies, built from Wikipedia, subtitles, news, books, web text and more), as a
Zipf value: log10 of its frequency per billion words, 3 for one in a million. wordfreq is not a
dependency of the generator (its data is 57 MB): only the derived files are. Re-derive with:

    .venv/bin/pip install wordfreq==3.1.1
    .venv/bin/python scripts/derive_word_frequencies.py            # every language below

Each file holds the language's TOP most frequent words made of letters only, one a line with its
Zipf value in tenths ("boots 43").
"""

from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "search" / "lexicon"
LANGUAGES = ("en", "fr")
TOP = 30_000


def derive(language: str, top: int) -> str:
    import wordfreq  # type: ignore[import-not-found]

    version = metadata.version("wordfreq")
    lines = [f"# {language}: the {top:,} most frequent words of wordfreq {version}"
             " (letters only) and their Zipf value in tenths; scripts/derive_word_frequencies.py"]
    for word in wordfreq.top_n_list(language, top * 2):
        if word.isalpha() and len(lines) <= top:
            lines.append(f"{word} {round(wordfreq.zipf_frequency(word, language) * 10)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=TOP)
    args = parser.parse_args()
    for language in LANGUAGES:
        (OUT / f"words-{language}.txt").write_text(derive(language, args.top), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
