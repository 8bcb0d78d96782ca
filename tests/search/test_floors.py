"""`helpcenter search --check`: each locale's expectations held to the floors they set, on the reference
store, on the scaffold's starter, and on whatever the repository's own content/ holds (its pull-request
check runs the same command)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.scaffold.new import new_store, write_new
from tests.conftest import REPO, STORE
from tests.helpers import copy_site_project


def expectations(root: Path) -> Path:
    return root / "content" / "search" / "expectations.yml"


def test_the_repositorys_own_expectations_meet_their_floors() -> None:
    assert main(["-f", str(REPO / "mkdocs.yml"), "search", "--check"]) == 0


def test_the_reference_store_meets_its_floors_in_each_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(STORE / "mkdocs.yml"), "search", "--check"]) == 0
    out = capsys.readouterr().out
    assert "content/search/expectations.yml (en):" in out and "content/fr/search/expectations.yml (fr):" in out
    assert "'words' queries: right answer first" in out and "all queries: in the top five" in out
    assert "below the floor" not in out


def test_the_starter_of_a_new_help_center_meets_its_floors(tmp_path: Path) -> None:
    write_new(tmp_path / "shop", new_store("Acme Surf", "https://acmesurf.com", "en,de"))
    assert "floors:" in expectations(tmp_path / "shop").read_text("utf-8")
    assert main(["-f", str(tmp_path / "shop" / "mkdocs.yml"), "search", "--check"]) == 0


def test_a_share_under_its_floor_fails_at_the_floors_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "project")
    text = expectations(root).read_text("utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("words:"))
    expectations(root).write_text(text.replace("words: {first: 0.85", "words: {first: 1.00", 1), "utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "search", "--check"]) == 1
    out, err = capsys.readouterr()
    assert "nothing was built" not in err  # a check builds nothing: saying so would read as a failed build
    assert f"content/search/expectations.yml:{line}:" in out
    assert "floors › kinds › words › first: 'words' queries: right answer first: " in out
    assert "under the floor of 100%" in out
    assert "'words' queries: right answer first" in out and "← below the floor" in out


def test_a_floor_with_nothing_to_measure_is_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "project")
    text = expectations(root).read_text("utf-8")
    expectations(root).write_text(text.replace("  kinds:\n", "  kinds:\n    dreams: {first: 0.5}\n", 1), "utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "search", "--check", "--locale", "en"]) == 1
    assert "floors › kinds › dreams › first: no 'dreams' queries to measure" in capsys.readouterr().out


def test_a_floor_that_is_not_a_share_is_refused_with_its_line(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "project")
    french = root / "content" / "fr" / "search" / "expectations.yml"
    french.write_text(french.read_text("utf-8").replace("out_of_scope: 0.95", "out_of_scope: 95", 1), "utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "search", "--check", "--locale", "fr"]) == 1
    assert "content/fr/search/expectations.yml:" in capsys.readouterr().out


def test_a_file_without_floors_has_nothing_to_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "project")
    shutil.rmtree(root / "content" / "fr" / "search")
    text = expectations(root).read_text("utf-8")
    expectations(root).write_text(text[text.index("queries:\n"):], "utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "search", "--check"]) == 0
    out = capsys.readouterr().out
    assert "content/search/expectations.yml: no floors, nothing to check" in out
    assert "content/fr/search/expectations.yml: no such file, nothing to check" in out


def test_search_wants_a_query_or_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(STORE / "mkdocs.yml"), "search"]) != 0
    assert "give a query" in capsys.readouterr().err
