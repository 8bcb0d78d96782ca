"""The preview's site equals a clean full build after any sequence of edits, additions, deletions and renames.

The preview renders pages on request (generator/mkdocs/lazysite.py) and keeps state between saves, so
these tests replay random changes to a copy of the real content, ask the preview for some pages
between saves (as a browser would), then render everything and compare it, byte for byte, with a
clean ``mkdocs build`` of the same content.
"""

from __future__ import annotations

import filecmp
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.mkdocs.engine import mkdocs_logging
from generator.mkdocs.preview import Preview
from tests.helpers import copy_site_project

SERVE_URL = "http://127.0.0.1:8000/"
SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/schemas/faq.schema.json\n"


def clean_build(root: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL  # the preview's own address, as in the preview
    build(config, serve_url=SERVE_URL)


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def assert_same_site(preview: Preview, root: Path, expected_dir: Path) -> None:
    assert preview.site is not None and not preview.failed
    preview.site.materialize()
    clean_build(root, expected_dir)
    assert tree(preview.site_dir) == tree(expected_dir)
    names = sorted(tree(expected_dir))
    _, mismatch, errors = filecmp.cmpfiles(expected_dir, preview.site_dir, names, shallow=False)
    assert not mismatch and not errors


class Content:
    """The copied content folder, changed the way an editor would (always valid)."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.faq = root / "content" / "faq"
        self.care = root / "content" / "care"
        self.rng = rng
        self.counter = 0

    def _categories(self) -> list[Path]:
        return sorted(self.faq.glob("*.yml"))

    def _read(self, path: Path) -> dict[str, Any]:
        return dict(yaml.safe_load(path.read_text("utf-8")))

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(SCHEMA_LINE + text, "utf-8")

    def _all_text(self) -> str:
        return "".join(p.read_text("utf-8") for p in [*self._categories(), *sorted(self.care.glob("*.md"))])

    def _unreferenced(self, questions: list[dict[str, Any]]) -> list[int]:
        text = self._all_text()
        return [i for i, q in enumerate(questions) if len(re.findall(rf"\b{re.escape(q['id'])}\b", text)) == 1]

    def edit_answer(self) -> None:
        path = self.rng.choice(self._categories())
        data = self._read(path)
        question = self.rng.choice(data["questions"])
        question["answer"] = question["answer"].rstrip("\n") + f" Edited {self.rng.randint(0, 10**6)}.\n"
        self._write(path, data)

    def add_question(self) -> None:
        path = self.rng.choice(self._categories())
        data = self._read(path)
        self.counter += 1
        data["questions"].insert(self.rng.randint(0, len(data["questions"])), {
            "id": f"added-question-{self.counter}",
            "question": f"Can I ask added question number {self.counter}?",
            "answer": f"Yes. This is added answer {self.counter}, about **parcels** and returns.\n",
            "featured": self.rng.random() < 0.3,
        })
        self._write(path, data)

    def _pick_unreferenced(self) -> tuple[Path, dict[str, Any], int] | None:
        for path in self.rng.sample(self._categories(), len(self._categories())):
            data = self._read(path)
            free = self._unreferenced(data["questions"])
            if len(data["questions"]) > 1 and free:
                return path, data, self.rng.choice(free)
        return None

    def remove_question(self) -> None:
        if picked := self._pick_unreferenced():
            path, data, index = picked
            del data["questions"][index]
            self._write(path, data)

    def rename_question(self) -> None:
        if picked := self._pick_unreferenced():
            path, data, index = picked
            self.counter += 1
            data["questions"][index]["id"] = f"renamed-{self.counter}-{data['questions'][index]['id']}"[:60]
            self._write(path, data)

    def add_guide(self) -> None:
        self.counter += 1
        (self.care / f"added-guide-{self.counter}.md").write_text(
            f"---\ntitle: Caring for added bags {self.counter}\ndescription: How to look after added bag "
            f"{self.counter} in every season.\norder: {90 + self.counter}\n---\n## Cleaning\n\nWipe it.\n", "utf-8")

    def remove_guide(self) -> None:
        added = sorted(self.care.glob("added-guide-*.md"))
        if added:
            self.rng.choice(added).unlink()

    def edit_guide(self) -> None:
        path = self.rng.choice(sorted(self.care.glob("*.md")))
        path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\nAlso dust it {self.counter} times.\n", "utf-8")

    def random_change(self) -> Callable[[], None]:
        return self.rng.choice([self.edit_answer, self.edit_answer, self.add_question, self.remove_question,
                                self.rename_question, self.add_guide, self.remove_guide, self.edit_guide])


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_preview_equals_a_clean_build_after_random_changes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = copy_site_project(tmp_path / "project")
    content = Content(root, rng)
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    with mkdocs_logging():
        preview.rebuild()
        for step in range(12):
            content.random_change()()
            preview.rebuild()
            assert preview.site is not None and not preview.failed, preview.problems or preview.error
            for uri in rng.sample(sorted(preview.site.pages), 5):  # a browser asks for a few pages
                preview.render(uri)
            if step % 4 == 3:
                assert_same_site(preview, root, tmp_path / f"expected-{step}")


@pytest.mark.slow
def test_a_content_error_then_a_good_save_gives_the_clean_site(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path / "project")
    preview = Preview(root / "mkdocs.yml", tmp_path / "preview", SERVE_URL)
    faq = root / "content" / "faq" / "shipping-and-delivery.yml"
    good = faq.read_text("utf-8")
    with mkdocs_logging():
        preview.rebuild()
        preview.render("shipping-and-delivery/standard-shipping-time/index.html")
        faq.write_text(good.replace("related: [standard-shipping-time", "related: [no-such-question"), "utf-8")
        preview.rebuild()
        assert preview.failed and any("no-such-question" in p.message for p in preview.problems)
        assert preview.render("index.html") is None  # nothing is rendered from broken content
        faq.write_text(good.replace("7–14 business days", "6–12 business days"), "utf-8")
        preview.rebuild()
        page = preview.site_dir / "shipping-and-delivery/standard-shipping-time/index.html"
        assert preview.render("shipping-and-delivery/standard-shipping-time/index.html")
        assert "6–12 business days" in page.read_text("utf-8")
        assert_same_site(preview, root, tmp_path / "expected")
