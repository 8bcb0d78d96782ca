"""Load every content file into the model, collecting every problem in one pass.

sources.py reads and parses each file and reports its schema problems; this module turns what
passed into the model (categories, questions, guides, synonyms), then runs the checks that span
files (crosscheck.py): only when nothing is wrong does the caller get a HelpCenter.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.reading.crosscheck import check_across_files
from generator.reading.fieldnames import editor_field, json_path
from generator.reading.misplaced import misplaced_fields
from generator.reading.model import Category, Guide, HelpCenter, Location, Question
from generator.reading.schema import suggested_id
from generator.reading.sources import (
    LoadedContent,
    Origin,
    Problems,
    SourceFile,
    content_files,
    display_path,
    parse_source,
    read_source,
    schema_failures,
    split_front_matter,
)
from generator.reading.yamlsource import PathKey, Positions
from generator.reuse import Reuse, compute

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_CATEGORY_IDS = {"care", "search", "assets", "stylesheets", "javascripts", "404"}
_ID_LINE = re.compile(r"""^[ \t-]*id:[ \t]*['"]?([^'"\s#]+)""", re.M)


def load_content(content_dir: Path, reuse: Reuse = compute) -> LoadedContent:
    """Load and check ``content_dir``; never raises for bad content (see ``problems``). ``reuse``: a FAQ
    file's category from its text (generator/reuse.py)."""
    loaded = LoadedContent(HelpCenter(categories=[], guides=[]))
    if not content_dir.is_dir():
        loaded.problems.add_at(str(content_dir), 1, 1, "", "content folder not found; create content/faq/*.yml")
        return loaded
    for path in content_files(content_dir, "faq", ".yml", loaded.problems):
        _load_category(path, display_path(path, content_dir), loaded, reuse)
    for path in content_files(content_dir, "care", ".md", loaded.problems):
        _load_guide(path, display_path(path, content_dir), loaded)
    synonyms = content_dir / "search" / "synonyms.yml"
    if synonyms.exists():
        _load_synonyms(synonyms, display_path(synonyms, content_dir), loaded)
    loaded.helpcenter.categories.sort(key=lambda c: (c.order, c.title))
    loaded.helpcenter.guides.sort(key=lambda g: (g.order, g.title))
    if not loaded.helpcenter.categories and not loaded.problems:
        loaded.problems.add_at(display_path(content_dir / "faq", content_dir), 1, 1, "",
                               "no FAQ categories found; add content/faq/<category>.yml")
    check_across_files(loaded)
    return loaded


def load_helpcenter(content_dir: Path, reuse: Reuse = compute) -> HelpCenter:
    """The checked model, or ContentError carrying every problem."""
    loaded = load_content(content_dir, reuse)
    if loaded.problems:
        raise ContentError(loaded.problems.items)
    return loaded.helpcenter


def _report_misplaced_fields(schema_name: str, source: SourceFile, loaded: LoadedContent) -> None:
    """Fields an indentation slip turned into text; a swallowed question's id still counts as existing."""
    for found in misplaced_fields(schema_name, source):
        loaded.problems.add_at(source.display, found.line, found.col, editor_field(found.path, source.data),
                               found.message, json_path(found.path))
        if found.key == "id" and isinstance(found.value, str):
            loaded.unchecked_ids.add(found.value)


def _schema_ok(name: str, data: Any, source: SourceFile, problems: Problems) -> bool:
    return not schema_failures(name, data, source, problems)


def _usable_questions(data: Any, failed: list[PathKey]) -> list[int] | None:
    """Indexes of questions with no problem of their own, so the cross-file checks still see them
    (every problem in one run); None when the file's overall shape is broken."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return None
    if any(len(path) < 2 or path[0] != "questions" for path in failed):
        return None
    broken = {path[1] for path in failed}
    return [i for i in range(len(data["questions"])) if i not in broken]


def _load_category(path: Path, display: str, loaded: LoadedContent, reuse: Reuse) -> None:
    """One FAQ file into ``loaded``. What its text gives (parsed, checked against its schema, turned into a
    category: most of loading) may be reused by the preview; the model's objects are then shared with the
    kept copy: nothing changes them."""
    text = read_source(path, display, loaded.problems)
    if text is None:
        _remember_unreadable(path, loaded)
        return
    found = reuse(category_file, path, display, text)
    loaded.helpcenter.categories.extend(found.helpcenter.categories)
    loaded.origins.extend(found.origins)
    loaded.partly_checked.extend(found.partly_checked)
    loaded.problems.items.extend(found.problems.items)
    loaded.unchecked_ids.update(found.unchecked_ids)


def category_file(path: Path, display: str, text: str) -> LoadedContent:
    """What one FAQ file adds to the loaded content, alone."""
    loaded = LoadedContent(HelpCenter(categories=[], guides=[]))
    parsed = parse_source("faq", path, display, loaded.problems, text=text)
    if parsed is None:
        _remember_unreadable(path, loaded)
        return loaded
    data, source = parsed
    source.schema = "faq"  # the whole text is YAML: a saved copy can parse it again (SourceFile.schema)
    _report_misplaced_fields("faq", source, loaded)
    category_id = path.stem
    if not SLUG.match(category_id) or category_id in RESERVED_CATEGORY_IDS:
        loaded.problems.add_at(display, 1, 1, "", f"the file name '{category_id}' is the category's URL; "
                               "rename it to lowercase words joined by hyphens (not care, search or assets)")
    failed = schema_failures("faq", data, source, loaded.problems)
    usable = _usable_questions(data, failed)
    _remember_broken_questions(data, usable, loaded)
    _keep_checkable_parts(data, usable, failed, category_id, source, loaded)
    if usable is None:
        loaded.unchecked_ids.add(category_id)
        return loaded
    meta = data["category"]
    category = Category(category_id, meta["title"].strip(), meta["description"].strip(), meta["order"],
                        location=Location(display, *source.at(("category",))))
    for index in usable:
        item = data["questions"][index]
        category.questions.append(_question(item, category_id, source, ("questions", index), loaded))
    loaded.helpcenter.categories.append(category)
    kept = source.parsed_on_demand()  # what is kept of a file holds its text, not its parse (memory)
    for _article, origin in loaded.origins:
        origin.source = kept
    return loaded


def _remember_unreadable(path: Path, loaded: LoadedContent) -> None:
    """A file that is not YAML still names its category and, line by line, its questions' ids."""
    loaded.unchecked_ids.add(path.stem)
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return
    loaded.unchecked_ids.update(_ID_LINE.findall(text))


def _remember_broken_questions(data: Any, usable: list[int] | None, loaded: LoadedContent) -> None:
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list):
        return
    for index, item in enumerate(questions):
        if (usable is None or index not in usable) and isinstance(item, dict) and isinstance(item.get("id"), str):
            # an invalid id ('Order Status') also counts under the id its message suggests (order-status)
            loaded.unchecked_ids.update((item["id"], suggested_id(item["id"])))


def _keep_checkable_parts(data: Any, usable: list[int] | None, failed: list[PathKey], category_id: str,
                          source: SourceFile, loaded: LoadedContent) -> None:
    """A question with a problem of its own still has its ``related`` ids and its answer's links checked,
    when those fields themselves are sound: a missing '?' does not hide a broken link."""
    if usable is None:
        return
    for index, item in enumerate(data["questions"]):
        if index in usable or not isinstance(item, dict):
            continue
        bad = {path[2] for path in failed if path[:2] == ("questions", index) and len(path) > 2}
        answer, related = item.get("answer"), item.get("related")
        question = Question(
            id=item["id"] if isinstance(item.get("id"), str) else "",
            question="", category_id=category_id,
            answer=answer.strip("\n") if isinstance(answer, str) and "answer" not in bad else "",
            related=list(related) if isinstance(related, list) and "related" not in bad
            and all(isinstance(r, str) for r in related) else [],
            location=Location(source.display, *source.at(("questions", index))),
        )
        loaded.partly_checked.append((question, Origin(source, ("questions", index))))


def _question(item: dict[str, Any], category_id: str, source: SourceFile, path: PathKey,
              loaded: LoadedContent) -> Question:
    question = Question(
        id=item["id"],
        question=" ".join(item["question"].split()),
        answer=item["answer"].strip("\n"),
        category_id=category_id,
        keywords=list(item.get("keywords", [])),
        related=list(item.get("related", [])),
        widgets=list(item.get("widgets", [])),
        updated=_date(item.get("updated")),
        description=item.get("description"),
        featured=bool(item.get("featured", False)),
        location=Location(source.display, *source.at(path)),
    )
    loaded.origins.append((question, Origin(source, path)))
    return question


def _date(value: str | None) -> dt.date | None:
    """The ``updated`` date; an invalid one has already been reported by the schema's date format."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _load_guide(path: Path, display: str, loaded: LoadedContent) -> None:
    text = read_source(path, display, loaded.problems)
    if text is None:
        return
    parts = split_front_matter(text)
    if parts is None:
        loaded.problems.add_at(display, 1, 1, "", "a care guide starts with front matter between '---' lines "
                               "(title, description, order)")
        loaded.unchecked_ids.add(path.stem)
        return
    front, body, body_line = parts
    parsed = parse_source("care", path, display, loaded.problems, text=front, line_offset=1)
    if parsed is None:
        loaded.unchecked_ids.add(path.stem)
        return
    data, source = parsed
    source.text, source.body_line = text, body_line
    _report_misplaced_fields("care", source, loaded)
    if data is None:
        data = {}
    if not _schema_ok("care", data, source, loaded.problems):
        loaded.unchecked_ids.add(path.stem)
        return
    guide = Guide(path.stem, data["title"].strip(), data["description"].strip(), data["order"], body,
                  related=list(data.get("related", [])), widgets=list(data.get("widgets", [])),
                  updated=_date(data.get("updated")),
                  location=Location(display, 1, 1), body_line=body_line)
    loaded.origins.append((guide, Origin(source, ())))
    loaded.helpcenter.guides.append(guide)


def _load_synonyms(path: Path, display: str, loaded: LoadedContent) -> None:
    parsed = parse_source("synonyms", path, display, loaded.problems)
    if parsed is None:
        return
    data, source = parsed
    if _schema_ok("synonyms", data, source, loaded.problems):
        groups = [[term.strip().lower() for term in line.split(",") if term.strip()] for line in data["synonyms"]]
        loaded.helpcenter.synonyms = [group for group in groups if len(group) > 1]


__all__ = [
    "LoadedContent", "Origin", "Positions", "load_content", "load_helpcenter", "split_front_matter",
]
