"""The insights report as text (the terminal) and Markdown (a pull request, a wiki, a job summary)."""

from __future__ import annotations

from typing import Any

WEEKS_SHOWN = 8


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def change(now: float | None, before: float | None) -> str:
    """Week-over-week change in percentage points, e.g. '+3 pts'."""
    if now is None or before is None:
        return ""
    points = round((now - before) * 100)
    return "±0 pts" if points == 0 else f"{points:+d} pts"


def _md_cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def header_lines(report: dict[str, Any]) -> list[str]:
    period = report["period"]
    lines = [f"{report['events']} events from {report['source']}"
             + (f", {period['first'][:10]} to {period['last'][:10]}" if period["first"] else "")]
    if report["filtered_out"]:
        lines.append(f"{report['filtered_out']} events left out by --since/--locale")
    bad = report["bad_lines"]
    if bad["count"]:
        lines.append(f"{bad['count']} bad lines skipped:")
        lines.extend(f"  line {b['line']}: {b['why']}" for b in bad["named"])
        if bad["count"] > len(bad["named"]):
            lines.append(f"  … and {bad['count'] - len(bad['named'])} more")
    return lines


def format_text(report: dict[str, Any]) -> str:
    out = header_lines(report)
    for loc in report["locales"]:
        out += ["", f"== {loc['locale']}: {loc['searches']} searches, {loc['result_clicks']} result clicks, "
                f"{loc['contact_clicks']} contact clicks; deflection {percent(loc['deflection'])} "
                f"({percent(loc['contact_after_search_share'])} of searches were followed by a contact click)"]
        for title, key in (("Searches without results", "no_results"), ("Results but no click", "no_click")):
            out += ["", f"{title} ({loc[key + '_total']}):"]
            for row in loc[key]:
                near = ", ".join(c["id"] for c in row["closest"]) or "nothing close"
                out.append(f"  {row['count']:>5}  “{row['query']}”  → closest: {near}")
                where = f"  [{row['fix']['file']}]" if row["fix"]["file"] else ""
                out.append(f"         fix: {row['fix']['text']}{where}")
        out += ["", "Least helpful articles:"]
        for a in loc["articles"]:
            reasons = ", ".join(f"{r} {n}" for r, n in a["reasons"].items())
            votes = f"{percent(a['helpful_share']):>5} helpful  {a['yes']} yes / {a['no']} no"
            out.append(f"  {votes}  {a['title']} ({a['id']})" + (f"  — {reasons}" if reasons else ""))
            out.extend(f"         “{c}”" for c in a["comments"][:3])
        out += ["", "Week over week:", *_text_weeks(loc["weeks"])]
    return "\n".join(out)


def _text_weeks(weeks: list[dict[str, Any]]) -> list[str]:
    lines = ["  week        searches  no results    clicked   contacted   helpful"]
    shown = weeks[-WEEKS_SHOWN:]
    for i, w in enumerate(shown):
        before = shown[i - 1] if i else None
        cells = [
            f"{percent(w[k])} {change(w[k], before[k]) if before else ''}".strip()
            for k in ("no_results_share", "click_share", "contact_after_search_share", "helpful_share")
        ]
        lines.append(f"  {w['week']}  {w['searches']:>8}  " + "  ".join(f"{c:>10}" for c in cells))
    return lines


def format_markdown(report: dict[str, Any]) -> str:
    out = ["# Help-center insights", ""] + [f"- {line.strip()}" for line in header_lines(report)]
    for loc in report["locales"]:
        out += ["", f"## {loc['locale']}", "",
                f"{loc['searches']} searches, {loc['result_clicks']} result clicks, {loc['contact_clicks']} "
                f"contact clicks. **Deflection {percent(loc['deflection'])}**: "
                f"{percent(loc['contact_after_search_share'])} of searches were followed by a contact click."]
        for title, key in (("Searches without results", "no_results"), ("Results but no click", "no_click")):
            out += ["", f"### {title} ({loc[key + '_total']})", "", "| searches | query | closest articles | fix |",
                    "| ---: | --- | --- | --- |"]
            for row in loc[key]:
                near = ", ".join(f"`{c['id']}`" for c in row["closest"]) or "nothing close"
                fix = row["fix"]["text"] + (f" (`{row['fix']['file']}`)" if row["fix"]["file"] else "")
                out.append(f"| {row['count']} | {_md_cell(row['query'])} | {near} | {_md_cell(fix)} |")
        out += ["", "### Articles, least helpful first", "", "| helpful | yes | no | article | reasons | comments |",
                "| ---: | ---: | ---: | --- | --- | --- |"]
        for a in loc["articles"]:
            reasons = ", ".join(f"{r} {n}" for r, n in a["reasons"].items())
            comments = " / ".join(f"“{c}”" for c in a["comments"][:3])
            out.append(f"| {percent(a['helpful_share'])} | {a['yes']} | {a['no']} | {_md_cell(a['title'])} "
                       f"(`{a['id']}`) | {reasons} | {_md_cell(comments)} |")
        out += ["", "### Week over week", "", "| week | searches | no results | clicked | contacted | helpful |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"]
        shown = loc["weeks"][-WEEKS_SHOWN:]
        for i, w in enumerate(shown):
            before = shown[i - 1] if i else None
            cells = [f"{percent(w[k])} {change(w[k], before[k]) if before else ''}".strip()
                     for k in ("no_results_share", "click_share", "contact_after_search_share", "helpful_share")]
            out.append(f"| {w['week']} | {w['searches']} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"
