"""``helpcenter insights EVENTS.jsonl``: read an events export, print the report (text, json, markdown, html)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import ExitStack
from typing import IO, Any

from generator.config.project import Project
from generator.errors import HelpCenterError
from generator.insights.events import parse_time
from generator.insights.format import format_markdown, format_text
from generator.insights.html import format_html
from generator.insights.report import build_report
from generator.insights.tally import EventTotals, Filters, read_lines, tally
from generator.reading.loading import load_helpcenter
from generator.search import project_lexicon

FORMATS = ("text", "json", "markdown", "html")


def parse_since(value: str | None) -> dt.datetime | None:
    """--since: a day (2026-11-01, midnight UTC) or a date-time with its offset."""
    if not value:
        return None
    moment = parse_time(value)
    if moment is None:
        try:
            moment = dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), dt.UTC)
        except ValueError:
            raise HelpCenterError(f"--since: '{value}' is not a date such as 2026-11-01 "
                                  "or a date-time such as 2026-11-01T00:00:00Z") from None
    return moment


def read_events(path: str, filters: Filters) -> EventTotals:
    with ExitStack() as stack:
        stream: IO[bytes]
        if path == "-":
            stream = sys.stdin.buffer
        else:
            try:
                stream = stack.enter_context(open(path, "rb"))  # closed by the stack
            except OSError as err:
                raise HelpCenterError(f"{path}: cannot read the events file ({err.strerror}); give the JSON "
                                      "Lines export of the store's events, or - for standard input") from None
        return tally(read_lines(stream), filters)


def render(report: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False)
    if fmt == "markdown":
        return format_markdown(report)
    if fmt == "html":
        return format_html(report)
    return format_text(report)


def run_insights(project: Project, path: str, since: str | None, locale: str | None, fmt: str, top: int) -> int:
    filters = Filters(parse_since(since), locale)
    totals = read_events(path, filters)
    report = build_report(totals, load_helpcenter(project.content_dir), "standard input" if path == "-" else path, top,
                          project_lexicon(project, project.default_locale))
    print(render(report, fmt))
    if totals.bad and fmt != "text":
        print(f"warning: {totals.bad} bad lines skipped (first at line {totals.bad_lines[0].number}: "
              f"{totals.bad_lines[0].why})", file=sys.stderr)
    if totals.bad and not totals.events and not totals.skipped:
        print(f"error: {path}: no line is an event of the contract", file=sys.stderr)
        return 1
    return 0
