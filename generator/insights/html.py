"""The insights report as one self-contained HTML page with simple inline SVG charts: no script, no
stylesheet or font from anywhere, so it can be mailed or opened from a shared drive."""

from __future__ import annotations

from html import escape
from typing import Any

from generator.insights.format import WEEKS_SHOWN, header_lines, percent

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1f}
h1,h2,h3{line-height:1.2}h2{margin-top:2.5rem;border-top:2px solid #1f4e4a;padding-top:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #ddd;vertical-align:top}td.n{text-align:right;white-space:nowrap}
.kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{border:1px solid #ccc;border-radius:.5rem;padding:.5rem 1rem}
.kpi b{display:block;font-size:1.5rem}svg{max-width:100%;height:auto}small{color:#555}
"""


def format_html(report: dict[str, Any]) -> str:
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>Help-center insights</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>Help-center insights</h1>"]
    parts += [f"<p><small>{escape(line.strip())}</small></p>" for line in header_lines(report)]
    for loc in report["locales"]:
        parts += _locale(loc)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _locale(loc: dict[str, Any]) -> list[str]:
    out = [f"<h2>{escape(loc['locale'])}</h2>", '<div class="kpi">',
           f"<div><b>{loc['searches']}</b>searches</div>",
           f"<div><b>{percent(loc['deflection'])}</b>deflection</div>",
           f"<div><b>{loc['no_results_total']}</b>searches without results</div>",
           f"<div><b>{loc['no_click_total']}</b>searches with results but no click</div>", "</div>"]
    for title, key in (("Searches without results", "no_results"), ("Results but no click", "no_click")):
        rows = loc[key]
        out.append(f"<h3>{title}</h3>")
        out.append(bar_chart([(r["query"], r["count"]) for r in rows[:10]], f"{title}, by number of searches"))
        out.append("<table><tr><th>searches</th><th>query</th><th>closest articles</th><th>fix</th></tr>")
        for r in rows:
            near = ", ".join(escape(c["title"]) for c in r["closest"]) or "nothing close"
            where = f"<br><small>{escape(r['fix']['file'])}</small>" if r["fix"]["file"] else ""
            out.append(f'<tr><td class="n">{r["count"]}</td><td>{escape(r["query"])}</td><td>{near}</td>'
                       f"<td>{escape(r['fix']['text'])}{where}</td></tr>")
        out.append("</table>")
    out += _articles(loc["articles"]) + _weeks(loc["weeks"][-WEEKS_SHOWN:])
    return out


def _articles(articles: list[dict[str, Any]]) -> list[str]:
    out = ["<h3>Articles, least helpful first</h3>",
           bar_chart([(a["title"], round((a["helpful_share"] or 0) * 100)) for a in articles[:10]],
                     "Share of helpful votes (%)", maximum=100),
           "<table><tr><th>helpful</th><th>yes</th><th>no</th><th>article</th><th>reasons</th><th>comments</th></tr>"]
    for a in articles:
        reasons = ", ".join(f"{escape(r)} {n}" for r, n in a["reasons"].items())
        comments = "<br>".join(f"“{escape(c)}”" for c in a["comments"][:3])
        out.append(f'<tr><td class="n">{percent(a["helpful_share"])}</td><td class="n">{a["yes"]}</td>'
                   f'<td class="n">{a["no"]}</td><td>{escape(a["title"])}</td><td>{reasons}</td>'
                   f"<td>{comments}</td></tr>")
    out.append("</table>")
    return out


def _weeks(weeks: list[dict[str, Any]]) -> list[str]:
    out = ["<h3>Week over week</h3>",
           line_chart([w["week"] for w in weeks], {
               "no results": [w["no_results_share"] for w in weeks],
               "clicked": [w["click_share"] for w in weeks],
               "helpful": [w["helpful_share"] for w in weeks],
           }),
           "<table><tr><th>week</th><th>searches</th><th>no results</th><th>clicked</th><th>contacted</th>"
           "<th>helpful</th></tr>"]
    for w in weeks:
        cells = "".join(f'<td class="n">{percent(w[k])}</td>' for k in
                        ("no_results_share", "click_share", "contact_after_search_share", "helpful_share"))
        out.append(f'<tr><td>{escape(w["week"])}</td><td class="n">{w["searches"]}</td>{cells}</tr>')
    out.append("</table>")
    return out


def bar_chart(rows: list[tuple[str, int]], label: str, maximum: int | None = None) -> str:
    """Horizontal bars, one a row, each labelled and valued (readable without colour)."""
    if not rows:
        return "<p><small>Nothing to show.</small></p>"
    top = maximum or max(value for _, value in rows) or 1
    height = 26 * len(rows) + 10
    bars = []
    for i, (name, value) in enumerate(rows):
        y = 5 + 26 * i
        width = 380 * value / top
        short = name if len(name) <= 38 else name[:37] + "…"
        bars.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(short)}</text>'
                    f'<rect x="290" y="{y + 3}" width="{width:.1f}" height="16" fill="#1f4e4a"/>'
                    f'<text x="{296 + width:.1f}" y="{y + 15}" font-size="12">{value}</text>')
    return (f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 720 {height}" width="720" '
            f'height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>')


_COLOURS = ("#a4471c", "#1f4e4a", "#4a5bbf")


def line_chart(labels: list[str], series: dict[str, list[float | None]]) -> str:
    """Shares (0 to 1) per week as lines, with a legend; missing weeks leave a gap."""
    if len(labels) < 2:
        return "<p><small>Trends need two weeks of events or more.</small></p>"
    width, height, left, bottom = 720, 220, 40, 180
    step = (width - left - 20) / (len(labels) - 1)
    out = [f'<line x1="{left}" y1="{bottom}" x2="{width - 20}" y2="{bottom}" stroke="#888"/>',
           f'<text x="0" y="{bottom}" font-size="11">0%</text><text x="0" y="24" font-size="11">100%</text>']
    for i, label in enumerate(labels):
        out.append(f'<text x="{left + i * step:.1f}" y="{bottom + 16}" font-size="10" text-anchor="middle">'
                   f"{escape(label[-3:])}</text>")
    for n, (name, values) in enumerate(series.items()):
        colour = _COLOURS[n % len(_COLOURS)]
        points = " ".join(f"{left + i * step:.1f},{bottom - 160 * v:.1f}"
                          for i, v in enumerate(values) if v is not None)
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{left + 10 + 130 * n}" y="{height - 4}" font-size="12" fill="{colour}">'
                   f"■ {escape(name)}</text>")
    return (f'<svg role="img" aria-label="Weekly shares: {escape(", ".join(series))}" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(out)}</svg>')
