"""The insights report as plain data (what ``--format json`` prints and the other formats render).

Per locale: failed searches (no result; results but no click) with the closest articles and a fix,
articles ranked from the least helpful, deflection, and week-over-week trends.
"""

from __future__ import annotations

import math
from typing import Any

from generator.insights.suggest import Advisor
from generator.insights.tally import ArticleVotes, EventTotals, LocaleStats, QueryStats, WeekStats
from generator.reading.model import HelpCenter
from generator.search.lexicon import Lexicon

REASON_LABELS = {
    "unclear": "unclear",
    "incomplete": "incomplete",
    "outdated": "outdated",
    "not_my_question": "not my question",
    "other": "other",
}


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def wilson_upper(yes: int, votes: int, z: float = 1.96) -> float:
    """The most helpful an article could plausibly be, given its votes: ranking by it puts first the
    articles that are surely unhelpful, not those with one unlucky vote."""
    if not votes:
        return 1.0
    p = yes / votes
    centre = p + z * z / (2 * votes)
    spread = z * math.sqrt(p * (1 - p) / votes + z * z / (4 * votes * votes))
    return min(1.0, (centre + spread) / (1 + z * z / votes))


def build_report(totals: EventTotals, helpcenter: HelpCenter, source: str, top: int = 20,
                 lexicon: Lexicon | None = None) -> dict[str, Any]:
    return {
        "source": source,
        "lines": totals.lines,
        "events": totals.events,
        "filtered_out": totals.skipped,
        "bad_lines": {"count": totals.bad, "named": [{"line": b.number, "why": b.why} for b in totals.bad_lines]},
        "period": {"first": _iso(totals.first), "last": _iso(totals.last)},
        "locales": [
            _locale_report(name, stats, helpcenter, top, lexicon) for name, stats in sorted(totals.locales.items())
        ],
    }


def _iso(moment: Any) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def _locale_report(name: str, stats: LocaleStats, helpcenter: HelpCenter, top: int,
                   lexicon: Lexicon | None) -> dict[str, Any]:
    answered = [query for query, q in stats.queries.items() if q.clicks]
    advisor = Advisor(helpcenter, answered, lexicon)
    no_results = sorted(((k, q) for k, q in stats.queries.items() if q.zero), key=lambda kq: (-kq[1].zero, kq[0]))
    no_click = sorted(((k, q) for k, q in stats.queries.items() if q.unclicked),
                      key=lambda kq: (-kq[1].unclicked, kq[0]))
    contact_share = share(stats.contacts_after_search, stats.searches)
    return {
        "locale": name,
        "searches": stats.searches,
        "distinct_queries": len(stats.queries),
        "result_clicks": stats.result_clicks,
        "contact_clicks": stats.contact_clicks,
        "contact_after_search_share": contact_share,
        "deflection": None if contact_share is None else round(1 - contact_share, 4),
        "no_results": [_failed(advisor, k, q, q.zero, zero=True) for k, q in no_results[:top]],
        "no_results_total": sum(q.zero for q in stats.queries.values()),
        "no_click": [_failed(advisor, k, q, q.unclicked, zero=False) for k, q in no_click[:top]],
        "no_click_total": sum(q.unclicked for q in stats.queries.values()),
        "articles": _articles(stats.articles, helpcenter)[:top],
        "weeks": [_week(week, w) for week, w in sorted(stats.weeks.items())],
    }


def _failed(advisor: Advisor, key: str, q: QueryStats, count: int, zero: bool) -> dict[str, Any]:
    closest, missing = advisor.closest(q.shown or key)
    fix = advisor.fix(q.shown or key, closest, missing, zero)
    return {
        "query": q.shown or key,
        "normalised": key,
        "count": count,
        "searches": q.searches,
        "contacts": q.contacts,
        "missing_words": missing,
        "closest": [{"id": c.id, "title": c.title, "url": c.url} for c in closest],
        "fix": {"kind": fix.kind, "text": fix.text, "article": fix.article, "file": fix.file},
    }


def _articles(articles: dict[str, ArticleVotes], helpcenter: HelpCenter) -> list[dict[str, Any]]:
    ranked = sorted(articles.items(), key=lambda item: (wilson_upper(item[1].yes, item[1].votes), -item[1].no, item[0]))
    rows = []
    for article_id, votes in ranked:
        article = helpcenter.article(article_id.partition("#")[0])
        title = (article.question if hasattr(article, "question") else article.title) if article else None
        rows.append({
            "id": article_id,
            "title": title or f"{article_id} (not in the content)",
            "yes": votes.yes,
            "no": votes.no,
            "helpful_share": share(votes.yes, votes.votes),
            "reasons": {REASON_LABELS[r]: n for r, n in votes.reasons.most_common()},
            "comments": list(reversed(votes.comments)),
            "comment_count": votes.comment_count,
        })
    return rows


def _week(week: str, w: WeekStats) -> dict[str, Any]:
    return {
        "week": week,
        "searches": w.searches,
        "no_results_share": share(w.zero, w.searches),
        "click_share": share(w.clicks, w.searches),
        "contact_after_search_share": share(w.contacts_after_search, w.searches),
        "votes": w.yes + w.no,
        "helpful_share": share(w.yes, w.yes + w.no),
    }
