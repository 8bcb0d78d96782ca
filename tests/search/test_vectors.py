"""The shared search vectors: Python and hc-search-engine.js (in node) must rank exactly alike.

tests/vectors.json holds a small help center and queries, each with the ranked ids it
must get; tests/browser/test_search.py runs the same vectors in Chromium.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.search import SearchIndex
from tests.search.helpers import (
    language_vector_files,
    load_language_vectors,
    load_vectors,
    node,
    run_node,
    vector_files,
    write_files,
)

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


# -- Other languages: tests/search/vectors-languages.json (French with Snowball, Japanese bigrams) ----

LANGUAGE_SETS = load_language_vectors()["sets"]
LANGUAGE_VECTORS = [(s["language"], v) for s in LANGUAGE_SETS for v in s["vectors"]]


@pytest.fixture(scope="module")
def language_files() -> dict[str, dict[str, bytes]]:
    return {s["language"]: language_vector_files(s) for s in LANGUAGE_SETS}


def _vector_id(value: Any) -> str:
    return value if isinstance(value, str) else repr(value["query"])


@pytest.mark.parametrize(("language", "vector"), LANGUAGE_VECTORS, ids=_vector_id)
def test_python_engine_ranks_other_languages_as_expected(language_files: dict[str, dict[str, bytes]],
                                                         language: str, vector: dict[str, Any]) -> None:
    response = SearchIndex.from_files(language_files[language]).search(vector["query"])
    assert [r.id for r in response.results] == vector["expected"], vector["why"]
    assert response.missing == vector["missing"]
    assert response.confidence == vector["confidence"]


@pytest.mark.skipif(node() is None, reason="node is not installed")
@pytest.mark.parametrize("language", [s["language"] for s in LANGUAGE_SETS])
def test_javascript_engine_gives_the_same_in_other_languages(language_files: dict[str, dict[str, bytes]],
                                                            language: str, tmp_path: Path) -> None:
    files = language_files[language]
    vectors = next(s["vectors"] for s in LANGUAGE_SETS if s["language"] == language)
    index_dir = write_files(files, tmp_path / "site")
    queries = [v["query"] for v in vectors]
    typed = sorted({q[:n] for q in queries for n in range(1, len(q) + 1)})
    answer = run_node(index_dir, tmp_path, queries=queries + typed)
    python = SearchIndex.from_files(files)
    for got in answer["results"]:
        expected = python.search(got["query"])
        assert got["ids"] == [r.id for r in expected.results], got["query"]
        assert got["scores"] == [r.score for r in expected.results], got["query"]
        assert got["missing"] == expected.missing, got["query"]
        assert got["confidence"] == expected.confidence, got["query"]
    for vector, got in zip(vectors, answer["results"], strict=False):
        assert got["ids"] == vector["expected"], vector["why"]
