"""Results the preview keeps between saves (generator/reuse.py) give exactly what a generation from nothing gives.

After each kind of edit an editor makes (an answer, a description that now collides with another's, a
category's title, a question linked or listed elsewhere, a translation, the synonyms, a guide), a
generation reusing the last one's results must give the pages, search files and theme data of a
generation with nothing kept; a problem found in a kept file is reported at the same line and column;
and a field added to the model is part of every key without being named anywhere.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.config.project import load_project
from generator.errors import ContentError
from generator.reading.model import Question
from generator.rendering.site import generate
from generator.reuse import Kept, Reuse, compute
from tests.helpers import copy_site_project


def generated(root: Path, reuse: Reuse = compute) -> tuple[Any, ...]:
    output = generate(load_project(root / "mkdocs.yml"), reuse=reuse)
    return ([(page.path, page.content, page.meta) for page in output.pages], output.files,
            repr(output.template_data), repr(output.nav))


def kept_generation(root: Path, kept: Kept) -> tuple[Any, ...]:
    kept.next_generation()  # as the preview does at every save
    return generated(root, kept)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _edits(root: Path) -> list[tuple[str, Callable[[], None]]]:
    faq, care = root / "content" / "faq", root / "content" / "care"
    shipping = faq / "shipping-and-delivery.yml"
    return [
        ("an answer", lambda: replace_in(shipping, "We typically pick, pack, and ship",
                                         "We usually pick, pack and ship")),
        ("a description that collides with another page's", lambda: replace_in(
            shipping, "  - id: expedited-shipping\n",
            "  - id: expedited-shipping\n    description: Standard shipping typically takes 7–14 business days.\n")),
        ("a category's title", lambda: replace_in(shipping, "title: Shipping and Delivery", "title: Shipping")),
        ("a question that others list as related", lambda: replace_in(
            shipping, "question: How long does standard shipping take?", "question: How long does delivery take?")),
        ("a link's target, renamed", lambda: (
            replace_in(faq / "returns-and-refunds.yml", "- id: return-or-exchange-items\n",
                       "- id: returns-and-exchanges\n"),
            replace_in(faq / "order-management.yml", "(return-or-exchange-items)", "(returns-and-exchanges)"),
            _rename_related(root, "return-or-exchange-items", "returns-and-exchanges"))),
        ("a translation", lambda: replace_in(root / "content" / "fr" / "faq" / "shipping-and-delivery.yml",
                                             "Nous préparons, emballons", "Nous préparons et emballons")),
        ("the synonyms", lambda: replace_in(root / "content" / "search" / "synonyms.yml",
                                            "  - order, purchase\n", "  - order, purchase, buy\n")),
        ("a guide", lambda: replace_in(next(iter(sorted(care.glob("*.md")))), "\n## ", "\nA new first line.\n\n## ")),
    ]


def _rename_related(root: Path, old: str, new: str) -> None:
    for path in root.glob("content/**/*.*"):
        text = path.read_text("utf-8")
        if old in text:
            path.write_text(text.replace(old, new), "utf-8")


def test_the_preview_generates_what_a_generation_from_nothing_does_after_every_kind_of_edit(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    kept = Kept()
    assert kept_generation(root, kept) == generated(root)
    assert kept.current  # something was kept
    for name, edit in _edits(root):
        edit()
        assert kept_generation(root, kept) == generated(root), f"after editing {name}"


def test_a_problem_in_a_kept_file_is_placed_as_from_nothing(tmp_path: Path) -> None:
    """A file whose kept result is reused (it holds the text, not the parse) still reports a problem that
    another file's edit causes in it, at the same line and column."""
    root = copy_site_project(tmp_path / "project")
    kept = Kept()
    kept_generation(root, kept)
    replace_in(root / "content" / "faq" / "returns-and-refunds.yml", "- id: return-or-exchange-items\n",
               "- id: returns-and-exchanges\n")  # order-management.yml still links to the old id
    with pytest.raises(ContentError) as reused:
        kept_generation(root, kept)
    with pytest.raises(ContentError) as fresh:
        generated(root)
    assert [str(p) for p in reused.value.problems] == [str(p) for p in fresh.value.problems]
    assert any("order-management.yml" in str(p) and "return-or-exchange-items" in str(p)
               for p in reused.value.problems)


@dataclasses.dataclass(frozen=True)
class WithNote(Question):
    """The model as it would be with one more field, which nobody adds to any key."""

    note: str = ""


def shown(question: Question) -> str:
    return f"{question.question} {getattr(question, 'note', '')}"


def test_a_field_added_to_the_model_is_part_of_the_key() -> None:
    kept = Kept()
    question = WithNote("q", "Where is my order?", "In transit.", "orders", note="first")
    assert kept(shown, question) == "Where is my order? first"
    kept.next_generation()
    assert kept(shown, dataclasses.replace(question)) == "Where is my order? first"
    assert kept.current and not kept.previous  # reused, not computed again
    kept.next_generation()
    assert kept(shown, dataclasses.replace(question, note="second")) == "Where is my order? second"


def test_the_preview_picks_up_a_change_to_a_field_added_to_the_model(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Questions loaded with an extra field that the article template shows: changing only that field
    (through the loader, as an editor's save would) changes the page the preview serves."""
    root = copy_site_project(tmp_path / "project")
    from generator.reading import loading
    from generator.rendering import pages

    note = {"value": "first"}
    make_question = loading._question

    def with_note(*args: Any, **kwargs: Any) -> Question:
        found = make_question(*args, **kwargs)
        return WithNote(**{f.name: getattr(found, f.name) for f in dataclasses.fields(Question)}, note=note["value"])

    render = pages._render

    def showing_note(template: str, **context: Any) -> str:
        question = context.get("question")
        return render(template, **context) + (f"note: {question.note}\n" if isinstance(question, WithNote) else "")

    monkeypatch.setattr(loading, "_question", with_note)
    monkeypatch.setattr(pages, "_render", showing_note)
    kept = Kept()
    first = {path: content for path, content, _ in kept_generation(root, kept)[0]}
    path = "shipping-and-delivery/standard-shipping-time.md"
    assert first[path].endswith("note: first\n")
    note["value"] = "second"  # no file changed: only the field
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    faq.write_text(faq.read_text("utf-8") + "\n", "utf-8")  # a save that changes nothing else the page shows
    second = {path: content for path, content, _ in kept_generation(root, kept)[0]}
    assert second[path].endswith("note: second\n")
