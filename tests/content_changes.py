"""Random changes an editor makes to a copy of the reference store's content, always leaving it valid.

Shared by the tests that compare the preview and the cached build with a clean build.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/reading/schemas/faq.schema.json\n"


class Content:
    """The copied content folder, changed the way an editor would (always valid)."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.faq = root / "content" / "faq"
        self.care = root / "content" / "care"
        self.translated_faq = sorted(root.glob("content/*/faq"))
        """Each locale's translations (``content/fr/faq``): a removed or renamed question leaves them too."""
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
        translated = [p for folder in self.translated_faq for p in sorted(folder.glob("*.yml"))]
        translated += sorted(self.care.parent.glob("*/care/*.md"))
        return "".join(p.read_text("utf-8") for p in [*self._categories(), *translated])

    def _unreferenced(self, questions: list[dict[str, Any]]) -> list[int]:
        """Questions that nothing links to or lists as related (in any language): only defined."""
        text = self._all_text()
        return [i for i, q in enumerate(questions)
                if len(re.findall(rf"\b{re.escape(q['id'])}\b", text))
                == len(re.findall(rf"\bid: {re.escape(q['id'])}\b", text))]

    def _drop_translations(self, path: Path, question_id: str) -> None:
        for folder in self.translated_faq:
            translated = folder / path.name
            if translated.is_file():
                data = self._read(translated)
                kept = [q for q in data.get("questions", []) if q.get("id") != question_id]
                if len(kept) != len(data.get("questions", [])):
                    data["questions"] = kept
                    self._write(translated, data)

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
            self._drop_translations(path, data["questions"][index]["id"])
            del data["questions"][index]
            self._write(path, data)

    def rename_question(self) -> None:
        if picked := self._pick_unreferenced():
            path, data, index = picked
            self._drop_translations(path, data["questions"][index]["id"])
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
