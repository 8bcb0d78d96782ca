"""``helpcenter search-diff``'s text and Markdown say what moved, not two lists cut short before the change."""

from __future__ import annotations

import json

from generator.search.diff import Change
from generator.search.diff_format import moves, render

ENTERED = Change("track my order", "reordered", ["status", "ship", "lost", "refund", "customs"],
                 ["status", "ship", "lost", "gift-wrap", "refund"])
SWAPPED = Change("parcel", "reordered", ["status", "ship", "lost"], ["status", "lost", "ship"])
FIRST = Change("cancel", "first", ["modify", "payment"], ["cancel-order", "modify"])
GAINED = Change("zorblat", "gained", [], ["refund", "returns"])


def test_an_entry_below_the_cut_is_named_with_its_place() -> None:
    assert moves(ENTERED) == "+ gift-wrap at 4; − customs (was 5)"


def test_a_swap_names_what_changed_place_not_what_it_pushed() -> None:
    assert moves(SWAPPED) == "ship 2 → 3"


def test_text_shows_the_moves_of_each_query() -> None:
    out = render([ENTERED, SWAPPED, FIRST, GAINED], "main", 40, "text")
    assert out.splitlines() == [
        "4 of 40 queries get other results than at main: 1 gained, 1 first, 2 reordered.",
        "",
        "Now found (had no result):",
        "  “zorblat”: — → refund, …",
        "",
        "Another first result:",
        "  “cancel”: modify → cancel-order (modify now 2)",
        "",
        "Same first result, other results moved:",
        "  “track my order”: + gift-wrap at 4; − customs (was 5)",
        "  “parcel”: ship 2 → 3",
    ]


def test_markdown_shows_the_moves_of_each_query() -> None:
    out = render([ENTERED, SWAPPED], "main", 40, "markdown")
    assert "| query | first result | what moved |" in out
    assert "| track my order | `status` | + `gift-wrap` at 4; − `customs` (was 5) |" in out
    assert "| parcel | `status` | `ship` 2 → 3 |" in out


def test_no_line_reads_the_same_on_both_sides() -> None:
    """The bug: cut to their first items, both sides of a reordered query read the same."""
    for fmt in ("text", "markdown"):
        for line in render([ENTERED, SWAPPED], "main", 2, fmt).splitlines():
            if "→" in line and "“" in line:
                before, _, after = line.partition(": ")[2].partition(" → ")
                assert before != after, line


def test_json_keeps_both_lists_whole() -> None:
    data = json.loads(render([ENTERED], "main", 1, "json"))
    assert data["changes"][0]["after"] == ENTERED.after
