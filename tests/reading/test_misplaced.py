"""A field indented into the block text above it is found wherever editors can make the slip.

Every field line that follows a block answer in the reference store's content is indented two spaces too far, one
file at a time; YAML still reads the file (the field becomes answer text), so only the misplaced-field
check stands between the slip and the published page. Prose that merely starts like a field is in
tests/examples/good/field-words-in-prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from generator.reading.misplaced import misplaced_fields
from generator.reading.schema import field_groups
from generator.reading.sources import SourceFile
from generator.reading.yamlsource import parse_yaml
from tests.conftest import STORE

_FIELD_AFTER_BLOCK = re.compile(r"^    ([a-z]+): ")


def _slips() -> Iterator[tuple[str, int, str, str]]:
    """(file, line, field, text with that field line indented two spaces further)."""
    for path in sorted((STORE / "content" / "faq").glob("*.yml")):
        lines = path.read_text("utf-8").split("\n")
        for index in range(1, len(lines)):
            field = _FIELD_AFTER_BLOCK.match(lines[index])
            if field and lines[index - 1].startswith("      ") and lines[index - 1].strip():
                slipped = [*lines[:index], "  " + lines[index], *lines[index + 1:]]
                yield path.name, index + 1, field[1], "\n".join(slipped)


def _found(text: str) -> list[tuple[int, int, str]]:
    data, positions = parse_yaml(text, field_groups("faq"))
    source = SourceFile("x.yml", text, positions, data=data)
    return [(found.line, found.col, found.message) for found in misplaced_fields("faq", source)]


def test_the_real_content_has_no_misplaced_field() -> None:
    for path in sorted((STORE / "content" / "faq").glob("*.yml")):
        assert _found(path.read_text("utf-8")) == [], path.name


def test_every_field_indented_into_an_answer_is_reported_at_its_line() -> None:
    slips = list(_slips())
    assert len(slips) > 20
    for file_name, line, field, text in slips:
        assert _found(text) == [(line, 7, f"this line looks like the field `{field}:` indented into the answer "
                                          "above; move it left to line up with `answer:` (column 5)")], file_name


@pytest.mark.parametrize(("line", "reported"), [
    ("id: your order number is on the confirmation email.", False),  # not a valid id
    ("id: kw-10117", True),
    ("Order: ORD-10117", False),  # keys are lowercase, as the schema writes them
    ("Note: write from the email address you ordered with.", False),  # not a field of the schema
    ("featured: products with a star", False),  # not true/false
    ("featured: true", True),
    ("updated: yesterday", False),
    ("updated: 2026-11-26", True),
    ("keywords: [gift wrap, present]", True),
    ("keywords:", True),  # the list would follow on the next lines
    ("question: Which size do I need?", True),
    ("question: which size", False),  # a question ends with '?'
    ("title: Orders", False),  # a category's field, not a question's
])
def test_prose_and_fields_are_told_apart(line: str, reported: bool) -> None:
    text = ("category:\n  title: Orders\n  description: About orders.\n  order: 1\nquestions:\n  - id: a\n"
            f"    question: Why?\n    answer: |\n      Because.\n      {line}\n")
    assert bool(_found(text)) is reported
