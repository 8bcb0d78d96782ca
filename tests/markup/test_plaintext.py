"""generator.markup.plaintext: Markdown to plain text, sentences and the one shortening rule."""

from __future__ import annotations

import pytest

from generator.markup.plaintext import excerpt, plain_text, search_text, sentences, shorten


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


# --- what search indexes: the same extraction, keeping headings, code, image and admonition titles ---


def test_search_text_keeps_every_word_on_one_line() -> None:
    text = search_text(
        '!!! note "Good to know"\n    Use **mild** soap, see [our guide](care/x.md){ .md-button }.\n\n'
        "- one\n- `two`\n\n| a | b |\n|---|---|\n| c | d |\n\n<span class=\"x\">html</span> &amp; ![alt](i.png)"
    )
    assert text == "Good to know Use mild soap, see our guide. one two a b c d html & alt"


def test_search_text_keeps_headings_and_code_that_descriptions_drop() -> None:
    markdown = "## Cleaning suede\n\nBrush it.\n\n```\nsuede-brush\n```\n\n![a brass buckle](b.png)"
    assert search_text(markdown) == "Cleaning suede Brush it. suede-brush a brass buckle"
    assert plain_text(markdown) == "Brush it."


def test_an_excerpt_is_shortened_by_the_one_rule() -> None:
    assert excerpt("short") == "short"
    assert excerpt("word " * 50, 22) == "word word word word…" == shorten("word " * 50, 22)
    long = "alpha " * 40
    assert len(excerpt(long)) <= 160 and excerpt(long).endswith("alpha…")


def test_no_break_spaces_are_kept_and_never_a_cut_point() -> None:
    """French typography: U+202F before '?', U+00A0 inside « »; a line must never break there."""
    assert plain_text("Où est ma commande\u202f?  Voir «\u00a0suivi\u00a0».") == \
        "Où est ma commande\u202f? Voir «\u00a0suivi\u00a0»."
    assert shorten("Comment suivre ma commande\u202f? Depuis votre compte", 27) == "Comment suivre ma…"
    assert shorten("Comment suivre ma commande\u202f? Depuis votre compte", 30) == "Comment suivre ma commande\u202f?…"
