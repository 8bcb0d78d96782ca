"""The search diff as text, Markdown (the pull request's job summary) or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from generator.search.diff import Change

TITLES = {
    "gained": "Now found (had no result)",
    "lost": "No longer found",
    "first": "Another first result",
    "reordered": "Same first result, other results moved",
}


def render(changes: list[Change], base: str, total: int, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"base": base, "queries": total, "changes": [asdict(c) for c in changes]}, indent=2)
    if fmt == "markdown":
        return _markdown(changes, base, total)
    return _text(changes, base, total)


def _summary(changes: list[Change], base: str, total: int) -> str:
    if not changes:
        return f"No change in the search results of {total} queries against {base}."
    counts = ", ".join(f"{sum(c.kind == kind for c in changes)} {kind}" for kind in TITLES
                       if any(c.kind == kind for c in changes))
    return f"{len(changes)} of {total} queries get other results than at {base}: {counts}."


def _text(changes: list[Change], base: str, total: int) -> str:
    lines = [_summary(changes, base, total)]
    for kind, title in TITLES.items():
        chosen = [c for c in changes if c.kind == kind]
        if chosen:
            lines += ["", f"{title}:"]
            lines += [f"  “{c.query}”: {', '.join(c.before[:1] + ['…'] * bool(c.before[1:])) or '—'} → "
                      f"{', '.join(c.after[:1] + ['…'] * bool(c.after[1:])) or '—'}" for c in chosen]
    return "\n".join(lines)


def _markdown(changes: list[Change], base: str, total: int) -> str:
    lines = ["## Search impact of this change", "", _summary(changes, base, total)]
    for kind, title in TITLES.items():
        chosen = [c for c in changes if c.kind == kind]
        if not chosen:
            continue
        lines += ["", f"### {title} ({len(chosen)})", "", "| query | before | after |", "| --- | --- | --- |"]
        for c in chosen:
            before = " ".join(f"{i}. `{a}`" for i, a in enumerate(c.before[:3], 1)) or "no result"
            after = " ".join(f"{i}. `{a}`" for i, a in enumerate(c.after[:3], 1)) or "no result"
            lines.append(f"| {c.query.replace('|', '/')} | {before} | {after} |")
    return "\n".join(lines) + "\n"
