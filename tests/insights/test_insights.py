"""``helpcenter insights``: a generated export of 100,000+ events in three locales, a file with bad lines,
every format, standard input and the filters, run through the real command line."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.insights.report import wilson_upper
from generator.insights.tally import normalise_query
from tests.conftest import REPO, STORE

CONFIG = str(STORE / "mkdocs.yml")
LOCALES = ("en", "fr", "pt-BR")
ANSWERED = [("where is my package", "check-order-status"), ("cancel my order", "modify-or-cancel-order"),
            ("import tax", "customs-duties"), ("express shipping", "expedited-shipping")]
UNANSWERED = ["gift card balance", "where is my zorblat", "bag warranty repair"]
UNCLICKED = "strap"


def _event(kind: str, locale: str, day: int, **fields: Any) -> str:
    at = f"2026-11-{day:02d}T{random.randrange(24):02d}:{random.randrange(60):02d}:00Z"
    return json.dumps({"type": kind, "path": "/", "locale": locale, "at": at, **fields,
                       "received_at": at})


def generated_events(count: int, seed: int = 12) -> Iterator[str]:
    """A realistic mix: answered searches with their click, searches without results (some followed by a
    contact click), unclicked results, and votes (customs-duties mostly unhelpful) over four weeks."""
    random.seed(seed)
    made = 0
    while made < count:
        locale, day = random.choice(LOCALES), random.randint(2, 29)
        roll = random.random()
        if roll < 0.5:
            query, article = random.choice(ANSWERED)
            yield _event("search", locale, day, query=query, results=4)
            yield _event("result_click", locale, day, query=query, article=article, rank=1)
            made += 2
        elif roll < 0.7:
            query = random.choice(UNANSWERED)
            yield _event("search", locale, day, query=query.upper() if roll < 0.6 else query + "?", results=0)
            made += 1
            if roll < 0.55:
                yield _event("contact_click", locale, day, query=query)
                made += 1
        elif roll < 0.8:
            yield _event("search", locale, day, query=UNCLICKED, results=3)
            made += 1
        else:
            helpful = random.random() < (0.2 if roll < 0.9 else 0.9)
            article = "customs-duties" if roll < 0.9 else "check-order-status"
            extra = {} if helpful else {"reason": "outdated", "comment": "The rates changed in 2026"}
            yield _event("vote", locale, day, article=article, helpful=helpful, **extra)
            made += 1


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["-f", CONFIG, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("insights") / "events.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in generated_events(100_000):
            out.write(line + "\n")
    return path


def test_a_hundred_thousand_events_in_three_locales(big_export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sum(1 for _ in big_export.open()) >= 100_000
    started = time.perf_counter()
    code, out, _ = run(["insights", str(big_export), "--format", "json"], capsys)
    elapsed = time.perf_counter() - started
    assert code == 0
    report = json.loads(out)
    assert report["events"] >= 100_000 and report["bad_lines"]["count"] == 0
    assert [loc["locale"] for loc in report["locales"]] == sorted(LOCALES)
    for loc in report["locales"]:
        failed = {row["normalised"]: row for row in loc["no_results"]}
        assert set(failed) == {normalise_query(q) for q in UNANSWERED}  # GIFT CARD BALANCE? is one query
        assert failed["where is my zorblat"]["fix"]["kind"] == "new-article"
        assert failed["gift card balance"]["missing_words"] == ["gift", "balance"]
        assert [row["query"] for row in loc["no_click"]] == [UNCLICKED]
        assert loc["no_click"][0]["closest"] and loc["no_click"][0]["fix"]["article"]
        assert loc["articles"][0]["id"] == "customs-duties"  # the least helpful first
        assert loc["articles"][0]["reasons"] == {"outdated": loc["articles"][0]["no"]}
        assert 0.05 < loc["contact_after_search_share"] < 0.3 and loc["deflection"] == pytest.approx(
            1 - loc["contact_after_search_share"], abs=1e-3)
        assert [w["week"] for w in loc["weeks"]] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert elapsed < 30, f"{elapsed:.1f} s"  # a few seconds on a quiet machine: a hang or a quadratic step


def test_the_export_is_streamed_in_bounded_memory(big_export: Path) -> None:
    """Peak memory of the whole command, in a fresh interpreter, for a tenth of the file and for all of it:
    it must not grow with the number of lines (kept lines would cost ~1 KiB each: +90 MB here)."""
    script = (
        "import resource, sys\nfrom generator.cli import main\n"
        "main(['-f', sys.argv[1], 'insights', sys.argv[2], '--format', 'json'])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    tenth = big_export.with_name("tenth.jsonl")
    with big_export.open(encoding="utf-8") as source, tenth.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number == 10_000:
                break
            out.write(line)

    def peak(path: Path) -> int:
        done = subprocess.run([sys.executable, "-c", script, CONFIG, str(path)], capture_output=True, text=True,
                              check=True, cwd=REPO)
        return int(done.stderr.strip().splitlines()[-1])

    assert peak(big_export) < peak(tenth) * 1.3


def test_bad_lines_are_counted_and_named_never_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.loads(next(generated_events(1)))
    lines = [
        json.dumps(good),
        "{not json",
        b"\xff\xfe".decode("latin-1"),
        json.dumps([1, 2]),
        json.dumps({**good, "type": "pageview"}),
        json.dumps({**good, "at": "yesterday"}),
        json.dumps({k: v for k, v in good.items() if k != "locale"}),
        "",
        json.dumps({**good, "rank": "first", "type": "result_click"}),
    ]
    path = tmp_path / "events.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8").replace("ÿþ".encode(), b"\xff\xfe"))
    code, out, _ = run(["insights", str(path)], capsys)
    assert code == 0
    assert "7 bad lines skipped:" in out
    for expected in ("line 2: not JSON", "line 3: not UTF-8 text", "line 4: not a JSON object",
                     "line 5: type 'pageview' is not one of", "line 6: 'at' is not a date-time",
                     "line 7: 'locale' is missing", "line 9: 'rank' must be a whole number"):
        assert expected in out


def test_a_file_of_nothing_but_bad_lines_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("order,email\nKW-1,a@b.example\n")
    code, _, err = run(["insights", str(path)], capsys)
    assert code == 1 and "no line is an event of the contract" in err and "Traceback" not in err


def test_a_missing_file_and_a_bad_since_are_clean_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["insights", str(tmp_path / "none.jsonl")], capsys)
    assert code == 1 and "cannot read the events file" in err
    code, _, err = run(["insights", str(tmp_path / "none.jsonl"), "--since", "last week"], capsys)
    assert code == 1 and "--since: 'last week' is not a date" in err


def test_standard_input_since_and_locale(capsys: pytest.CaptureFixture[str]) -> None:
    lines = "\n".join(generated_events(3000)).encode()
    done = subprocess.run([sys.executable, "-m", "generator.cli", "-f", CONFIG, "insights", "-", "--format", "json",
                           "--since", "2026-11-23", "--locale", "FR"], input=lines, capture_output=True, check=True,
                          cwd=REPO)
    report = json.loads(done.stdout)
    assert [loc["locale"] for loc in report["locales"]] == ["fr"]
    assert report["period"]["first"] >= "2026-11-23" and report["filtered_out"] > 0
    assert report["source"] == "standard input"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_names_the_failed_searches_and_their_fixes(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(generated_events(2000)) + "\n", encoding="utf-8")
    code, out, _ = run(["insights", str(path), "--format", fmt], capsys)
    assert code == 0
    for expected in ("where is my zorblat", "No article mentions", "customs duties", "deflection"):
        assert expected.lower() in out.lower()
    if fmt == "html":
        assert out.startswith("<!doctype html>") and out.count("<svg") >= 3
        assert "<script" not in out and "http" not in out.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_comment_cannot_inject_markup_into_the_html_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote = {"type": "vote", "path": "/", "locale": "en", "at": "2026-11-02T10:00:00Z", "article": "<b>x</b>",
            "helpful": False, "comment": "<script>alert(1)</script>"}
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(vote) + "\n", encoding="utf-8")
    _, out, _ = run(["insights", str(path), "--format", "html"], capsys)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_shoppers_own_words_become_a_synonym_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'colis' (a French shopper's word) failed where 'parcel' (the same query otherwise) was answered and clicked."""
    base = {"path": "/", "locale": "en", "at": "2026-11-02T10:00:00Z"}
    events = [
        {**base, "type": "search", "query": "track my colis", "results": 0},
        {**base, "type": "search", "query": "track my parcel", "results": 5},
        {**base, "type": "result_click", "query": "track my parcel", "article": "x", "rank": 1},
    ]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in events), encoding="utf-8")
    _, out, _ = run(["insights", str(path), "--format", "json"], capsys)
    [row] = json.loads(out)["locales"][0]["no_results"]
    assert row["missing_words"] == ["colis"]
    assert row["fix"]["kind"] == "synonym" and "“parcel, colis”" in row["fix"]["text"]


def test_ranking_by_the_upper_bound_puts_surely_unhelpful_articles_first() -> None:
    one_unlucky_vote = wilson_upper(0, 1)
    surely_bad = wilson_upper(3, 30)
    mixed = wilson_upper(15, 30)
    assert surely_bad < one_unlucky_vote and surely_bad < mixed
