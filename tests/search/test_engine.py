"""The search index and engine: documents, index files, sharding, query rules, the built site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.reading.model import Category, Guide, HelpCenter, Question
from generator.search import Lexicon, SearchIndex, build_search_files, builder, search_documents
from generator.search.engine import one_edit_variants
from tests.search.helpers import helpcenter_from, load_vectors, node, run_node, write_files

VECTORS = load_vectors()


def index_of(helpcenter: HelpCenter) -> SearchIndex:
    return SearchIndex.from_files(build_search_files(helpcenter))


@pytest.mark.parametrize(("typed", "meant"), [
    ("refnd", "refund"),  # missing letter
    ("reffund", "refund"),  # extra letter
    ("refumd", "refund"),  # wrong letter
    ("refnud", "refund"),  # neighbours swapped
    ("efund", "refund"),  # first letter missing
    ("refun", "refund"),  # last letter missing
])
def test_one_edit_variants_reach_the_word_meant(typed: str, meant: str) -> None:
    assert meant in one_edit_variants(typed)


def test_one_edit_variants_are_one_edit_away() -> None:
    variants = set(one_edit_variants("bag"))
    assert {"ag", "bg", "ba", "abg", "bga", "bags", "abag", "big", "bat"} <= variants
    assert not {"gab", "b", "bagss", "bgaa"} & variants


def test_a_question_is_one_document_with_its_fields() -> None:
    question = Question("late", "Where is my *order*?", "It ships in [two days](x.md).", "shipping",
                        keywords=["tracking", "delay"], description="When orders ship.")
    helpcenter = HelpCenter([Category("shipping", "Shipping", "", 1, [question])], [])
    [doc] = search_documents(helpcenter)
    assert (doc.id, doc.title, doc.url, doc.context) == ("late", "Where is my *order*?", "shipping/late/", "Shipping")
    assert doc.excerpt == "When orders ship."
    assert doc.fields == {"title": "Where is my *order*?", "keywords": "tracking\ndelay",
                          "body": "When orders ship.\nIt ships in two days.", "context": "Shipping"}


def test_a_guide_is_its_overview_and_one_document_per_section() -> None:
    body = "Intro text.\n\n## Water & oil\n\nBlot it.\n\n### Oil stains\n\nTalc.\n\n## Storing\n\nDust bag.\n"
    helpcenter = HelpCenter([], [Guide("leather", "Caring for leather", "How to.", 1, body)])
    docs = search_documents(helpcenter)
    assert [(d.id, d.title, d.url, d.context) for d in docs] == [
        ("leather", "Caring for leather", "care/leather/", "Care guides"),
        ("leather#water-oil", "Water & oil", "care/leather/#water-oil", "Caring for leather"),
        ("leather#storing", "Storing", "care/leather/#storing", "Caring for leather"),
    ]
    assert docs[1].fields["title"] == "Caring for leather\nWater & oil"
    assert docs[1].fields["body"] == "Blot it. Oil stains Talc."
    assert docs[0].fields["body"] == "Intro text."


def test_index_files_and_manifest() -> None:
    files = build_search_files(helpcenter_from(VECTORS["content"]))
    manifest = json.loads(files["assets/search/index.json"])
    assert manifest["format"] == "hc-search/2"
    assert manifest["docs"] == len(search_documents(helpcenter_from(VECTORS["content"])))
    terms = manifest["terms"].split(" ")
    assert terms == sorted(set(terms))
    assert manifest["ranking"] == builder.RANKING
    assert ["money back", "refund"] in [sorted(g) for g in manifest["synonyms"]]
    assert {k: v for k, v in manifest["lexicon"].items() if k != "parts"} == {"language": "en", "keyLength": 2}
    # no lexicon given: its parts hold only the common words that are no typos (realwords.py)
    parts = [json.loads(files[f"assets/search/lexicon-{key}.json"]) for key in manifest["lexicon"]["parts"].split()]
    assert parts and all(set(part) == {"words"} for part in parts)
    assert {f for f in files if "/lexicon-" not in f} == {
        "assets/search/index.json", "assets/search/terms-0.json", "assets/search/docs-0.json"}
    again = build_search_files(helpcenter_from(VECTORS["content"]))
    assert again == files  # deterministic: same content, same bytes (and cache key)


def test_the_cache_key_changes_with_the_content() -> None:
    content = json.loads(json.dumps(VECTORS["content"]))
    before = json.loads(build_search_files(helpcenter_from(content))["assets/search/index.json"])["key"]
    content["categories"][0]["questions"][0]["answer"] += " Also on Sundays."
    after = json.loads(build_search_files(helpcenter_from(content))["assets/search/index.json"])["key"]
    assert before != after


def test_many_small_shards_and_chunks_rank_exactly_as_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    helpcenter = helpcenter_from(VECTORS["content"])
    whole = index_of(helpcenter)
    monkeypatch.setattr(builder, "SHARD_BYTES", 60)
    monkeypatch.setattr(builder, "CHUNK_BYTES", 200)
    files = build_search_files(helpcenter)
    assert sum(name.startswith("assets/search/terms-") for name in files) > 10
    assert sum(name.startswith("assets/search/docs-") for name in files) > 1
    sharded = SearchIndex.from_files(files)
    queries = [v["query"] for v in VECTORS["vectors"]]
    for query in queries:
        assert [(r.id, r.score) for r in sharded.search(query).results] == [
            (r.id, r.score) for r in whole.search(query).results
        ], query
    if node() is not None:
        answer = run_node(write_files(files, tmp_path / "site"), tmp_path, queries=queries)
        for got in answer["results"]:
            assert got["ids"] == [r.id for r in whole.search(got["query"]).results], got["query"]


def test_a_query_reads_only_the_shards_and_chunks_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder, "SHARD_BYTES", 150)
    monkeypatch.setattr(builder, "CHUNK_BYTES", 200)
    files = build_search_files(helpcenter_from(VECTORS["content"]))
    index = SearchIndex.from_files(files)
    index.search("warranty", 1)
    shards = [n for n in index.files_read if n.startswith("terms-")]
    chunks = [n for n in index.files_read if n.startswith("docs-")]
    assert index.files_read[0] == "index.json"
    assert len(shards) == 1 and len(chunks) == 1


def test_typos_are_only_tried_for_unknown_words_that_are_not_common_words() -> None:
    index = index_of(helpcenter_from(VECTORS["content"]))
    [clause] = index.parse("change ")  # known word: "charge" is one letter away but not tried
    assert set(clause.alternatives[0].parts[0]) == {"chang"}
    [clause] = index.parse("crad ")  # four letters, and no common word: a typo of "card"
    assert clause.alternatives[0].parts[0] == {"card": builder.RANKING["typo"]}
    [clause] = index.parse("hard ")  # a common word one letter from "card" is what the shopper meant
    assert clause.alternatives[0].parts[0] == {}
    [clause] = index.parse("chnage ")  # swapped letters: the stems are two edits apart, the words one
    assert clause.alternatives[0].parts[0] == {"chang": builder.RANKING["typo"]}


def test_a_short_typo_of_a_stop_word_is_dropped_and_a_stop_word_never_becomes_content() -> None:
    index = index_of(helpcenter_from(VECTORS["content"]))
    assert [c.words for c in index.parse("wat refund ")] == [["refund"]]  # "what"
    assert [c.words for c in index.parse("cn i swap ")] == [["swap"]]  # "can", though "on" is a term ("one")
    assert index.search("hw").confidence == "none" and index.search("hw").missing == []


def test_prefix_expansions_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    words = " ".join(f"zeta{n:03d}" for n in range(100))
    question = Question("q", "Zetas", words, "c")
    index = index_of(HelpCenter([Category("c", "C", "", 1, [question])], []))
    [clause] = index.parse("zeta")
    part = clause.alternatives[0].parts[0]
    assert part["zeta"] == 1.0  # the word itself, then at most maxExpansions longer terms
    assert len(part) == 1 + builder.RANKING["maxExpansions"]


def test_results_under_a_tenth_of_the_best_are_dropped() -> None:
    index = index_of(helpcenter_from(VECTORS["content"]))
    results = index.search("warranty bag").results
    assert results and all(r.score >= results[0].score * builder.RANKING["minRelativeScore"] for r in results)


def test_every_section_anchor_exists_on_the_built_guide_page(store_site: Path) -> None:
    manifest = json.loads((store_site / "assets/search/index.json").read_text("utf-8"))
    index = SearchIndex.from_directory(store_site)
    sections = 0
    for chunk in range((manifest["docs"] + manifest["chunk"] - 1) // manifest["chunk"]):
        for doc_id, _title, url, _context, _excerpt in json.loads(
            (store_site / f"assets/search/docs-{chunk}.json").read_text("utf-8")
        ):
            path, _, anchor = url.partition("#")
            page = (store_site / path / "index.html").read_text("utf-8")
            assert "<title>" in page
            if anchor:
                sections += 1
                assert re.search(rf'<h2 id="{re.escape(anchor)}"', page), f"{doc_id}: no heading #{anchor} on {path}"
    assert sections > 5
    assert index.search("refund").results[0].id == "refund-time"


def test_the_site_ships_no_lunr_index(store_site: Path) -> None:
    assert not (store_site / "search" / "search_index.json").exists()
    home = (store_site / "index.html").read_text("utf-8")
    assert 'data-hc-search="page"' in home and 'data-hc-search="header"' in home
    assert "assets/javascripts/hc-search-engine.js" in home and "assets/javascripts/hc-search-box.js" in home


def test_specificity_is_an_idf_in_thousandths_and_never_zero() -> None:
    index = index_of(helpcenter_from(VECTORS["content"]))
    weights = [index.specificity(n) for n in range(index.doc_count + 1)]
    assert weights == sorted(weights, reverse=True)  # the rarer, the heavier
    assert weights[-1] >= 1 and all(isinstance(w, int) for w in weights)


def test_filler_phrases_go_longest_first_and_only_whole() -> None:
    files = build_search_files(helpcenter_from(VECTORS["content"]),
                               Lexicon(["can you tell me", "tell me", "hi"], []))
    index = SearchIndex.from_files(files)
    assert [c.words for c in index.parse("hi can you tell me the delivery time")] == [["delivery"], ["time"]]
    assert [c.words for c in index.parse("can you tell delivery")] == [["tell"], ["delivery"]]  # not whole: kept
