"""The generator's search quality on the reference store's realistic shopper queries
(tests/examples/store/content/search/expectations.yml), as `helpcenter search` ranks them.

Each kind of query (own words, typos, care, whole sentences, non-native phrasing, vague intents)
is reported on its own line and has its own floor (the file's ``floors:``, which `helpcenter search
--check` holds a store to), so that a change that helps one kind and hurts another shows.
Out-of-scope questions must get the "no answer" fallback. The queries run through the index
`helpcenter search` builds (one build for all of them, as the command would for each); a sample
goes through the command itself to show that both agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.config.project import load_project
from generator.search import SearchIndex
from generator.search.floors import rank
from generator.search.project_index import locale_index, project_locale
from tests.conftest import STORE

QUERIES = yaml.safe_load((STORE / "content" / "search" / "expectations.yml").read_text(encoding="utf-8"))
FLOORS = {kind: (floor["first"], floor["top_five"]) for kind, floor in QUERIES["floors"]["kinds"].items()}
"""kind -> (share whose right answer comes first, share with it in the top five)"""
FRENCH = yaml.safe_load((STORE / "content" / "fr" / "search" / "expectations.yml").read_text(encoding="utf-8"))
FRENCH_FLOORS = (FRENCH["floors"]["all"]["first"], FRENCH["floors"]["all"]["top_five"])
MIN_FALLBACK = QUERIES["floors"]["out_of_scope"]  # out-of-scope questions that get the fallback, not a confident list
FRENCH_MIN_FALLBACK = FRENCH["floors"]["out_of_scope"]


def cli_search(query: str, capsys: pytest.CaptureFixture[str], limit: int = 10) -> dict[str, Any]:
    """What `helpcenter search QUERY --format json` prints for the reference store."""
    code = main(["-f", str(STORE / "mkdocs.yml"), "search", query, "--limit", str(limit), "--format", "json"])
    assert code == 0
    answer: dict[str, Any] = json.loads(capsys.readouterr().out)
    return answer


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    project = load_project(STORE / "mkdocs.yml")  # as the site searches: the store's own lexicon too
    return locale_index(project, project.default_locale)


@dataclass
class Outcome:
    kind: str
    query: str
    rank: int | None  # of the first right answer, 1-based
    confidence: str
    top: list[str]


def outcomes(index: SearchIndex) -> list[Outcome]:
    found = []
    for item in QUERIES["queries"]:
        right = {item["expect"], *item.get("also", [])}
        response = index.search(item["query"], 10)
        ids = [r.id for r in response.results]
        position = next((n for n, got in enumerate(ids, 1) if got in right), None)
        found.append(Outcome(item["kind"], item["query"], position, response.confidence, ids[:3]))
    return found


def test_there_are_enough_queries_of_each_kind() -> None:
    kinds = [item["kind"] for item in QUERIES["queries"]]
    assert len(kinds) >= 120
    assert set(kinds) == set(FLOORS)
    assert all(kinds.count(kind) >= 20 for kind in ("sentence", "nonnative", "implicit"))
    assert all(kinds.count(kind) >= 8 for kind in ("short", "mixed"))
    assert len(QUERIES["out_of_scope"]) >= 20


def test_each_kind_of_query_finds_its_answer(index: SearchIndex, capsys: pytest.CaptureFixture[str]) -> None:
    results = outcomes(index)
    failures = []
    with capsys.disabled():
        print(f"\nsearch quality on {len(results)} queries (right answer first · in the top five · confident):")
        for kind, (min_first, min_top5) in FLOORS.items():
            mine = [o for o in results if o.kind == kind]
            first = sum(o.rank == 1 for o in mine) / len(mine)
            top5 = sum(o.rank is not None and o.rank <= 5 for o in mine) / len(mine)
            sure = sum(o.confidence == "answer" for o in mine) / len(mine)
            print(f"  {kind:<10} {len(mine):>3}: first {first:4.0%} · top 5 {top5:4.0%} · answer {sure:4.0%}"
                  f"   (floors {min_first:.0%} · {min_top5:.0%})")
            if first < min_first or top5 < min_top5:
                failures.append(kind)
        for o in results:
            if o.rank != 1:
                print(f"    {o.kind}: rank {o.rank}: {o.query!r} -> {o.top}")
    assert not failures, f"below the floor: {failures}"


def test_french_queries_find_their_answer_in_the_french_index(capsys: pytest.CaptureFixture[str]) -> None:
    project = load_project(STORE / "mkdocs.yml")
    index = locale_index(project, project_locale(project, "fr"))
    ranks = [rank(index, item) for item in FRENCH["queries"]]
    first = sum(r == 1 for r in ranks) / len(ranks)
    top5 = sum(r is not None and r <= 5 for r in ranks) / len(ranks)
    fallback = [q for q in FRENCH["out_of_scope"] if index.search(q, 10).confidence != "answer"]
    with capsys.disabled():
        print(f"\n  French, {len(ranks)} queries: first {first:.0%} · top 5 {top5:.0%}; "
              f"out of scope: fallback {len(fallback)} / {len(FRENCH['out_of_scope'])}")
    assert first >= FRENCH_FLOORS[0] and top5 >= FRENCH_FLOORS[1]
    assert len(fallback) / len(FRENCH["out_of_scope"]) >= FRENCH_MIN_FALLBACK
    for item in FRENCH["misses"]:
        response = index.search(item["query"], 5)
        assert response.missing == item["missing"] and response.confidence != "answer"


def test_out_of_scope_questions_get_the_fallback(index: SearchIndex, capsys: pytest.CaptureFixture[str]) -> None:
    answered = [q for q in QUERIES["out_of_scope"] if index.search(q, 10).confidence == "answer"]
    share = 1 - len(answered) / len(QUERIES["out_of_scope"])
    with capsys.disabled():
        print(f"\n  out of scope: fallback {share:.0%} (floor {MIN_FALLBACK:.0%}); answered anyway: {answered}")
    assert share >= MIN_FALLBACK


@pytest.mark.parametrize("item", QUERIES["queries"][::12], ids=lambda item: item["query"])
def test_the_command_ranks_as_the_index_does(
    item: dict[str, Any], index: SearchIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = cli_search(item["query"], capsys)
    expected = index.search(item["query"], 10)
    assert [r["id"] for r in answer["results"]] == [r.id for r in expected.results]
    assert [r["score"] for r in answer["results"]] == [round(r.score, 3) for r in expected.results]
    assert answer["confidence"] == expected.confidence


@pytest.mark.parametrize("item", QUERIES["misses"], ids=lambda item: item["query"])
def test_a_query_without_an_answer_says_which_words_nothing_mentions(
    item: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    answer = cli_search(item["query"], capsys, limit=5)
    assert answer["missing"] == item["missing"]
    assert answer["confidence"] != "answer"
    ids = [r["id"] for r in answer["results"]]
    if item.get("nearby"):
        assert set(ids) & set(item["nearby"]), ids
    else:
        assert ids == []


def test_the_json_says_which_case_a_query_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_search("refund", capsys)["confidence"] == "answer"
    assert cli_search("bitcoin", capsys)["confidence"] == "none"
    related = cli_search("pay with bitcoin", capsys)
    assert (related["confidence"], related["missing"]) == ("related", ["bitcoin"])
    assert related["results"]


def test_the_lexicon_can_be_switched_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = (STORE / "mkdocs.yml").read_text("utf-8")
    config = config.replace("content_dir: content", f"content_dir: {STORE / 'content'}\n      shopping_lexicon: false")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    query = "the courier lost it"  # 'courier' is in the lexicon, not in the content
    assert main(["-f", str(STORE / "mkdocs.yml"), "search", query, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["missing"] == []
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "search", query, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["missing"] == ["courier"]


def test_text_output_lists_rank_title_url_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(STORE / "mkdocs.yml"), "search", "refnud", "-n", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Also searched: refnud = money back, ")  # a typo's synonyms
    assert lines[0].endswith("; refnud ~ refund")
    assert lines[1].startswith("  1. How long does a refund take?  [")
    assert lines[2] == "     returns-and-refunds/refund-time/"
