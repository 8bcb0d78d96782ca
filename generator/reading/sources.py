"""Content files as read: listed, decoded, parsed with positions and checked against their schema.

Each file comes out as its data and a ``SourceFile`` (its text and where each value sits, for
``line:col`` in messages), with every problem recorded in ``Problems`` rather than raised.

``LoadedContent`` is what loading hands to the cross-file checks: the model, where each article's
fields live, and the problems found so far.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.reading.fieldnames import editor_field, json_path
from generator.reading.model import Guide, HelpCenter, Question
from generator.reading.schema import field_groups, schema_problems
from generator.reading.yamlsource import PathKey, Positions, YamlProblem, parse_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
MAX_FILE_BYTES = 2_000_000
"""Content files are prose; anything bigger is a mistake (or an attack) and is refused."""


@dataclass
class SourceFile:
    """A content file that was read, with what is needed to point at any place in it."""

    display: str
    text: str
    positions: Positions = field(default_factory=Positions)
    body_line: int = 1
    """For a guide: the line where the Markdown body starts."""
    data: Any = None
    """What the YAML held, to name questions by their id in messages."""
    schema: str = ""
    """For a file whose whole text is YAML: the schema it was parsed with. The copy the preview keeps between
    saves then leaves out the positions and data (most of its memory): they are parsed again from the text
    if a message needs them."""

    def parsed_on_demand(self) -> SourceFile:
        """The same file, holding only its text until a message needs its positions (see ``schema``)."""
        return _ParsedAgain(self.display, self.text, self.schema) if self.schema else self

    def at(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        return self.positions.of(path, key)

    def lines(self) -> list[str]:
        """The file's lines, split once however many problems are placed in it (do not change the list)."""
        return _split_lines(self.text)

    def inside(self, path: PathKey, offset: int, value: str) -> tuple[int, int]:
        """Position of character ``offset`` of string ``value`` found at ``path`` (``('body',)`` for a guide)."""
        before = value[:offset]
        line_in_value, col_in_line = before.count("\n"), offset - (before.rfind("\n") + 1)
        if path == ("body",):
            return self.body_line + line_in_value, col_in_line + 1
        line, col = self.at(path)
        lines = self.lines()
        if 0 < line <= len(lines) and lines[line - 1].rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+")):
            first = line + 1  # block scalar: the text starts on the next line, indented
            while first <= len(lines) and not lines[first - 1].strip():
                first += 1
            target = first + line_in_value
            indent = len(lines[target - 1]) - len(lines[target - 1].lstrip()) if target <= len(lines) else 0
            return target, indent + col_in_line + 1
        return line + line_in_value, (col if line_in_value == 0 else 1) + col_in_line


class _ParsedAgain(SourceFile):
    """A SourceFile kept by the preview: its positions and data come from parsing its text again,
    the first time they are asked for (a build whose content has a problem)."""

    def __init__(self, display: str, text: str, schema: str) -> None:  # not the dataclass's: no positions yet
        self.display, self.text, self.schema, self.body_line = display, text, schema, 1
        self._parsed: tuple[Any, Positions] | None = None

    def _parse(self) -> tuple[Any, Positions]:
        if self._parsed is None:
            self._parsed = parse_yaml(self.text, field_groups(self.schema))
        return self._parsed

    @property
    def positions(self) -> Positions:  # type: ignore[override]
        return self._parse()[1]

    @property
    def data(self) -> Any:
        return self._parse()[0]


@functools.lru_cache(maxsize=4)
def _split_lines(text: str) -> list[str]:
    return text.splitlines()


@dataclass
class Problems:
    """Every problem found in one run, to be reported together."""

    items: list[Problem] = field(default_factory=list)

    def add(self, source: SourceFile, path: PathKey, message: str, key: bool = False) -> None:
        line, col = source.at(path, key)
        self.items.append(Problem(source.display, line, col, editor_field(path, source.data), message,
                                  json_path(path)))

    def add_at(self, display: str, line: int, col: int, field_text: str, message: str,
               machine_path: str = "") -> None:
        self.items.append(Problem(display, line, col, field_text, message, machine_path))

    def __bool__(self) -> bool:
        return bool(self.items)


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
    partly_checked: list[tuple[Question, Origin]] = field(default_factory=list)
    """Questions with a problem of their own (not published) whose ``related`` ids and answer links are still
    checked, so an editor sees every problem of a question in one run."""
    unchecked_ids: set[str] = field(default_factory=set)
    """Ids of entries that exist but failed their own checks (and categories and guides that could not be
    read): links and ``related`` may point at them, so each mistake is reported once, at its entry."""


def read_source(path: Path, display: str, problems: Problems) -> str | None:
    """The file's text, or None after recording why it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        problems.add_at(display, 1, 1, "", f"cannot read the file: {err.strerror}")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.add_at(display, 1, 1, "", f"file is {len(raw)} bytes; content files must stay under 2 MB")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        problems.add_at(display, line, col, "", "file is not UTF-8 text; save it with UTF-8 encoding")
        return None
    if "\x00" in text:
        problems.add_at(display, 1, 1, "", "file contains NUL bytes; is it a binary file?")
        return None
    if not text.strip():
        problems.add_at(display, 1, 1, "", "file is empty; write the content or delete the file")
        return None
    return text.replace("\r\n", "\n")


def display_path(path: Path, content_dir: Path) -> str:
    """Paths in messages are relative to the project (content/faq/x.yml), as editors see them."""
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


def content_files(content_dir: Path, folder: str, suffix: str, problems: Problems) -> list[Path]:
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
            problems.add_at(display_path(path, content_dir), 1, 1, "",
                            f"unexpected file in content/{folder}/; only *{suffix} files belong here")
    return files


def parse_source(schema_name: str, path: Path, display: str, problems: Problems, text: str | None = None,
                 line_offset: int = 0) -> tuple[Any, SourceFile] | None:
    """The file's data and source, or None after recording why not (with an editor's hint for YAML slips)."""
    text = read_source(path, display, problems) if text is None else text
    if text is None:
        return None
    try:
        data, positions = parse_yaml(text, field_groups(schema_name), line_offset)
    except YamlProblem as err:
        problems.add_at(display, err.line + line_offset, err.col, "", err.message)
        return None
    return data, SourceFile(display, text, positions, data=data)


def schema_failures(name: str, data: Any, source: SourceFile, problems: Problems) -> list[PathKey]:
    """Report every schema problem; return the paths that failed."""
    failed = []
    for path, at_key, message in schema_problems(name, data):
        problems.add(source, path, message, key=at_key)
        failed.append(path)
    return failed


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter YAML, body, line where the body starts), or None when there is no front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1
