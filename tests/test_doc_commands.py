"""The commands README.md and HOSTING.md show run as written after the set-up commands: `make build` puts
`helpcenter` in .venv/bin/, not on the PATH, so a bare `helpcenter …` is "command not found" (and a bare
`python -m devstore` a Python without the project's packages). Every command in their code is written
`.venv/bin/helpcenter …` or `.venv/bin/python -m …`, and names a subcommand that exists."""

from __future__ import annotations

import re

import pytest

from generator.cli import build_parser
from tests.conftest import REPO

DOCUMENTS = ("README.md", "HOSTING.md")
_FENCE = re.compile(r"^```.*?^```", re.M | re.S)
_SPAN = re.compile(r"`([^`\n]+)`")
_HELPCENTER = re.compile(r"(\S*)\bhelpcenter ([a-z][\w-]*)")
_PYTHON_M = re.compile(r"(\S*)\bpython3? -m (devstore|generator|benchmarks)\b")


def code_of(text: str) -> list[str]:
    """Every fenced block and every inline code span."""
    blocks = _FENCE.findall(text)
    return blocks + _SPAN.findall(_FENCE.sub("", text))


def subcommands() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices or ())


def bare_commands(text: str) -> list[str]:
    found = []
    for code in code_of(text):
        for match in _HELPCENTER.finditer(code):
            if match.group(1) != ".venv/bin/" or match.group(2) not in subcommands():
                found.append(match.group(0))
        found += [m.group(0) for m in _PYTHON_M.finditer(code) if m.group(1) != ".venv/bin/"]
    return found


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_command_runs_from_the_projects_environment(document: str) -> None:
    assert bare_commands((REPO / document).read_text("utf-8")) == []


def test_the_readme_says_once_how_to_run_the_commands() -> None:
    top = (REPO / "README.md").read_text("utf-8").split("\n## ", 1)[0]
    assert "`.venv/bin/helpcenter …`" in top and "source .venv/bin/activate" in top


def test_a_bare_command_is_found() -> None:
    text = "Run `helpcenter check`, then:\n\n```sh\n.venv/bin/helpcenter serve\npython -m devstore --port 1\n" \
           "$ helpcenter search x\n.venv/bin/helpcenter nosuch\n```\nthe `helpcenter` plugin\n"
    assert sorted(bare_commands(text)) == sorted(["helpcenter check", "python -m devstore", "helpcenter search",
                                                  ".venv/bin/helpcenter nosuch"])
