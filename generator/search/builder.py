"""The search index files: a small manifest, term shards and document chunks.

Layout (all JSON, site paths under ``assets/search/``):

- ``index.json``: the manifest, fetched with the page (a few KB). It holds the sorted term
  dictionary (one space-separated string), where each shard of postings starts in it, the
  synonym groups already turned into terms, the stop words and the query-time ranking
  parameters, so that the browser and ``helpcenter search`` read them from the same place.
- ``terms-N.json``: the postings of a contiguous run of dictionary terms, one flat array per
  term, ``[doc gap, score, doc gap, score, ...]``. Scores are BM25F over the fields, weighted
  title > keywords > body > context, computed here once and stored as integers.
- ``docs-N.json``: ``[id, title, url, context, excerpt]`` for ``chunk`` documents in a row.

A query fetches the manifest once, then only the shards of its terms and the chunks of the
documents it shows: a few kilobytes, at any number of articles.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from generator.search.documents import FIELDS, SearchDoc
from generator.search.text import STOP_WORDS, terms

FORMAT = "hc-search/1"
PREFIX = "assets/search/"
FIELD_WEIGHTS = {"title": 4.0, "keywords": 2.5, "body": 1.0, "context": 0.6}
FIELD_B = {"title": 0.3, "keywords": 0.3, "body": 0.75, "context": 0.3}  # length normalisation
K1 = 1.2
SCORE_SCALE = 100  # scores are stored as round(score * SCORE_SCALE)
SHARD_BYTES = 16_000  # target raw size of a postings shard
CHUNK_BYTES = 6_000  # target raw size of a document chunk

# Query-time parameters, read by both query engines from the manifest.
RANKING = {
    "synonym": 0.8,  # a synonym of a query word (or phrase)
    "typo": 0.6,  # a word one edit away (query words of >= typoMinLength letters, unknown as typed)
    "typoMinLength": 5,
    "prefix": 0.7,  # the last word, as if still being typed
    "prefixMinLength": 3,
    "stemPrefix": 0.35,  # other words: index terms that start with the word's stem
    "stemPrefixMinLength": 4,
    "maxExpansions": 40,  # prefix expansions per word, in dictionary order
    "coordination": 2,  # score * (matched clauses / clauses) ** coordination
    "minRelativeScore": 0.1,  # results scoring under this share of the best one are dropped
}


@dataclass
class _Counted:
    fields: dict[str, Counter[str]]
    lengths: dict[str, int]


def build_index_files(docs: list[SearchDoc], synonyms: list[list[str]], language: str = "en") -> dict[str, bytes]:
    """Site path -> bytes of every search file for these documents."""
    counted = [_count(doc) for doc in docs]
    postings = _postings(counted)
    vocabulary = sorted(postings)
    shard_starts, shards = _shards(vocabulary, postings)
    chunk, chunks = _chunks(docs)
    files = {f"{PREFIX}terms-{i}.json": _json(s) for i, s in enumerate(shards)}
    files.update({f"{PREFIX}docs-{i}.json": _json(c) for i, c in enumerate(chunks)})
    manifest = {
        "format": FORMAT,
        "key": hashlib.sha256(b"".join(files[k] for k in sorted(files))).hexdigest()[:12],
        "docs": len(docs),
        "chunk": chunk,
        "terms": " ".join(vocabulary),
        "shards": shard_starts,
        "synonyms": synonym_terms(synonyms),
        "stopWords": " ".join(sorted(STOP_WORDS)),
        "ranking": RANKING,
        "language": language,  # the locale's language: its word rules (stemmer, splitting) are chosen by it
    }
    files[f"{PREFIX}index.json"] = _json(manifest)
    return files


def synonym_terms(synonyms: list[list[str]]) -> list[list[str]]:
    """Each group as its phrases' terms ("money back" -> "monei back"); empty phrases dropped."""
    groups = []
    for group in synonyms:
        phrases = list(dict.fromkeys(" ".join(terms(phrase)) for phrase in group))
        phrases = [p for p in phrases if p]
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def _count(doc: SearchDoc) -> _Counted:
    fields = {name: Counter(terms(doc.fields.get(name, ""))) for name in FIELDS}
    return _Counted(fields, {name: sum(c.values()) for name, c in fields.items()})


def _postings(counted: list[_Counted]) -> dict[str, list[int]]:
    """term -> flat [doc gap, score, ...] in document order."""
    averages = {}
    for name in FIELDS:
        lengths = [c.lengths[name] for c in counted if c.lengths[name]]
        averages[name] = sum(lengths) / len(lengths) if lengths else 1.0
    doc_freq: Counter[str] = Counter()
    for c in counted:
        doc_freq.update({t for f in c.fields.values() for t in f})
    total = len(counted)
    found: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for doc_number, c in enumerate(counted):
        for term, weighted_tf in _weighted_tfs(c, averages).items():
            df = doc_freq[term]
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            score = idf * weighted_tf * (K1 + 1) / (weighted_tf + K1)
            gap = doc_number - last.get(term, 0)
            found.setdefault(term, []).extend((gap, max(1, round(score * SCORE_SCALE))))
            last[term] = doc_number
    return found


def _weighted_tfs(c: _Counted, averages: dict[str, float]) -> dict[str, float]:
    """BM25F: per term, the sum over fields of weight * length-normalised term frequency."""
    weighted: dict[str, float] = {}
    for name in FIELDS:
        norm = 1 - FIELD_B[name] + FIELD_B[name] * c.lengths[name] / averages[name]
        for term, tf in c.fields[name].items():
            weighted[term] = weighted.get(term, 0.0) + FIELD_WEIGHTS[name] * tf / norm
    return weighted


def _shards(vocabulary: list[str], postings: dict[str, list[int]]) -> tuple[list[int], list[list[list[int]]]]:
    """Cut the dictionary into runs of about SHARD_BYTES of postings (a huge list stays whole)."""
    starts: list[int] = []
    shards: list[list[list[int]]] = []
    size = SHARD_BYTES
    for i, term in enumerate(vocabulary):
        entry = postings[term]
        entry_size = len(_json(entry))
        if size + entry_size > SHARD_BYTES and (not shards or shards[-1]):
            starts.append(i)
            shards.append([])
            size = 0
        shards[-1].append(entry)
        size += entry_size + 1
    return starts, shards


def _chunks(docs: list[SearchDoc]) -> tuple[int, list[list[list[str]]]]:
    """Documents in runs of a fixed count chosen so that an average run is about CHUNK_BYTES."""
    rows = [[d.id, d.title, d.url, d.context, d.excerpt, *([d.lang] if d.lang else [])] for d in docs]
    average = sum(len(_json(r)) for r in rows) / len(rows) if rows else 1
    chunk = max(8, int(CHUNK_BYTES / average))
    return chunk, [rows[i : i + chunk] for i in range(0, len(rows), chunk)]


def shard_of(shard_starts: list[int], term_number: int) -> int:
    return bisect_right(shard_starts, term_number) - 1


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
