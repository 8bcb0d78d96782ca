"""The index builder's postings are BM25F as written in its docstring, whatever the shortcuts it takes.

``_postings`` computes once per document what depends only on the document and keeps each term's
frequencies as a shared shape; these tests compare it, score for score, with the formula written out
plainly (term by term, field by field), on the reference store's content and on documents made to hit the edges.
"""

from __future__ import annotations

import json
import math
from collections import Counter

from generator.reading.loading import load_helpcenter
from generator.search.builder import FIELD_B, FIELD_WEIGHTS, K1, SCORE_SCALE, _count, _postings, build_index_files
from generator.search.documents import FIELDS, SearchDoc, search_documents
from generator.search.languages import word_rules
from tests.conftest import STORE


def plain_postings(docs: list[SearchDoc], language: str = "en") -> dict[str, list[int]]:
    """BM25F over the fields, written out: term -> [doc gap, score, ...]."""
    lang = word_rules(language)
    counted = [{name: Counter(lang.terms(doc.fields.get(name, ""))) for name in FIELDS} for doc in docs]
    averages = {}
    for name in FIELDS:
        lengths = [sum(c[name].values()) for c in counted if c[name]]
        averages[name] = sum(lengths) / len(lengths) if lengths else 1.0
    doc_freq: Counter[str] = Counter()
    for c in counted:
        doc_freq.update({t for field in c.values() for t in field})
    found: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for number, c in enumerate(counted):
        weighted: dict[str, float] = {}
        for name in FIELDS:
            norm = 1 - FIELD_B[name] + FIELD_B[name] * sum(c[name].values()) / averages[name]
            for term, tf in c[name].items():
                weighted[term] = weighted.get(term, 0.0) + FIELD_WEIGHTS[name] * tf / norm
        for term, tf in weighted.items():
            df = doc_freq[term]
            idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
            score = idf * tf * (K1 + 1) / (tf + K1)
            found.setdefault(term, []).extend((number - last.get(term, 0), max(1, round(score * SCORE_SCALE))))
            last[term] = number
    return found


def doc(number: int, title: str, body: str, keywords: str = "", context: str = "") -> SearchDoc:
    return SearchDoc(str(number), title, f"x/{number}/", context, "",
                     fields={"title": title, "keywords": keywords, "body": body, "context": context})


def test_postings_of_the_real_content_are_the_plain_formula_score_for_score() -> None:
    docs = search_documents(load_helpcenter(STORE / "content"))
    lang = word_rules("en")
    assert _postings([_count(d, lang) for d in docs]) == plain_postings(docs)


def test_postings_of_documents_with_empty_fields_and_repeated_words_are_the_plain_formula() -> None:
    docs = [doc(0, "Returns", "return return return the bag", "refund, return"),
            doc(1, "", "", "", "Shipping"),
            doc(2, "Return a bag", "", "", ""),
            doc(3, "Bags", "bag " * 40, "bag", "Bags and more bags")]
    lang = word_rules("en")
    assert _postings([_count(d, lang) for d in docs]) == plain_postings(docs)


def test_shards_and_chunks_are_what_json_would_write() -> None:
    """Shards and chunks are joined from each entry's JSON; the files must parse to the same lists."""
    docs = search_documents(load_helpcenter(STORE / "content"))
    files = build_index_files(docs, [], None)
    manifest = json.loads(files["assets/search/index.json"])
    postings = plain_postings(docs)
    vocabulary = manifest["terms"].split(" ")
    entries = [entry for i in range(len(manifest["shards"]))
               for entry in json.loads(files[f"assets/search/terms-{i}.json"])]
    assert entries == [postings[term] for term in vocabulary]
    rows = [row for i in range(math.ceil(len(docs) / manifest["chunk"]))
            for row in json.loads(files[f"assets/search/docs-{i}.json"])]
    assert rows == [[d.id, d.title, d.url, d.context, d.excerpt] for d in docs]
    for name, data in files.items():
        assert json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")).encode() == data, name
