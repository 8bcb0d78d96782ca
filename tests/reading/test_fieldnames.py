"""Editors count from one and know a question by its id or its words, never by a zero-based index."""

from __future__ import annotations

from typing import Any

import pytest

from generator.reading.fieldnames import editor_field, json_path

DATA: dict[str, Any] = {
    "category": {"title": "Orders"},
    "questions": [
        {"id": "where-is-my-order", "question": "Where is my order?", "related": ["a", "b"]},
        {"id": "Not A Slug", "question": "What if my parcel arrives damaged and the box is open?"},
        {"question": ["not", "text"]},
        "not a mapping",
    ],
    "synonyms": ["parcel, package"],
}


@pytest.mark.parametrize(("path", "expected"), [
    (("questions", 0, "answer"), "question 1 (where-is-my-order) › answer"),
    (("questions", 0, "related", 1), "question 1 (where-is-my-order) › related item 2"),
    (("questions", 1, "id"), "question 2 ('What if my parcel arrives damaged and…') › id"),
    (("questions", 2), "question 3"),
    (("questions", 3), "question 4"),
    (("questions", 9, "answer"), "question 10 › answer"),
    (("category", "title"), "category › title"),
    (("synonyms", 0), "synonyms item 1"),
    (("questions",), "questions"),
    ((), ""),
])
def test_places_are_named_as_editors_count(path: tuple[str | int, ...], expected: str) -> None:
    assert editor_field(path, DATA) == expected


def test_tools_keep_the_zero_based_machine_path() -> None:
    assert json_path(("questions", 2, "related", 0)) == "$.questions[2].related[0]"
    assert json_path(()) == ""
