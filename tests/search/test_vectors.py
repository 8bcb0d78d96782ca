"""The shared search vectors: Python and hc-search-engine.js (in node) must rank exactly alike.

tests/vectors.json holds a small help center and queries, each with the ranked ids it
must get; tests/browser/test_search.py runs the same vectors in Chromium.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.search import SearchIndex
from tests.search.helpers import load_vectors, node, run_node, vector_files, write_files

VECTORS = load_vectors()


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return vector_files(VECTORS)


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: repr(v["query"]))
def test_python_engine_gives_the_expected_ranking(files: dict[str, bytes], vector: dict[str, Any]) -> None:
    response = SearchIndex.from_files(files).search(vector["query"])
    assert [r.id for r in response.results] == vector["expected"], vector["why"]
    assert response.missing == vector["missing"]
    assert response.confidence == vector["confidence"]


@pytest.mark.skipif(node() is None, reason="node is not installed")
def test_javascript_engine_gives_the_same_ids_and_scores(files: dict[str, bytes], tmp_path: Path) -> None:
    index_dir = write_files(files, tmp_path / "site")
    queries = [v["query"] for v in VECTORS["vectors"]]
    # Every prefix too, as the box searches on each keystroke: typed words, typos mid-word.
    typed = sorted({q[:n] for q in queries for n in range(1, len(q) + 1)})
    answer = run_node(index_dir, tmp_path, queries=queries + typed)
    python = SearchIndex.from_files(files)
    for got in answer["results"]:
        expected = python.search(got["query"])
        assert got["ids"] == [r.id for r in expected.results], got["query"]
        assert got["scores"] == [r.score for r in expected.results], got["query"]  # bit for bit
        assert got["missing"] == expected.missing, got["query"]
        assert got["confidence"] == expected.confidence, got["query"]
    for vector, got in zip(VECTORS["vectors"], answer["results"], strict=False):
        assert got["ids"] == vector["expected"], vector["why"]
