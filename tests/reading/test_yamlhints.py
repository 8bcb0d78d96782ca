"""Syntax slips an editor makes in the reference store's content get a hint about the line they made them on.

Every field line of every real FAQ file is broken in each of the ways editors break YAML by hand;
whenever the result is no longer YAML, the problem must name the slipped line (or the one beside it)
and say what to change, not fall back to the parser's words alone. The exact wording for each slip is
in tests/examples/bad/yaml-slips/expected.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from generator.reading.schema import field_groups
from generator.reading.yamlsource import YamlProblem, parse_yaml
from tests.conftest import STORE

_FIELD = re.compile(r"^( *)(- +)?([a-z]+): (.*)$")
_SLIPS: dict[str, Callable[[str, str], str | None]] = {
    "indented one space too far": lambda line, value: " " + line,
    "indented two spaces too far": lambda line, value: "  " + line,
    "indented one space too little": lambda line, value: line[1:] if line.startswith(" ") else None,
    "colon deleted": lambda line, value: line.replace(":", "", 1),
    "no space after the colon": lambda line, value: line.replace(": ", ":", 1),
    "quote opened, never closed": lambda line, value: None if value[:1] in "|[" else line.replace(": ", ': "', 1),
    "unquoted value with ': '": lambda line, value: None if value[:1] in "|[" else line + ": more",
}


def _slipped_files(slip: Callable[[str, str], str | None]) -> Iterator[tuple[str, int, str]]:
    for path in sorted((STORE / "content" / "faq").glob("*.yml")):
        lines = path.read_text("utf-8").split("\n")
        for index, line in enumerate(lines):
            field = _FIELD.match(line)
            changed = slip(line, field[4]) if field else None
            if changed is not None:
                yield path.name, index + 1, "\n".join([*lines[:index], changed, *lines[index + 1:]])


@pytest.mark.parametrize("name", sorted(_SLIPS))
def test_each_slip_is_explained_at_its_line(name: str) -> None:
    explained = 0
    for file_name, line, text in _slipped_files(_SLIPS[name]):
        try:
            parse_yaml(text, field_groups("faq"))
        except YamlProblem as problem:
            assert abs(problem.line - line) <= 1, (file_name, line, problem.line, problem.message)
            assert "(YAML parser: " in problem.message and "does not fit" not in problem.message, \
                (file_name, line, problem.message)
            explained += 1
    assert explained > 20  # the slip really breaks the files it is tried on


def test_the_parser_s_words_come_after_the_hint() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("question: Sizes: which one?\n", field_groups("faq"))
    assert caught.value.message == (
        "the value of `question:` contains ': ', which YAML reads as the start of another field; put the whole "
        "value in quotes: question: \"Sizes: which one?\" (YAML parser: mapping values are not allowed here)")
    assert (caught.value.line, caught.value.col) == (1, 16)
