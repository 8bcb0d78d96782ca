"""The search index files: a small manifest, term shards and document chunks.

Layout (all JSON, site paths under ``assets/search/``):

- ``index.json``: the manifest, fetched with the page (a few KB). It holds the sorted term
  dictionary (one space-separated string), where each shard of postings starts in it, the
  synonym groups already turned into terms, which parts of the shopping lexicon there are, the
  stop words and the query-time ranking parameters, so that the browser and ``helpcenter
  search`` read them from the same place.
- ``terms-N.json``: the postings of a contiguous run of dictionary terms, one flat array per
  term, ``[doc gap, score, doc gap, score, ...]``. Scores are BM25F over the fields, weighted
  title > keywords > body > context, computed here once and stored as integers.
- ``docs-N.json``: ``[id, title, url, context, excerpt]`` for ``chunk`` documents in a row.
- ``lexicon-X.json``: the shopping lexicon's rules that can reach this index (as terms) and its
  conversational fillers, by the first two letters of a word (X, see ``lexicon_parts``); a
  query fetches the parts of its words before it is parsed.

A query fetches the manifest once, then only the lexicon parts of its words,
the shards of its terms and the chunks of the documents it shows: a few kilobytes, at any number of articles.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from generator.search.documents import FIELDS, SearchDoc
from generator.search.languages import CJK, DEFAULT, SNOWBALL, Language, word_rules
from generator.search.lexicon import Lexicon
from generator.search.realwords import common_words_near

FORMAT = "hc-search/2"  # 2: the lexicon in parts (lexicon-X.json), no longer in the manifest
LEXICON_KEY = 2  # a lexicon part holds what starts with these many letters ("st" for "store")
PREFIX = "assets/search/"
FIELD_WEIGHTS = {"title": 5.0, "keywords": 2.5, "body": 1.0, "context": 0.6}
FIELD_B = {"title": 0.3, "keywords": 0.3, "body": 0.75, "context": 0.3}  # length normalisation
K1 = 1.2
SCORE_SCALE = 100  # scores are stored as round(score * SCORE_SCALE)
SHARD_BYTES = 16_000  # target raw size of a postings shard
CHUNK_BYTES = 4_000  # target raw size of a document chunk (smaller since the manifest carries the lexicon)

# Query-time parameters, read by both query engines from the manifest.
RANKING = {
    "synonym": 0.8,  # a synonym of a query word (or phrase), from the store's synonyms.yml
    "lexicon": 0.7,  # a phrase the shopping lexicon relates to a query word (or phrase)
    "lexiconDecay": 1.0,  # each further phrase a lexicon rule means weighs this much less than the one before
    "situationWords": 0.25,  # the words of a lexicon situation ("paid but nothing came"), as themselves
    "typo": 0.6,  # a word one edit away (query words of >= typoMinLength letters, unknown as typed)
    "typoMinLength": 2,  # shorter common words are never typos (the "words" of the lexicon parts)
    "typoShortLength": 4,  # a word this short is corrected into index terms only (not lexicon triggers)
    "stopTypoMaxLength": 3,  # an unknown word this short one edit from a stop word is dropped like one
    "prefix": 0.7,  # the last word, as if still being typed
    "prefixMinLength": 3,
    "stemPrefix": 0.35,  # other words: index terms that start with the word's stem
    "stemPrefixMinLength": 4,
    "maxExpansions": 40,  # prefix expansions per word, in dictionary order
    "coordination": 1,  # score * (matched clauses / clauses) ** coordination
    "minRelativeScore": 0.1,  # results scoring under this share of the best one are dropped
    "confidence": 0.5,  # the best result must cover this share of the query's specificity to answer it
    "unknownWords": 1,  # at most this many words nothing mentions count against that share (see engine.py)
}


def build_index_files(docs: list[SearchDoc], synonyms: list[list[str]],
                      lexicon: Lexicon | None = None, language: str = DEFAULT) -> dict[str, bytes]:
    """Site path -> bytes of every search file for these documents (``lexicon``: the shopping
    lexicon of the documents' language, or None when the site switched it off; a lexicon in
    another language is left out). ``language``: the documents' language, which picks the word
    rules (generator/search/languages.py) and is written in the manifest for the browser."""
    lang = word_rules(language)
    if lexicon is not None and word_rules(lexicon.language).code != lang.code:
        lexicon = None
    counted = [_count(doc, lang) for doc in docs]
    postings = _postings(counted)
    vocabulary = sorted(postings)
    shard_starts, shards = _shards(vocabulary, postings)
    chunk, chunks = _chunks(docs)
    files = {f"{PREFIX}terms-{i}.json": s for i, s in enumerate(shards)}
    files.update({f"{PREFIX}docs-{i}.json": c for i, c in enumerate(chunks)})
    parts = lexicon_parts(lexicon, set(vocabulary), lang) if lexicon else {}
    synonym_groups = synonym_terms(synonyms, lang)
    add_common_words(parts, lang, {*vocabulary, *_trigger_terms(parts, synonym_groups)})
    files.update({f"{PREFIX}lexicon-{key}.json": _json(part) for key, part in parts.items()})
    manifest = {
        "format": FORMAT,
        "key": hashlib.sha256(b"".join(files[k] for k in sorted(files))).hexdigest()[:12],
        "docs": len(docs),
        "chunk": chunk,
        "terms": " ".join(vocabulary),
        "shards": shard_starts,
        "language": lang.code,
        "stemmer": SNOWBALL.get(lang.code),  # the browser loads snowball/<stemmer>-stemmer.js
        "synonyms": synonym_groups,
        "lexicon": {"language": lang.code, "keyLength": LEXICON_KEY, "parts": " ".join(sorted(parts))},
        "stopWords": " ".join(sorted(lang.stop_words)),
        "ranking": {**RANKING, "prefixMinLength": 1} if lang.code in CJK else RANKING,  # "革" types 革の
    }
    files[f"{PREFIX}index.json"] = _json(manifest)
    return files


def lexicon_parts(lexicon: Lexicon, vocabulary: set[str], lang: Language | None = None) -> dict[str, dict[str, Any]]:
    """The lexicon cut by the first LEXICON_KEY letters, so that a query fetches only the parts
    of its words (the manifest is fetched with every page: the whole lexicon tripled it, and
    parts by one letter were as big as a postings shard). Part ``st`` holds the fillers whose
    first word starts with "st", every rule (numbered, to keep their order when parts merge)
    with a trigger phrase whose first term (or situation whose first word) does, and the trigger
    terms starting with "st" that the index lacks (a typo may reach them). A rule is
    ``[number, trigger phrases, target phrases]``, with its situations fourth if it has any."""
    lang = lang or word_rules(DEFAULT)
    parts: dict[str, dict[str, Any]] = {}

    def part(key: str) -> dict[str, Any]:
        return parts.setdefault(key, {"rules": [], "fillers": [], "terms": []})

    for filler in filler_words(lexicon, lang):
        part(filler.split(" ")[0][:LEXICON_KEY])["fillers"].append(filler)
    unknown: set[str] = set()
    for number, (triggers, targets, situations) in enumerate(lexicon_terms(lexicon, vocabulary, lang)):
        rule = [number, triggers, targets, situations] if situations else [number, triggers, targets]
        for key in sorted({phrase.split(" ")[0][:LEXICON_KEY] for phrase in triggers + situations}):
            part(key)["rules"].append(rule)
        unknown.update(t for phrase in triggers for t in phrase.split(" ") if t not in vocabulary)
    for t in sorted(unknown):
        part(t[:LEXICON_KEY])["terms"].append(t)
    return {key: {k: v for k, v in value.items() if v} for key, value in sorted(parts.items())}


def add_common_words(parts: dict[str, dict[str, Any]], lang: Language, reachable: set[str]) -> None:
    """Add to the parts (by their first letters, as a query fetches them for its words) the common
    words that search must not take for typos of what the index can match (realwords.py)."""
    for word in common_words_near(lang, reachable):
        parts.setdefault(word[:LEXICON_KEY], {}).setdefault("words", []).append(word)
    parts_in_order = sorted(parts.items())
    parts.clear()
    parts.update(parts_in_order)


def _trigger_terms(parts: dict[str, dict[str, Any]], synonyms: list[list[str]]) -> set[str]:
    """Every term of a synonym phrase or of a lexicon rule's trigger phrases."""
    found = {t for group in synonyms for phrase in group for t in phrase.split(" ")}
    for part in parts.values():
        found.update(t for rule in part.get("rules", []) for p in rule[1] for t in p.split(" "))
    return found


def synonym_terms(synonyms: list[list[str]], lang: Language | None = None) -> list[list[str]]:
    """Each group as its phrases' terms ("money back" -> "monei back"); empty phrases dropped."""
    lang = lang or word_rules(DEFAULT)
    groups = []
    for group in synonyms:
        phrases = list(dict.fromkeys(" ".join(lang.terms(phrase)) for phrase in group))
        phrases = [p for p in phrases if p]
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def lexicon_terms(lexicon: Lexicon, vocabulary: set[str], lang: Language | None = None) -> list[list[list[str]]]:
    """The lexicon's rules as [said phrases in terms, meant phrases in terms, situations], keeping
    only meant phrases this index holds and the rules left with one: the rest could never change
    a result. A said phrase of several words with a filler or a stop word in it ("paid but
    nothing came", "how i signed in") is a *situation*: queries lose fillers and stop words
    first, so it is matched on the query's words as typed (before they do), like a filler."""
    lang = lang or word_rules(DEFAULT)
    fillers = {f for f in filler_words(lexicon, lang) if " " not in f}
    rules: list[list[list[str]]] = []
    for said, meant in lexicon.rules:
        targets = [t for t in _phrase_terms(meant, lang) if all(term in vocabulary for term in t.split(" "))]
        triggers = _phrase_terms([p for p in said if _kept_whole(p, fillers, lang)], lang)
        situations = list(dict.fromkeys(" ".join(lang.words(p)) for p in said if not _kept_whole(p, fillers, lang)))
        situations = [p for p in situations if " " in p]
        if targets and (triggers or situations) and (len(triggers) > 1 or targets != triggers or situations):
            rules.append([triggers, targets, situations])
    return rules


def filler_words(lexicon: Lexicon, lang: Language | None = None) -> list[str]:
    """The lexicon's fillers as a query's words, less the stop words queries lose anyway."""
    lang = lang or word_rules(DEFAULT)
    found = (" ".join(lang.words(f)) for f in lexicon.fillers)
    return [f for f in dict.fromkeys(found) if f and f not in lang.stop_words]


def _kept_whole(phrase: str, fillers: set[str], lang: Language) -> bool:
    """Whether a said phrase can match as written: none of its words is a filler, and stop words
    do not shrink it to one word ("other colour" would otherwise fire on every "colour")."""
    found = lang.words(phrase)
    if fillers.intersection(found):
        return False
    return len(found) == 1 or len([w for w in found if w not in lang.stop_words]) > 1


def _phrase_terms(phrases: list[str], lang: Language) -> list[str]:
    found = (" ".join(lang.terms(p)) for p in phrases)
    return [p for p in dict.fromkeys(found) if p]


@dataclass(frozen=True)
class _Counted:
    """One document's terms, as the postings need them: each distinct term once, with its frequency in
    each field (a tuple in FIELDS order), and each field's length in terms."""

    terms: tuple[str, ...]
    tfs: tuple[tuple[int, ...], ...]
    lengths: tuple[int, ...]


def _count(doc: SearchDoc, lang: Language) -> _Counted:
    """Terms per field."""
    fields = [Counter(lang.terms(doc.fields.get(name, ""))) for name in FIELDS]
    found: dict[str, None] = dict.fromkeys(t for counts in fields for t in counts)
    tfs = [tuple(counts.get(term, 0) for counts in fields) for term in found]
    return _Counted(tuple(found), tuple(tfs), tuple(sum(counts.values()) for counts in fields))


def _postings(counted: list[_Counted]) -> dict[str, list[int]]:
    """term -> flat [doc gap, score, ...] in document order. The inner loop runs once per term of
    every document (hundreds of thousands at 5,000 articles), so what depends only on the document
    (its fields' length normalisation, each frequency shape's BM25F weight) is computed once per
    document, and the arithmetic keeps the exact order of the formula: the same floats, the same
    rounding."""
    averages = []
    for i in range(len(FIELDS)):
        lengths = [c.lengths[i] for c in counted if c.lengths[i]]
        averages.append(sum(lengths) / len(lengths) if lengths else 1.0)
    doc_freq: Counter[str] = Counter()
    for c in counted:
        doc_freq.update(c.terms)
    total = len(counted)
    idf = {term: math.log(1 + (total - df + 0.5) / (df + 0.5)) for term, df in doc_freq.items()}
    weights = [FIELD_WEIGHTS[name] for name in FIELDS]
    bs = [FIELD_B[name] for name in FIELDS]
    k1_plus = K1 + 1
    found: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for doc_number, c in enumerate(counted):
        norms = [1 - b + b * length / average for b, length, average in zip(bs, c.lengths, averages, strict=True)]
        shapes = {shape: _weighted_tf(shape, weights, norms) for shape in set(c.tfs)}
        for term, shape in zip(c.terms, c.tfs, strict=True):
            weighted_tf = shapes[shape]
            score = round(idf[term] * weighted_tf * k1_plus / (weighted_tf + K1) * SCORE_SCALE)
            entry = found.get(term)
            if entry is None:
                found[term] = [doc_number, score if score > 1 else 1]
            else:
                entry.append(doc_number - last[term])
                entry.append(score if score > 1 else 1)
            last[term] = doc_number
    return found


def _weighted_tf(shape: tuple[int, ...], weights: list[float], norms: list[float]) -> float:
    """BM25F: the sum over fields (in FIELDS order) of weight * length-normalised term frequency."""
    weighted = 0.0
    for weight, tf, norm in zip(weights, shape, norms, strict=True):
        if tf:
            weighted = weighted + weight * tf / norm
    return weighted


def _shards(vocabulary: list[str], postings: dict[str, list[int]]) -> tuple[list[int], list[bytes]]:
    """Cut the dictionary into runs of about SHARD_BYTES of postings (a huge list stays whole); each
    entry is written once, and a shard is its entries' JSON joined (what json.dumps would write)."""
    starts: list[int] = []
    shards: list[list[str]] = []
    size = SHARD_BYTES
    for i, term in enumerate(vocabulary):
        entry = _entry_json(postings[term])
        entry_size = len(entry)
        if size + entry_size > SHARD_BYTES and (not shards or shards[-1]):
            starts.append(i)
            shards.append([])
            size = 0
        shards[-1].append(entry)
        size += entry_size + 1
    return starts, [f"[{','.join(shard)}]".encode() for shard in shards]


def _entry_json(entry: list[int]) -> str:
    """A term's postings as JSON (integers only: ASCII, so its length is its size in bytes)."""
    return f"[{','.join(map(str, entry))}]"


def _chunks(docs: list[SearchDoc]) -> tuple[int, list[bytes]]:
    """Documents in runs of a fixed count chosen so that an average run is about CHUNK_BYTES; each row
    is written once, a chunk is its rows' JSON joined."""
    rows = [_row(d.id, d.title, d.url, d.context, d.excerpt, *([d.lang] if d.lang else [])) for d in docs]
    average = sum(size for _, size in rows) / len(rows) if rows else 1
    chunk = max(8, int(CHUNK_BYTES / average))
    texts = [text for text, _ in rows]
    return chunk, [f"[{','.join(texts[i : i + chunk])}]".encode() for i in range(0, len(texts), chunk)]


def _row(*row: str) -> tuple[str, int]:
    """A document's row as JSON, and its size in bytes."""
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    return text, len(text.encode())


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()

