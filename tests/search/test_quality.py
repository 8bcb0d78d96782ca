"""Search quality on realistic shopper queries (tests/search/queries.yml), as `helpcenter search` ranks them.

Fails below recall@5 0.95 or MRR 0.85 and prints both figures, with every query whose answer
is not first, so that a content or ranking change shows what it did. The queries run through
the index `helpcenter search` builds (one build for all of them, as the command would for
each); a sample goes through the command itself to show that both agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.reading.loading import load_helpcenter
from generator.search import SearchIndex, build_search_files
from tests.conftest import REPO, TESTS

QUERIES = yaml.safe_load((TESTS / "search" / "queries.yml").read_text(encoding="utf-8"))
MIN_RECALL_AT_5 = 0.95
MIN_MRR = 0.85


def cli_search(query: str, capsys: pytest.CaptureFixture[str], limit: int = 10) -> dict[str, Any]:
    """What `helpcenter search QUERY --format json` prints for the real project."""
    code = main(["-f", str(REPO / "mkdocs.yml"), "search", query, "--limit", str(limit), "--format", "json"])
    assert code == 0
    answer: dict[str, Any] = json.loads(capsys.readouterr().out)
    return answer


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.from_files(build_search_files(load_helpcenter(REPO / "content")))


@dataclass
class Outcome:
    query: str
    rank: int | None  # of the first right answer, 1-based
    top: list[str]


def test_there_are_enough_realistic_queries() -> None:
    assert len(QUERIES["queries"]) >= 40


def test_recall_at_5_and_mrr(index: SearchIndex, capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = []
    for item in QUERIES["queries"]:
        right = {item["expect"], *item.get("also", [])}
        ids = [r.id for r in index.search(item["query"], 10).results]
        rank = next((n for n, found in enumerate(ids, 1) if found in right), None)
        outcomes.append(Outcome(item["query"], rank, ids[:3]))
    count = len(outcomes)
    recall = sum(1 for o in outcomes if o.rank is not None and o.rank <= 5) / count
    mrr = sum(1 / o.rank for o in outcomes if o.rank) / count
    first = sum(1 for o in outcomes if o.rank == 1) / count
    with capsys.disabled():
        print(f"\nsearch quality on {count} queries: recall@5 {recall:.3f}, MRR {mrr:.3f}, first {first:.0%}")
        for o in outcomes:
            if o.rank != 1:
                print(f"  rank {o.rank}: {o.query!r} -> {o.top}")
    assert recall >= MIN_RECALL_AT_5, f"recall@5 {recall:.3f} < {MIN_RECALL_AT_5}"
    assert mrr >= MIN_MRR, f"MRR {mrr:.3f} < {MIN_MRR}"


@pytest.mark.parametrize("item", QUERIES["queries"][::8], ids=lambda item: item["query"])
def test_the_command_ranks_as_the_index_does(
    item: dict[str, Any], index: SearchIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = cli_search(item["query"], capsys)
    expected = index.search(item["query"], 10)
    assert [r["id"] for r in answer["results"]] == [r.id for r in expected.results]
    assert [r["score"] for r in answer["results"]] == [round(r.score, 3) for r in expected.results]


@pytest.mark.parametrize("item", QUERIES["misses"], ids=lambda item: item["query"])
def test_a_query_without_an_answer_says_which_words_nothing_mentions(
    item: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    answer = cli_search(item["query"], capsys, limit=5)
    assert answer["missing"] == item["missing"]
    ids = [r["id"] for r in answer["results"]]
    if item.get("nearby"):
        assert set(ids) & set(item["nearby"]), ids
    else:
        assert ids == []


def test_text_output_lists_rank_title_url_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(REPO / "mkdocs.yml"), "search", "refnud", "-n", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Also searched: refnud = money back, ")  # a typo's synonyms
    assert lines[0].endswith("; refnud ~ refund")
    assert lines[1].startswith("  1. How long does a refund take?  [")
    assert lines[2] == "     returns-and-refunds/refund-time/"
