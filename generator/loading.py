"""Load every content file into the model, collecting every problem in one pass.

Parse every file, validate every file against its schema, then check what spans files
(ids, related ids, links): only when nothing is wrong does the caller get a HelpCenter.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.memo import Memo
from generator.model import Category, Guide, HelpCenter, Location, Question
from generator.schema import schema_problems
from generator.sources import Problems, SourceFile, read_source
from generator.yamlsource import PathKey, Positions, YamlProblem, parse_yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_CATEGORY_IDS = {"care", "search", "assets", "stylesheets", "javascripts", "404"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


@dataclass
class Origin:
    """Where an article's fields live, for cross-file messages."""

    source: SourceFile
    path: PathKey


@dataclass
class LoadedContent:
    helpcenter: HelpCenter
    origins: list[tuple[Question | Guide, Origin]] = field(default_factory=list)
    """Every article loaded, with where its fields live."""
    problems: Problems = field(default_factory=Problems)


def load_content(content_dir: Path) -> LoadedContent:
    """Load and check ``content_dir``; never raises for bad content (see ``problems``)."""
    from generator.validation import check_site  # the cross-file checks need the whole model

    loaded = LoadedContent(HelpCenter(categories=[], guides=[]))
    if not content_dir.is_dir():
        loaded.problems.add_at(str(content_dir), 1, 1, "", "content folder not found; create content/faq/*.yml")
        return loaded
    for path in _content_files(content_dir, "faq", ".yml", loaded.problems):
        _load_category(path, _display(path, content_dir), loaded)
    for path in _content_files(content_dir, "care", ".md", loaded.problems):
        _load_guide(path, _display(path, content_dir), loaded)
    synonyms = content_dir / "search" / "synonyms.yml"
    if synonyms.exists():
        _load_synonyms(synonyms, _display(synonyms, content_dir), loaded)
    loaded.helpcenter.categories.sort(key=lambda c: (c.order, c.title))
    loaded.helpcenter.guides.sort(key=lambda g: (g.order, g.title))
    if not loaded.helpcenter.categories and not loaded.problems:
        loaded.problems.add_at(_display(content_dir / "faq", content_dir), 1, 1, "",
                               "no FAQ categories found; add content/faq/<category>.yml")
    check_site(loaded)
    return loaded


def load_helpcenter(content_dir: Path) -> HelpCenter:
    """The checked model, or ContentError carrying every problem."""
    loaded = load_content(content_dir)
    if loaded.problems:
        raise ContentError(loaded.problems.items)
    return loaded.helpcenter


def _display(path: Path, content_dir: Path) -> str:
    """Paths in messages are relative to the project (content/faq/x.yml), as editors see them."""
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


def _content_files(content_dir: Path, folder: str, suffix: str, problems: Problems) -> list[Path]:
    directory = content_dir / folder
    if not directory.is_dir():
        return []
    files = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_file() and path.suffix == suffix:
            files.append(path)
        else:
            problems.add_at(_display(path, content_dir), 1, 1, "",
                            f"unexpected file in content/{folder}/; only *{suffix} files belong here")
    return files


def _parse(path: Path, display: str, problems: Problems, text: str | None = None,
           line_offset: int = 0) -> tuple[Any, SourceFile] | None:
    text = read_source(path, display, problems) if text is None else text
    if text is None:
        return None
    try:
        data, positions = _parse_yaml_once(text)
    except YamlProblem as err:
        problems.add_at(display, err.line + line_offset, err.col, "", err.message)
        return None
    positions.line_offset = line_offset
    return data, SourceFile(display, text, positions)


_PARSED: Memo[bytes] = Memo("parsed-yaml")


def _parse_yaml_once(text: str) -> tuple[Any, Positions]:
    """parse_yaml, reused for a file whose text has not changed (a fresh copy: callers may change it)."""
    parsed: tuple[Any, Positions] = pickle.loads(_PARSED.get(text, lambda: pickle.dumps(parse_yaml(text))))
    return parsed  # a copy from our own bytes, never from outside


def _schema_failures(name: str, data: Any, source: SourceFile, problems: Problems) -> list[PathKey]:
    """Report every schema problem; return the paths that failed."""
    failed = []
    for path, at_key, message in schema_problems(name, data):
        problems.add(source, path, message, key=at_key)
        failed.append(path)
    return failed


def _schema_ok(name: str, data: Any, source: SourceFile, problems: Problems) -> bool:
    return not _schema_failures(name, data, source, problems)


def _usable_questions(data: Any, failed: list[PathKey]) -> list[int] | None:
    """Indexes of questions with no problem of their own, so the cross-file checks still see them
    (every problem in one run); None when the file's overall shape is broken."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return None
    if any(len(path) < 2 or path[0] != "questions" for path in failed):
        return None
    broken = {path[1] for path in failed}
    return [i for i in range(len(data["questions"])) if i not in broken]


def _load_category(path: Path, display: str, loaded: LoadedContent) -> None:
    parsed = _parse(path, display, loaded.problems)
    if parsed is None:
        return
    data, source = parsed
    category_id = path.stem
    if not SLUG.match(category_id) or category_id in RESERVED_CATEGORY_IDS:
        loaded.problems.add_at(display, 1, 1, "", f"the file name '{category_id}' is the category's URL; "
                               "rename it to lowercase words joined by hyphens (not care, search or assets)")
    usable = _usable_questions(data, _schema_failures("faq", data, source, loaded.problems))
    if usable is None:
        return
    meta = data["category"]
    category = Category(category_id, meta["title"].strip(), meta["description"].strip(), meta["order"],
                        location=Location(display, *source.at(("category",))))
    for index in usable:
        item = data["questions"][index]
        category.questions.append(_question(item, category_id, source, ("questions", index), loaded))
    loaded.helpcenter.categories.append(category)


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
        updated=_date(item.get("updated"), source, (*path, "updated"), loaded.problems),
        description=item.get("description"),
        featured=bool(item.get("featured", False)),
        location=Location(source.display, *source.at(path)),
    )
    loaded.origins.append((question, Origin(source, path)))
    return question


def _date(value: str | None, source: SourceFile, path: PathKey, problems: Problems) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # the schema's date format has already reported it
        return None


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter YAML, body, line where the body starts), or None when there is no front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1


def _load_guide(path: Path, display: str, loaded: LoadedContent) -> None:
    text = read_source(path, display, loaded.problems)
    if text is None:
        return
    parts = split_front_matter(text)
    if parts is None:
        loaded.problems.add_at(display, 1, 1, "", "a care guide starts with front matter between '---' lines "
                               "(title, description, order)")
        return
    front, body, body_line = parts
    parsed = _parse(path, display, loaded.problems, text=front, line_offset=1)
    if parsed is None:
        return
    data, source = parsed
    source.text, source.body_line = text, body_line
    if data is None:
        data = {}
    if not _schema_ok("care", data, source, loaded.problems):
        return
    guide = Guide(path.stem, data["title"].strip(), data["description"].strip(), data["order"], body,
                  related=list(data.get("related", [])), widgets=list(data.get("widgets", [])),
                  updated=_date(data.get("updated"), source, ("updated",), loaded.problems),
                  location=Location(display, 1, 1), body_line=body_line)
    loaded.origins.append((guide, Origin(source, ())))
    loaded.helpcenter.guides.append(guide)


def _load_synonyms(path: Path, display: str, loaded: LoadedContent) -> None:
    parsed = _parse(path, display, loaded.problems)
    if parsed is None:
        return
    data, source = parsed
    if _schema_ok("synonyms", data, source, loaded.problems):
        groups = [[term.strip().lower() for term in line.split(",") if term.strip()] for line in data["synonyms"]]
        loaded.helpcenter.synonyms = [group for group in groups if len(group) > 1]


__all__ = [
    "LoadedContent", "Origin", "Positions", "load_content", "load_helpcenter", "split_front_matter",
]
