"""generator.markup.plaintext: Markdown to plain text, sentences and the one shortening rule."""

from __future__ import annotations

import pytest

from generator.markup.plaintext import plain_text, sentences, shorten


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Use the [order page](store:orders) to **track** it.", "Use the order page to track it."),
        ("See <a href='x'>our <em>policy</em></a> &amp; terms.", "See our policy & terms."),
        ("Code `ABC-1` works; *really* _well_.", "Code ABC-1 works; really well."),
        ("![bag](img/bag.png) Bags are great.", "Bags are great."),
        ("Snake_case_word stays.", "Snake_case_word stays."),
        ('!!! tip "Good to know"\n    Keep the receipt.', "Keep the receipt."),
        ("# Heading\n\nBody text here.", "Body text here."),
        ("Text { .note } and \\*stars\\*.", "Text and *stars*."),
    ],
)
def test_plain_text_strips_markdown_and_html(markdown: str, expected: str) -> None:
    assert plain_text(markdown) == expected


def test_plain_text_keeps_list_markers_one_block_a_line() -> None:
    assert (
        plain_text("Steps:\n\n1. Sign in\n2. Open *Orders*\n\n- done") == "Steps:\n1. Sign in\n2. Open Orders\n- done"
    )


def test_sentences_do_not_split_abbreviations_or_numbers() -> None:
    text = "Ship within 1.5 days, e.g. by post. Then track it! Done?"
    assert sentences(text) == ["Ship within 1.5 days, e.g. by post.", "Then track it!", "Done?"]


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    assert shorten("short enough", 20) == "short enough"
    cut = shorten("alpha beta gamma delta", 14)
    assert cut == "alpha beta…"
    assert len(cut) <= 14
    assert shorten("alpha beta gamma", 11) == "alpha beta…"
