"""Unit tests of generator.rendering.descriptions: written from the answer, within the limit, unique."""

from __future__ import annotations

from generator.reading.model import Category, HelpCenter, Question
from generator.rendering.descriptions import (
    meta_description,
    question_description,
    site_descriptions,
    unique_descriptions,
)


def question(qid: str, answer: str, category: str = "shipping", **kwargs: object) -> Question:
    return Question(id=qid, question=f"What about {qid}?", answer=answer, category_id=category, **kwargs)  # type: ignore[arg-type]


# --- descriptions ---------------------------------------------------------------------------


def test_meta_description_is_the_first_sentence() -> None:
    answer = "We ship within 1–3 business days after your order is confirmed by email. Tracking follows."
    assert meta_description(answer) == "We ship within 1–3 business days after your order is confirmed by email."


def test_meta_description_adds_the_next_sentence_to_a_very_short_one() -> None:
    assert meta_description("Yes.\n\nWe ship worldwide from Berlin.") == "Yes. We ship worldwide from Berlin."


def test_meta_description_takes_the_list_after_a_lead_in() -> None:
    answer = "Care depends on the material:\n\n- [Leather](leather)\n- Canvas\n- Straw\n\nMore text."
    assert meta_description(answer) == "Care depends on the material: Leather, Canvas, Straw."


def test_meta_description_never_exceeds_the_limit() -> None:
    answer = " ".join(["word"] * 100) + "."
    text = meta_description(answer)
    assert len(text) <= 160
    assert text.endswith("word…")
    assert len(meta_description(answer, limit=50)) <= 50


def test_editor_description_wins_and_is_plain_text() -> None:
    q = question("a", "The answer.", description="Our **returns** [policy](store:returns-policy).")
    assert question_description(q) == "Our returns policy."


# --- uniqueness ---------------------------------------------------------------------------


def test_unique_descriptions_qualifies_every_colliding_entry() -> None:
    result = unique_descriptions(
        [
            ("a", "Contact us.", ["Shipping", "Question A"]),
            ("b", "Contact us.", ["Returns", "Question B"]),
            ("c", "Something else.", ["Returns"]),
        ]
    )
    assert result == {"a": "Contact us. (Shipping)", "b": "Contact us. (Returns)", "c": "Something else."}


def test_unique_descriptions_falls_back_to_the_next_qualifier_then_numbers() -> None:
    result = unique_descriptions(
        [
            ("home", "Help.", []),
            ("a", "Help.", ["Shipping", "Question A"]),
            ("b", "Help.", ["Shipping", "Question B"]),
            ("c", "Same.", ["X"]),
            ("d", "Same.", ["X"]),
        ]
    )
    assert result["home"] == "Help."
    assert result["a"] == "Help. (Question A)"
    assert result["b"] == "Help. (Question B)"
    assert {result["c"], result["d"]} == {"Same. (X)", "Same. (2)"}
    assert len(set(result.values())) == len(result)


def test_unique_descriptions_stay_within_the_limit() -> None:
    long = "x " * 100
    result = unique_descriptions([("a", long, ["Shipping and Delivery"]), ("b", long, ["Returns"])])
    assert all(len(v) <= 160 for v in result.values())
    assert result["a"].endswith("… (Shipping and Delivery)")


def test_site_descriptions_are_unique_across_articles_of_different_categories() -> None:
    same = "Please contact customer service by email."
    hc = HelpCenter(
        categories=[
            Category("shipping", "Shipping", "About shipping.", 1, [question("late", same)]),
            Category("returns", "Returns", "About returns.", 2, [question("broken", same, "returns")]),
        ],
        guides=[],
    )
    found = site_descriptions(hc, home="Home.", care_index="Care.")
    assert found["shipping/late.md"] == f"{same} (Shipping)"
    assert found["returns/broken.md"] == f"{same} (Returns)"
    assert "care/index.md" not in found  # no guides, no care index page
    assert len(set(found.values())) == len(found)


def test_french_separates_sentence_items_with_a_narrow_no_break_space() -> None:
    from generator.rendering.descriptions import meta_description

    markdown = "Deux possibilités :\n\n- Retour : sous 30 jours.\n- Échange : sous 14 jours.\n"
    assert meta_description(markdown, language="fr") == \
        "Deux possibilités : Retour : sous 30 jours\u202f; Échange : sous 14 jours."
    assert "; Échange" in meta_description(markdown, language="en")
    assert "\u202f;" not in meta_description(markdown, language="en")
