"""Search text processing: normalising, stop words, the Porter stemmer, Markdown to text; and
the same results from hc-search-engine.js on the same input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.search.stemmer import stem
from generator.search.text import STOP_WORDS, Token, term, tokenize, words
from tests.conftest import STORE
from tests.search.helpers import helpcenter_from, load_vectors, run_node, write_index

# Porter's own examples (steps 1 to 5), as lunr.js stems them.
PORTER = {
    "caresses": "caress", "ponies": "poni", "ties": "ti", "cats": "cat", "feed": "feed", "agreed": "agre",
    "plastered": "plaster", "bled": "bled", "motoring": "motor", "sing": "sing", "conflated": "conflat",
    "troubled": "troubl", "sized": "size", "hopping": "hop", "tanned": "tan", "falling": "fall",
    "hissing": "hiss", "fizzed": "fizz", "failing": "fail", "filing": "file", "happy": "happi",
    "relational": "relat", "conditional": "condit", "rational": "ration", "digitizer": "digit",
    "vietnamization": "vietnam", "operator": "oper", "feudalism": "feudal", "decisiveness": "decis",
    "hopefulness": "hope", "callousness": "callous", "sensibiliti": "sensibl", "triplicate": "triplic",
    "formative": "form", "formalize": "formal", "electrical": "electr", "goodness": "good", "revival": "reviv",
    "allowance": "allow", "inference": "infer", "airliner": "airlin", "adjustable": "adjust",
    "defensible": "defens", "replacement": "replac", "adoption": "adopt", "communism": "commun",
    "activate": "activ", "effective": "effect", "bowdlerize": "bowdler", "probate": "probat", "rate": "rate",
    "cease": "ceas", "controll": "control", "roll": "roll",
}  # fmt: skip


@pytest.mark.parametrize(("word", "expected"), sorted(PORTER.items()))
def test_porter_stems(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_stems_like_lunr_js_not_like_lunr_py() -> None:
    # lunr.py follows Porter's C code here; the browser's lunr.js (and hc-search-engine.js) do not.
    assert (stem("try"), stem("lay"), stem("sky")) == ("tri", "lay", "ski")


def test_words_are_lower_case_without_accents_apostrophes_or_punctuation() -> None:
    assert words("Où est mon COLIS? Don't worry: it's the bag’s strap (30-day) café") == [
        "ou", "est", "mon", "colis", "dont", "worry", "it", "the", "bag", "strap", "30", "day", "cafe",
    ]


def test_tokens_drop_stop_words_and_keep_numbers_unstemmed() -> None:
    assert tokenize("Where is my parcels, 2 deliveries?") == [
        Token("parcels", "parcel"), Token("2", "2"), Token("deliveries", "deliveri"),
    ]
    assert {"where", "is", "my", "didnt", "please"} <= STOP_WORDS




def test_javascript_normalises_and_stems_every_word_alike(tmp_path: Path) -> None:
    vocabulary = set(re.findall(r"[A-Za-z]+", " ".join(p.read_text("utf-8") for p in (STORE / "content").rglob("*.*"))))
    vocabulary |= set(PORTER) | {"try", "lay", "yelling", "yes", "y", "sky", "eyeing", "ageing", "a1b2", "customs"}
    # Inflect every word, to reach the stemmer's rarer steps.
    suffixes = ("", "s", "es", "ed", "ing", "ly", "ness", "ment", "ation", "ational", "izer", "ful", "ible", "ous")
    forms = sorted({(w.lower() + s) for w in vocabulary for s in suffixes})
    texts = ["Où est mon COLIS? Don't worry: it's the bag’s strap", "ﬁne Ｆｕｌｌ ｗｉｄｔｈ", "naïve coöperate"]
    index_dir = write_index(helpcenter_from(load_vectors()["content"]), tmp_path / "site")
    answer = run_node(index_dir, tmp_path, words=forms, texts=texts)
    assert answer["stems"] == {w: term(w) for w in forms}
    assert answer["tokens"] == {t: words(t) for t in texts}
