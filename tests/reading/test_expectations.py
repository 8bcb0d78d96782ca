"""The store's search expectations file is held to its schema by ``helpcenter check``, wherever the
helpcenter plugin's ``search_expectations`` puts it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.config.project import load_project, project_from_settings
from generator.errors import ConfigError
from generator.reading.expectations import expectation_problems
from generator.reading.loading import load_helpcenter
from tests.conftest import EXAMPLES, STORE
from tests.helpers import copy_site_project, settings

BAD = """\
queries:
  - {kind: words, query: "track my order", expect: check-order-status}
  - {kind: Words, query: "refund how long", expected: refund-time}
  - {query: "", expect: leather-bags#storing, also: [Leather Bags]}
out_of_scope:
  - "can I pay with bitcoin"
  - {query: "are you hiring"}
misses:
  - {query: "gift wrapping", missing: gift}
outside_scope: []
"""

EXPECTED = [
    "search/expectations.yml:3:12: queries item 2 › kind: 'Words' is not a valid id; use lowercase words "
    "joined by hyphens, e.g. 'words'",
    "search/expectations.yml:3:45: queries item 2 › expected: unknown key 'expected' — did you mean 'expect'?",
    "search/expectations.yml:4:13: queries item 3 › query: must not be empty",
    "search/expectations.yml:4:54: queries item 3 › also item 1: 'Leather Bags' is not an article: write a "
    "question or guide id, or '<guide>#<section>', e.g. 'washing-guide#drying'",
    "search/expectations.yml:7:5: out_of_scope item 2: must be text, not a mapping",
    "search/expectations.yml:9:39: misses item 1 › missing: must be a list, not text",
    "search/expectations.yml:10:1: outside_scope: unknown key 'outside_scope' — did you mean 'out_of_scope'?",
]


def project_with(root: Path, expectations: str, where: str | None = None):  # type: ignore[no-untyped-def]
    data = settings()
    if where is not None:
        data["plugins"][0]["helpcenter"]["search_expectations"] = where
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    path = root / (where or "content/search/expectations.yml")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(expectations, encoding="utf-8")
    return project_from_settings(root / "mkdocs.yml", data, {})


def test_the_stores_own_expectations_are_valid() -> None:
    project = load_project(STORE / "mkdocs.yml")
    known = set(load_helpcenter(project.content_dir).articles_by_id)
    assert expectation_problems(project, known) == ([], [])


def test_every_problem_is_named_with_its_line_column_and_field(tmp_path: Path) -> None:
    problems, warnings = expectation_problems(project_with(tmp_path, BAD), {"check-order-status"})
    assert [str(p) for p in problems] == [f"content/{line}" for line in EXPECTED]
    assert warnings == []  # ids are checked in a file that passed its schema


def test_the_plugin_option_moves_the_file_and_the_check_follows(tmp_path: Path) -> None:
    project = project_with(tmp_path, BAD, where="quality/expectations.yml")
    assert project.expectations_file == tmp_path / "quality" / "expectations.yml"
    assert [str(p) for p in expectation_problems(project)[0]] == [f"quality/{line.split('/', 1)[1]}"
                                                                  for line in EXPECTED]


def test_an_option_naming_a_missing_file_is_a_problem_where_it_is_set(tmp_path: Path) -> None:
    project = project_with(tmp_path, "queries: []\n", where="quality/expectatons.yml")
    project.expectations_file.unlink()
    text = (tmp_path / "mkdocs.yml").read_text("utf-8").splitlines()
    line = next(n for n, t in enumerate(text, 1) if "search_expectations:" in t)
    problems, _ = expectation_problems(project)
    assert [str(p) for p in problems] == [
        f"mkdocs.yml:{line}:{text[line - 1].index('search') + 1}: plugins › helpcenter › search_expectations: "
        "quality/expectatons.yml does not exist; write the path of the search expectations file from "
        "mkdocs.yml's folder, or remove the option"]


def test_a_store_without_expectations_has_nothing_to_check(tmp_path: Path) -> None:
    project = project_with(tmp_path, "queries: []\n")
    project.expectations_file.unlink()
    assert expectation_problems(project) == ([], [])


def test_an_id_no_article_has_is_a_warning_with_its_place(tmp_path: Path) -> None:
    text = ("queries:\n  - {query: track, expect: check-order-stauts, also: [leather-bags#storing, gone]}\n"
            "misses:\n  - {query: gift, nearby: [check-order-status]}\n")
    problems, warnings = expectation_problems(project_with(tmp_path, text), {"check-order-status", "leather-bags"})
    assert problems == []
    assert [str(w) for w in warnings] == [
        "content/search/expectations.yml:2:28: queries item 1 › expect: no question or guide has the id "
        "'check-order-stauts' — did you mean 'check-order-status'?",
        "content/search/expectations.yml:2:77: queries item 1 › also item 2: no question or guide has the id "
        "'gone'",
    ]
    assert expectation_problems(project_with(tmp_path, text), None)[1] == []  # content with problems: not checked


def test_an_empty_option_is_a_configuration_error(tmp_path: Path) -> None:
    data = settings()
    data["plugins"][0]["helpcenter"]["search_expectations"] = " "
    with pytest.raises(ConfigError, match="search_expectations: give the path"):
        project_from_settings(tmp_path / "mkdocs.yml", data, {})


def test_helpcenter_check_reports_them_with_the_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(STORE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(EXAMPLES / "good" / "minimal" / "content", tmp_path / "content")
    (tmp_path / "content" / "search" / "expectations.yml").write_text(BAD, encoding="utf-8")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"content/{line}" for line in EXPECTED]
    assert "7 problems" in err and "Traceback" not in err


def test_helpcenter_check_warns_of_ids_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(STORE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(EXAMPLES / "good" / "minimal" / "content", tmp_path / "content")
    (tmp_path / "content" / "search" / "expectations.yml").write_text(
        "queries:\n  - {query: where is it, expect: order-stat}\n", encoding="utf-8")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "check", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("::warning file=content/search/expectations.yml,line=2,col=34::no question or guide "
                          "has the id 'order-stat' — did you mean 'order-status'?")


def test_a_translations_expectations_are_checked_too(tmp_path: Path) -> None:
    """content/<code>/search/expectations.yml is what `helpcenter search --locale` and `search --check` read:
    a typo there is found by the check, not by the pull request's search step."""
    root = copy_site_project(tmp_path / "store")
    french = root / "content" / "fr" / "search" / "expectations.yml"
    french.write_text(french.read_text("utf-8") + "outside_scope: []\n", encoding="utf-8")
    line = len(french.read_text("utf-8").splitlines())
    project = load_project(root / "mkdocs.yml")
    known = set(load_helpcenter(project.content_dir).articles_by_id)
    problems, _ = expectation_problems(project, known)
    assert [str(p) for p in problems] == [
        f"content/fr/search/expectations.yml:{line}:1: outside_scope: unknown key 'outside_scope' — did you mean "
        "'out_of_scope'?"]
