"""``helpcenter insights EVENTS.jsonl``: what shoppers searched for in vain, and which answers failed them.

Reads the contract's JSON Lines export of POST /events (one Event a line, with ``received_at``) as a
stream: memory grows with the number of distinct queries and articles, never with the number of lines.
A line that is not an event is counted and named (line number and why), never fatal. The counts are
per locale; ``suggest.py`` then asks the project's own search engine what each failed query finds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from generator.insights.events import event_problem, parse_time
from generator.search.text import words

MAX_NAMED_BAD_LINES = 20
MAX_COMMENTS = 20
"""Comments kept per article (the latest); the rest are counted."""


def normalise_query(query: str) -> str:
    """The form failed searches are grouped by: the search's own words (case, accents, punctuation and
    spacing do not count), so 'Where is my parcel?' and 'where is my  parcel' are one line."""
    return " ".join(words(query))


@dataclass
class QueryStats:
    searches: int = 0
    zero: int = 0
    """Searches that showed no result."""
    with_results: int = 0
    clicks: int = 0
    contacts: int = 0
    forms: Counter[str] = field(default_factory=Counter)
    """How shoppers typed it; the commonest is shown."""

    @property
    def unclicked(self) -> int:
        """Searches with results that no result click followed (clicks come with their query)."""
        return max(0, self.with_results - self.clicks)

    @property
    def shown(self) -> str:
        return self.forms.most_common(1)[0][0] if self.forms else ""


@dataclass
class ArticleVotes:
    yes: int = 0
    no: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    comments: list[str] = field(default_factory=list)
    comment_count: int = 0

    @property
    def votes(self) -> int:
        return self.yes + self.no


@dataclass
class WeekStats:
    searches: int = 0
    zero: int = 0
    clicks: int = 0
    contacts_after_search: int = 0
    yes: int = 0
    no: int = 0


@dataclass
class LocaleStats:
    searches: int = 0
    result_clicks: int = 0
    contact_clicks: int = 0
    contacts_after_search: int = 0
    queries: dict[str, QueryStats] = field(default_factory=lambda: defaultdict(QueryStats))
    articles: dict[str, ArticleVotes] = field(default_factory=lambda: defaultdict(ArticleVotes))
    weeks: dict[str, WeekStats] = field(default_factory=lambda: defaultdict(WeekStats))


@dataclass(frozen=True)
class BadLine:
    number: int
    why: str


@dataclass
class EventTotals:
    """Everything counted from one export."""

    lines: int = 0
    events: int = 0
    skipped: int = 0
    """Valid events left out by --since or --locale."""
    bad: int = 0
    bad_lines: list[BadLine] = field(default_factory=list)
    locales: dict[str, LocaleStats] = field(default_factory=lambda: defaultdict(LocaleStats))
    first: dt.datetime | None = None
    last: dt.datetime | None = None


@dataclass(frozen=True)
class Filters:
    since: dt.datetime | None = None
    locale: str | None = None

    def keeps(self, event: dict[str, Any], at: dt.datetime) -> bool:
        if self.since is not None and at < self.since:
            return False
        return self.locale is None or event["locale"].lower() == self.locale.lower()


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, event) for each event line, (line number, why) for each bad one; blank lines skipped."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            event = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield number, "not UTF-8 text"
            continue
        except json.JSONDecodeError as err:
            yield number, f"not JSON ({err.msg} at column {err.colno})"
            continue
        problem = event_problem(event)
        yield number, problem if problem else event


def tally(lines: Iterable[tuple[int, dict[str, Any] | str]], filters: Filters = Filters()) -> EventTotals:
    totals = EventTotals()
    for number, item in lines:
        totals.lines = number
        if isinstance(item, str):
            totals.bad += 1
            if len(totals.bad_lines) < MAX_NAMED_BAD_LINES:
                totals.bad_lines.append(BadLine(number, item))
            continue
        at = parse_time(item["at"])
        assert at is not None  # event_problem checked it
        if not filters.keeps(item, at):
            totals.skipped += 1
            continue
        totals.events += 1
        totals.first = at if totals.first is None else min(totals.first, at)
        totals.last = at if totals.last is None else max(totals.last, at)
        _count(totals.locales[item["locale"]], item, at)
    return totals


def week_of(at: dt.datetime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def _count(stats: LocaleStats, event: dict[str, Any], at: dt.datetime) -> None:
    kind = event["type"]
    week = stats.weeks[week_of(at)]
    query = event.get("query") or ""
    key = normalise_query(query)
    if kind == "search" and key:
        _count_search(stats, event, key, query, week)
    elif kind == "result_click":
        stats.result_clicks += 1
        week.clicks += 1
        if key:
            stats.queries[key].clicks += 1
    elif kind == "contact_click":
        stats.contact_clicks += 1
        if key:
            stats.contacts_after_search += 1
            week.contacts_after_search += 1
            stats.queries[key].contacts += 1
    elif kind == "vote" and event.get("article") and isinstance(event.get("helpful"), bool):
        _count_vote(stats.articles[event["article"]], event, week)


def _count_search(stats: LocaleStats, event: dict[str, Any], key: str, query: str, week: WeekStats) -> None:
    stats.searches += 1
    week.searches += 1
    entry = stats.queries[key]
    entry.searches += 1
    if len(entry.forms) < 20 or query in entry.forms:
        entry.forms[query.strip()] += 1
    if event.get("results", 0) == 0:
        entry.zero += 1
        week.zero += 1
    else:
        entry.with_results += 1


def _count_vote(votes: ArticleVotes, event: dict[str, Any], week: WeekStats) -> None:
    if event["helpful"]:
        votes.yes += 1
        week.yes += 1
        return
    votes.no += 1
    week.no += 1
    if event.get("reason"):
        votes.reasons[event["reason"]] += 1
    comment = (event.get("comment") or "").strip()
    if comment:
        votes.comment_count += 1
        votes.comments.append(comment)
        del votes.comments[:-MAX_COMMENTS]
