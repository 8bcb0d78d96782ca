"""The generator stage with kept results (generator/memo.py) gives exactly what it gives from nothing.

The preview keeps every memo in its process; ``helpcenter build`` saves some and loads them in the
next build. After each kind of edit an editor makes (an answer, a description that now collides with
another's, a category's title, a question linked or listed elsewhere, a translation, the synonyms, a
guide), both must give the pages, search files and theme data of a generation with nothing kept; and a
problem found in a file that was loaded from saved results must be reported at the same line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import memo
from generator.config.project import load_project
from generator.errors import ContentError
from generator.rendering.site import generate
from tests.helpers import copy_site_project


@pytest.fixture(autouse=True)
def fresh_memos() -> Iterator[None]:
    """Each test starts with nothing kept and leaves memos off, as other tests expect them."""
    _forget()
    yield
    _forget()
    memo._SWITCH.on = memo._SWITCH.saved_only = False


def _forget() -> None:
    for kept in memo._MEMOS:
        kept._previous, kept._current = {}, {}


def generated(root: Path) -> tuple[Any, ...]:
    output = generate(load_project(root / "mkdocs.yml"))
    return ([(page.path, page.content) for page in output.pages], output.files, repr(output.template_data),
            repr(output.nav))


def from_nothing(root: Path) -> tuple[Any, ...]:
    """A generation that neither uses nor changes what is kept."""
    switch = memo._SWITCH.on
    memo._SWITCH.on = False
    try:
        return generated(root)
    finally:
        memo._SWITCH.on = switch


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
    memo.enable()
    assert generated(root) == from_nothing(root)
    for name, edit in _edits(root):
        edit()
        assert generated(root) == from_nothing(root), f"after editing {name}"


def test_a_build_from_saved_results_generates_what_a_build_from_nothing_does(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    saved = tmp_path / "core.pickle"
    memo.enable(saved_only=True)
    generated(root)
    for name, edit in _edits(root):
        memo.save(saved)
        _forget()  # the next build is another process: only what was saved is there
        assert memo.load(saved)
        edit()
        assert generated(root) == from_nothing(root), f"after editing {name}"


@pytest.mark.parametrize("saved", [False, True], ids=["preview", "build"])
def test_a_problem_in_a_kept_file_is_placed_as_from_nothing(tmp_path: Path, saved: bool) -> None:
    """A file whose kept result is reused (it holds the text, not the parse) still reports a problem that
    another file's edit causes in it, at the same line and column."""
    root = copy_site_project(tmp_path / "project")
    memo.enable(saved_only=saved)
    generated(root)
    if saved:
        memo.save(tmp_path / "core.pickle")
        _forget()
        assert memo.load(tmp_path / "core.pickle")
    replace_in(root / "content" / "faq" / "returns-and-refunds.yml", "- id: return-or-exchange-items\n",
               "- id: returns-and-exchanges\n")  # order-management.yml still links to the old id
    with pytest.raises(ContentError) as kept:
        generated(root)
    memo._SWITCH.on = False
    with pytest.raises(ContentError) as fresh:
        generated(root)
    assert [str(p) for p in kept.value.problems] == [str(p) for p in fresh.value.problems]
    assert any("order-management.yml" in str(p) and "return-or-exchange-items" in str(p)
               for p in kept.value.problems)


def test_the_search_index_built_in_a_fork_is_kept_as_if_built_here(tmp_path: Path) -> None:
    """With two jobs the search index is built in a fork while the pages are written; what the fork
    computed is adopted, so a build saves it and the next one reuses it."""
    root = copy_site_project(tmp_path / "project")
    project = load_project(root / "mkdocs.yml")
    memo.enable(saved_only=True)
    alone, shared = generate(project, jobs=1), None
    kept_alone = {m.name: dict(m._current) for m in memo._MEMOS if m.active}
    _forget()
    shared = generate(project, jobs=2)
    assert shared.files == alone.files and [p.content for p in shared.pages] == [p.content for p in alone.pages]
    kept_shared = {m.name: dict(m._current) for m in memo._MEMOS if m.active}
    assert kept_shared.keys() == kept_alone.keys() and kept_shared["search-term-counts"]
    for name, entries in kept_alone.items():
        assert kept_shared[name].keys() == entries.keys(), name
    # Again from what is kept (a fork sends back only the keys of what it reused): still all kept, the same.
    again = generate(project, jobs=2)
    assert again.files == alone.files
    assert {m.name: m._current.keys() for m in memo._MEMOS if m.active} == {n: e.keys() for n, e in kept_alone.items()}
