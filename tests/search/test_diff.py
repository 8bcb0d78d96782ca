"""``helpcenter search-diff BASE`` on a fixture git repository with two commits made here."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.search.diff import read_insights_queries, read_query_set
from tests.conftest import STORE
from tests.helpers import copy_site_project

QUERY_SET = """\
# like content/search/expectations.yml, with fields this command does not know
queries:
  - {query: "zorblat", expect: refund-time, kind: vocabulary}
  - {query: "express shipping", expect: expedited-shipping, also: [standard-shipping-time]}
  - {query: "track my order", expect: check-order-status}
misses:
  - {query: "gift card balance", nearby: [payment-failed]}
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.com", *args],
                   cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Commit 1: the reference store's content. Commit 2: 'zorblat' becomes a keyword of refund-time and expedited
    shipping is removed. The working tree then differs from the second commit only in the query set."""
    root = copy_site_project(tmp_path / "repo")
    (root / "content" / "search" / "expectations.yml").write_text(QUERY_SET, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "content as published")
    faq = root / "content" / "faq"
    refunds = next(p for p in faq.glob("*.yml") if "id: refund-time" in p.read_text())
    text = refunds.read_text()
    start = text.index("id: refund-time")
    keywords = text.index("keywords: [", start) + len("keywords: [")
    refunds.write_text(text[:keywords] + "zorblat, " + text[keywords:])
    shipping = faq / "shipping-and-delivery.yml"
    text = shipping.read_text()
    start = text.index("  - id: expedited-shipping")
    end = text.index("  - id: ", start + 5)
    cleaned = text[:start] + text[end:]
    shipping.write_text(cleaned.replace(", expedited-shipping]", "]").replace("expedited-shipping, ", ""))
    for translated in root.glob("content/*/faq/shipping-and-delivery.yml"):  # its translations go too
        text = translated.read_text()
        start = text.index("  - id: expedited-shipping")
        end = text.index("  - id: ", start + 5)
        cleaned = text[:start] + text[end:]
        translated.write_text(cleaned.replace(", expedited-shipping]", "]").replace("expedited-shipping, ", ""))
    git(root, "commit", "-q", "-am", "zorblat means refund; no more expedited shipping")
    return root


def run(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["-f", str(repo / "mkdocs.yml"), "search-diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_queries_that_gained_lost_or_changed_their_first_result(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-f", str(repo / "mkdocs.yml"), "check"]) == 0, capsys.readouterr()
    code, out, err = run(repo, capsys, "HEAD~1", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["queries"] == 4
    changes = {c["query"]: c for c in report["changes"]}
    assert changes["zorblat"]["kind"] == "gained" and changes["zorblat"]["after"][0] == "refund-time"
    assert changes["express shipping"]["before"][0] == "expedited-shipping"
    assert "expedited-shipping" not in changes["express shipping"]["after"]
    assert changes["express shipping"]["kind"] in ("first", "lost")
    assert changes.get("track my order", {"kind": "reordered"})["kind"] == "reordered"  # same first result


def test_the_markdown_summary_for_the_pull_request(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(repo, capsys, "main~1", "--format", "markdown")
    assert code == 0
    assert out.startswith("## Search impact of this change")
    assert "### Now found (had no result) (1)" in out
    assert "| zorblat | no result | 1. `refund-time`" in out and "`refund-time`" in out


def test_the_same_content_has_no_diff(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(repo, capsys, "HEAD")
    assert code == 0 and out.startswith("No change in the search results of 4 queries against HEAD.")


def test_queries_of_an_insights_report_and_of_an_events_export(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "insights.json"
    report.write_text(json.dumps({"locales": [{"no_results": [{"query": "zorblat"}, {"query": "refnd zorblat"}],
                                                "no_click": []}]}))
    assert read_insights_queries(report) == ["zorblat", "refnd zorblat"]
    export = tmp_path / "events.jsonl"
    export.write_text("\n".join(json.dumps({"type": t, "query": q}) for t, q in
                                [("search", "zorblat"), ("search", "a"), ("search", "zorblat"), ("vote", "x")])
                      + "\nnot json\n")
    assert read_insights_queries(export) == ["zorblat", "a"]
    code, out, _ = run(repo, capsys, "HEAD~1", "--insights", str(report), "--format", "json")
    diff = json.loads(out)
    assert code == 0 and diff["queries"] == 5  # the query set's four and one more from the report
    assert [c["query"] for c in diff["changes"]].count("zorblat") == 1


def test_the_query_set_is_read_tolerantly(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_text(QUERY_SET + "extra: {nested: [{query: deep}]}\nnotes: [not a query]\n")
    assert read_query_set(path) == ["zorblat", "express shipping", "track my order", "gift card balance",
                                    "deep"]


@pytest.mark.parametrize(("ref", "message"), [
    ("no-such-branch", "'no-such-branch' is not a branch, tag or commit"),
    ("HEAD~5", "'HEAD~5' is not a branch, tag or commit"),
])
def test_a_bad_ref_is_a_clean_error(repo: Path, capsys: pytest.CaptureFixture[str], ref: str, message: str) -> None:
    code, _, err = run(repo, capsys, ref)
    assert code == 1 and message in err and "Traceback" not in err


def test_outside_a_git_repository_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "plain")
    (root / "content" / "search" / "expectations.yml").write_text(QUERY_SET)
    code, _, err = run(root, capsys, "main")
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err


def test_a_base_without_content_finds_everything_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    git(repo, "commit", "-q", "--allow-empty", "-m", "nothing yet")
    git(repo, "checkout", "-q", "-f", "main")
    code, out, _ = run(repo, capsys, "empty", "--format", "json")
    assert code == 0
    assert {c["kind"] for c in json.loads(out)["changes"]} == {"gained"}


def test_the_plugin_option_says_where_the_expectations_are(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "quality").mkdir()
    (repo / "content" / "search" / "expectations.yml").rename(repo / "quality" / "expectations.yml")
    config = repo / "mkdocs.yml"
    text = config.read_text()
    assert "      content_dir: content\n" in text
    option = "      search_expectations: quality/expectations.yml\n"
    config.write_text(text.replace("      content_dir: content\n", "      content_dir: content\n" + option))
    code, out, err = run(repo, capsys, "HEAD~1", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["queries"] == 4
    (repo / "quality" / "expectations.yml").unlink()
    code, _, err = run(repo, capsys, "HEAD~1")
    assert code == 1 and "no queries to compare: quality/expectations.yml is missing" in err


NEW_QUESTION = """\
  - id: gift-wrapping
    question: Can my order be gift wrapped?
    answer: |
      Yes: choose gift wrapping at checkout and we ship your order in a gift box with a card.
    keywords: [present, gift box, order]
"""


def test_adding_one_question_shows_only_what_moved(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    orders = repo / "content" / "faq" / "order-management.yml"
    orders.write_text(orders.read_text() + NEW_QUESTION)
    expectations = repo / "content" / "search" / "expectations.yml"
    expectations.write_text((STORE / "content" / "search" / "expectations.yml").read_text())
    code, out, err = run(repo, capsys, "HEAD", "--format", "json")
    changes = {c["query"]: c for c in json.loads(out)["changes"]}
    assert changes["gift wrapping"]["kind"] == "gained"
    moved = [c for c in changes.values() if c["kind"] == "reordered"]
    assert moved, "the new question enters other queries' results"
    for fmt in ("text", "markdown"):
        code, out, err = run(repo, capsys, "HEAD", "--format", fmt)
        assert code == 0, err
        section = out.split("Same first result, other results moved")[1]
        lines = [line for line in section.splitlines() if line.startswith(("  “", "| ")) and "---" not in line
                 and "| query |" not in line]
        assert len(lines) == len(moved)
        for line in lines:  # each says what entered, left or changed place, with its ranks
            assert re.search(r"\+ `?[\w#-]+`? at \d|− `?[\w#-]+`? \(was \d\)|`?[\w#-]+`? \d → \d", line), line
        assert "+ gift-wrapping at 4" in out or "+ `gift-wrapping` at 4" in out


def test_a_locale_is_compared_in_its_own_index(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--locale fr``: the French index on both sides, and the French query set by default."""
    (repo / "content" / "fr" / "search").mkdir(parents=True, exist_ok=True)
    (repo / "content" / "fr" / "search" / "expectations.yml").write_text(
        'queries:\n  - {query: "livraison express", expect: expedited-shipping}\n', encoding="utf-8")
    code, out, err = run(repo, capsys, "HEAD~1", "--locale", "fr", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["queries"] == 1
    [change] = report["changes"]
    assert change["before"][0] == "expedited-shipping" and "expedited-shipping" not in change["after"]
    code, _, err = run(repo, capsys, "HEAD~1", "--locale", "xx")
    assert code != 0 and "no such locale" in err and "en, fr" in err
