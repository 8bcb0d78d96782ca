"""The search diff as text, Markdown (the pull request's job summary) or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from itertools import combinations, pairwise

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


def moves(change: Change, name: Callable[[str], str] = str) -> str:
    """What changed place between the two lists, ranks counted from 1: what entered, what dropped out,
    and what moved against the others. An entry pushed one place down by a newcomer did not move."""
    before, after = change.before, change.after
    parts = [f"+ {name(a)} at {after.index(a) + 1}" for a in after if a not in before]
    parts += [f"− {name(b)} (was {before.index(b) + 1})" for b in before if b not in after]
    parts += [f"{name(a)} {before.index(a) + 1} → {after.index(a) + 1}" for a in _out_of_order(before, after)]
    return "; ".join(parts)


def _out_of_order(before: list[str], after: list[str]) -> list[str]:
    """The fewest entries of both lists whose moves explain the new order; of equally few, the ones that
    jumped furthest (in 1 2 3 → 2 3 1, entry 1 moved, not 2 and 3). The lists are a handful of results
    (TOP), so every in-order subset is tried."""
    kept = [a for a in after if a in before]
    jump = [abs(after.index(a) - before.index(a)) for a in kept]
    candidates = (stay for size in range(len(kept), -1, -1) for stay in combinations(range(len(kept)), size)
                  if all(before.index(kept[i]) < before.index(kept[j]) for i, j in pairwise(stay)))
    stay = max(candidates, key=lambda s: (len(s), sum(jump) - sum(jump[i] for i in s)))
    return [a for i, a in enumerate(kept) if i not in stay]


def _first_change(change: Change, name: Callable[[str], str] = str) -> str:
    """``old → new``, and where the old first result went."""
    old, new = change.before[0], change.after[0]
    went = f"now {change.after.index(old) + 1}" if old in change.after else "out of the results"
    return f"{name(old)} → {name(new)} ({name(old)} {went})"


def _text_line(change: Change) -> str:
    if change.kind == "reordered":
        return f"  “{change.query}”: {moves(change)}"
    if change.kind == "first":
        return f"  “{change.query}”: {_first_change(change)}"
    return f"  “{change.query}”: {_head(change.before)} → {_head(change.after)}"


def _head(ids: list[str]) -> str:
    return ", ".join(ids[:1] + ["…"] * bool(ids[1:])) or "—"


def _text(changes: list[Change], base: str, total: int) -> str:
    lines = [_summary(changes, base, total)]
    for kind, title in TITLES.items():
        chosen = [c for c in changes if c.kind == kind]
        if chosen:
            lines += ["", f"{title}:"]
            lines += [_text_line(c) for c in chosen]
    return "\n".join(lines)


def _code(entry: str) -> str:
    return f"`{entry}`"


def _markdown(changes: list[Change], base: str, total: int) -> str:
    lines = ["## Search impact of this change", "", _summary(changes, base, total)]
    for kind, title in TITLES.items():
        chosen = [c for c in changes if c.kind == kind]
        if not chosen:
            continue
        lines += ["", f"### {title} ({len(chosen)})", ""]
        lines += _markdown_rows(chosen)
    return "\n".join(lines) + "\n"


def _markdown_rows(chosen: list[Change]) -> list[str]:
    if chosen[0].kind == "reordered":
        rows = ["| query | first result | what moved |", "| --- | --- | --- |"]
        return rows + [f"| {_cell(c.query)} | {_code(c.after[0])} | {moves(c, _code)} |" for c in chosen]
    rows = ["| query | before | after |", "| --- | --- | --- |"]
    for c in chosen:
        before = " ".join(f"{i}. `{a}`" for i, a in enumerate(c.before[:3], 1)) or "no result"
        after = " ".join(f"{i}. `{a}`" for i, a in enumerate(c.after[:3], 1)) or "no result"
        rows.append(f"| {_cell(c.query)} | {before} | {after} |")
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "/")
