"""A problem shown where it is: the lines around it with a marker under its column (a code frame, as Vite
or Astro show a build error), and its message with the names between backticks set as code.

The preview's problems page uses it; it reads the file as it is on disk, so the frame shows what the
editor's own editor shows.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem

CONTEXT = 2
"""Lines shown above and below the problem's line."""
_CODE = re.compile(r"`([^`\n]+)`")

FRAME_CSS = (
    ".frame{font:.9rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f4f1;"
    "border-left:3px solid #a4471c;margin:.4rem 0 0;padding:.5rem .8rem;overflow-x:auto;white-space:pre}"
    ".frame .at{background:#fbe7dc;display:inline-block;min-width:100%}"
    ".frame .gutter{color:#6b6b6b;user-select:none}.frame .marker{color:#a4471c;font-weight:700}"
)
"""The frame's styles, for the page that shows it."""


@dataclass(frozen=True)
class FrameLine:
    number: int | None
    """The file's line number; None for the marker line."""
    text: str
    at: bool = False
    """The problem's line."""


def code_frame(text: str, line: int, col: int, context: int = CONTEXT) -> list[FrameLine]:
    """The lines around ``line`` (counted from 1) and a marker line under ``col`` (from 1); empty when
    the line is not in the text (a problem about the whole file names line 1 of an empty one)."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return []
    frame = []
    for number in range(max(1, line - context), min(len(lines), line + context) + 1):
        frame.append(FrameLine(number, lines[number - 1], at=number == line))
        if number == line:
            frame.append(FrameLine(None, _marker(lines[number - 1], col)))
    return frame


def _marker(text: str, col: int) -> str:
    """A caret under character ``col``; tabs before it are kept so it lines up however they are shown."""
    before = text[: max(col - 1, 0)]
    return "".join("\t" if char == "\t" else " " for char in before) + "^"


def frame_html(problem: Problem, root: Path) -> str:
    """The problem's code frame as a ``<pre>``, or nothing when its file cannot be read."""
    try:
        text = (root / problem.path).read_text("utf-8", errors="replace")
    except OSError:
        return ""
    frame = code_frame(text, problem.line, problem.col)
    if not frame:
        return ""
    width = len(str(max(f.number or 0 for f in frame)))
    rows = []
    for row in frame:
        if row.number is None:
            gutter = f"{'':>{width}} | "
            rows.append(f'<span class=gutter>  {gutter}</span><span class=marker>{html.escape(row.text)}</span>')
        else:
            mark = "&gt;" if row.at else " "
            body = f"<span class=gutter>{mark} {row.number:>{width}} | </span>{html.escape(row.text)}"
            rows.append(f"<span class=at>{body}</span>" if row.at else body)
    label = f"{problem.path}, line {problem.line}, column {problem.col}"
    return f'<pre class=frame aria-label="{html.escape(label)}">' + "\n".join(rows) + "</pre>"


def message_html(message: str) -> str:
    """The message escaped, with what it quotes between backticks (field names, values) set as code."""
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", html.escape(message, quote=False))


def problem_html(problem: Problem, root: Path) -> str:
    """One problem as a list item: where, the field, the message, and the code frame."""
    where = html.escape(f"{problem.path}:{problem.line}:{problem.col}")
    field = f"<span class=field>{html.escape(problem.field)}:</span> " if problem.field else ""
    return (f"<li><code class=where>{where}</code><br>{field}<span class=msg>{message_html(problem.message)}</span>"
            f"{frame_html(problem, root)}</li>")
