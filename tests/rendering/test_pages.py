"""The page renderer's own rules (the rest of pages.py is covered by the golden files)."""

from __future__ import annotations

import pytest

from generator.rendering.pages import CARD_GRID_ROOM, card_columns, card_grid_classes


def rows(cards: int, columns: int) -> list[int]:
    """How many cards each row holds when ``cards`` fill rows of ``columns`` (the flex wrap of hc.css)."""
    return [min(columns, cards - start) for start in range(0, cards, columns)]


@pytest.mark.parametrize("cards", range(1, 10))
@pytest.mark.parametrize("room", CARD_GRID_ROOM)
def test_topic_rows_differ_by_at_most_one_card_and_use_the_width(cards: int, room: int) -> None:
    columns = card_columns(cards, room)
    assert 1 <= columns <= room
    counts = rows(cards, columns)
    assert max(counts) - min(counts) <= 1, f"{cards} cards in {columns} columns: {counts}"
    assert columns >= min(cards, room - 1), "a grid much narrower than the room leaves the width empty"


def test_six_topics_make_two_rows_of_three_not_four_and_two() -> None:
    assert rows(6, card_columns(6, 4)) == [3, 3]
    assert card_grid_classes(6) == "hc-cards--2-2 hc-cards--3-3 hc-cards--4-3"


def test_many_topics_keep_the_full_width() -> None:
    assert card_columns(13, 4) == 4
