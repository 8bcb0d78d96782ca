"""The Porter stemmer, written exactly like lunr.js's (and like ``hc-search-engine.js``).

lunr.py's stemmer is a port of the C reference and differs from lunr.js on words such as
"try" and "lay"; the browser and ``helpcenter search`` must agree on every word, so both
sides carry this regular-expression version, step for step. ``tests/search/test_text.py``
stems the content's whole vocabulary, inflected, with both and requires the same stems.
"""

from __future__ import annotations

import re

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"  # consonant ("Y" standing for a leading y counts as one)
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(r"^(.+?)(" + "|".join(_STEP2) + ")$")
_3 = re.compile(r"^(.+?)(" + "|".join(_STEP3) + ")$")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_4_ION = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5_LL = re.compile(r"ll$")


def stem(word: str) -> str:
    """The Porter stem of a lower-case word (words under three letters are kept)."""
    if len(word) < 3:
        return word
    first_y = word[0] == "y"
    w = "Y" + word[1:] if first_y else word
    w = _step1(w)
    w = _replace_suffix(w, _2, _STEP2)
    w = _replace_suffix(w, _3, _STEP3)
    w = _step4(w)
    w = _step5(w)
    return "y" + w[1:] if first_y else w


def _step1(w: str) -> str:
    if _1A.search(w):
        w = _1A.sub(r"\1\2", w)
    elif _1A2.search(w):
        w = _1A2.sub(r"\1\2", w)
    m = _1B.match(w)
    if m:
        if _MGR0.search(m.group(1)):
            w = _LAST.sub("", w)
    else:
        m = _1B2.match(w)
        if m and _S_V.search(m.group(1)):
            w = m.group(1)
            if _1B_AT.search(w):
                w += "e"
            elif _1B_DOUBLE.search(w):
                w = _LAST.sub("", w)
            elif _CVC.search(w):
                w += "e"
    m = _1C.match(w)
    if m:
        w = m.group(1) + "i"
    return w


def _replace_suffix(w: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    m = pattern.match(w)
    if m and _MGR0.search(m.group(1)):
        return m.group(1) + table[m.group(2)]
    return w


def _step4(w: str) -> str:
    m = _4.match(w)
    if m:
        return m.group(1) if _MGR1.search(m.group(1)) else w
    m = _4_ION.match(w)
    if m:
        base = m.group(1) + m.group(2)
        return base if _MGR1.search(base) else w
    return w


def _step5(w: str) -> str:
    m = _5.match(w)
    if m:
        base = m.group(1)
        if _MGR1.search(base) or (_MEQ1.search(base) and not _CVC.search(base)):
            w = base
    if _5_LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w)
    return w
