"""Reading content files as text, and turning a place in a value back into ``line:col``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.fieldnames import editor_field, json_path
from generator.yamlsource import PathKey, Positions

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

    def at(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        return self.positions.of(path, key)

    def inside(self, path: PathKey, offset: int, value: str) -> tuple[int, int]:
        """Position of character ``offset`` of string ``value`` found at ``path`` (``('body',)`` for a guide)."""
        before = value[:offset]
        line_in_value, col_in_line = before.count("\n"), offset - (before.rfind("\n") + 1)
        if path == ("body",):
            return self.body_line + line_in_value, col_in_line + 1
        line, col = self.at(path)
        lines = self.text.splitlines()
        if 0 < line <= len(lines) and lines[line - 1].rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+")):
            first = line + 1  # block scalar: the text starts on the next line, indented
            while first <= len(lines) and not lines[first - 1].strip():
                first += 1
            target = first + line_in_value
            indent = len(lines[target - 1]) - len(lines[target - 1].lstrip()) if target <= len(lines) else 0
            return target, indent + col_in_line + 1
        return line + line_in_value, (col if line_in_value == 0 else 1) + col_in_line


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
