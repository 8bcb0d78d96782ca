"""Folders of good and bad content: every bad case lists the exact messages editors get."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.reading.loading import load_content
from tests.conftest import EXAMPLES

GOOD = sorted(p for p in (EXAMPLES / "good").iterdir() if p.is_dir())
BAD = sorted(p for p in (EXAMPLES / "bad").iterdir() if p.is_dir())


def problems_of(case: Path) -> list[str]:
    cwd = os.getcwd()
    os.chdir(case)  # messages show paths relative to the project, as editors see them
    try:
        return [str(p) for p in sorted(load_content(Path("content")).problems.items)]
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("case", GOOD, ids=[p.name for p in GOOD])
def test_good_content_has_no_problem(case: Path) -> None:
    assert problems_of(case) == []


@pytest.mark.parametrize("case", BAD, ids=[p.name for p in BAD])
def test_bad_content_reports_exactly_the_expected_problems(case: Path) -> None:
    expected = (case / "expected.txt").read_text("utf-8").splitlines()
    assert problems_of(case) == expected
