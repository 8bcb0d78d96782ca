"""Turning the YAML parser's complaints into what an editor has to change.

"expected <block end>, but found '?'" is true but sends an editor looking for a question mark. Nearly
every parse failure in hand-written content is one of a few slips: a line indented one step too far or
not far enough, a quote that is never closed or closes too early, ': ' inside an unquoted value, a
missing space after ':' or '-', a value that starts with a character YAML reserves. Each is recognised
from the lines around the parser's marks, explained with the line and the column to use, and followed
by the parser's own words.

``key_groups`` are the sets of field names that live side by side (one per mapping of the JSON
Schema); they tell a field from prose and which column a misplaced field belongs to.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

KeyGroups = tuple[frozenset[str], ...]
Hint = tuple[int, int, str]
"""1-based line and column the hint is about, and the hint."""

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[A-Za-z_][\w-]*):(?= |$)")
_BLOCK_START = re.compile(r":[ ]+[|>][-+0-9]*[ ]*(#.*)?$")
_QUOTED_VALUE = re.compile(r"^ *(?:- +)*[\w-]+: +(?P<quote>['\"])")
_RESERVED_START = "@`%*&!"


@dataclass(frozen=True)
class _Open:
    """A mapping or list still open above a line: its column, kind, and the line that set it."""

    col: int
    kind: str  # "map" or "seq"
    line: int
    key: str


def explain(text: str, err: yaml.MarkedYAMLError, key_groups: KeyGroups = (), line_offset: int = 0) -> Hint:
    """Where the slip is (a line of ``text``) and what to do, with the parser's words after the hint.

    The hint itself quotes file lines: ``line_offset`` lines of the file come before ``text``."""
    err = _shifted(err, line_offset)
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1 + line_offset, 1)
    words = f"{err.context}: {err.problem}" if err.context and err.problem else (err.problem or err.context or "")
    lines = [""] * line_offset + text.split("\n")
    for diagnose in _DIAGNOSES:
        try:
            hint = diagnose(lines, err, key_groups)
        except (IndexError, ValueError):  # a mark past the text's end: no hint is better than a traceback
            hint = None
        if hint:
            return hint[0] - line_offset, hint[1], f"{hint[2]} (YAML parser: {words})"
    return line - line_offset, col, ("this line does not fit the lines above it; check its indentation and "
                                     f"quotes, and those of the lines just above (YAML parser: {words})")


def _shifted(err: yaml.MarkedYAMLError, line_offset: int) -> yaml.MarkedYAMLError:
    if not line_offset:
        return err
    shifted = copy.copy(err)
    for name in ("problem_mark", "context_mark"):
        mark = copy.copy(getattr(err, name))
        if mark is not None:
            mark.line += line_offset
        setattr(shifted, name, mark)
    return shifted


def tab_hint(text: str, line: int, col: int) -> str:
    """YAML forbids tabs in indentation; say where the line above starts (``line`` counts in ``text``)."""
    lines = text.split("\n")
    if lines[line - 1][: col - 1].strip(" "):
        return "tab character; separate with spaces instead"
    above = next((each for each in reversed(lines[: line - 1]) if each.strip()), None)
    if above is None:
        return "this line is indented with a tab; YAML needs spaces: indent it with spaces instead"
    above_col = len(above) - len(above.lstrip(" ")) + 1
    return (f"this line is indented with a tab; YAML needs spaces: indent it with spaces instead "
            f"(the line above starts at column {above_col})")


def _unclosed_quote(lines: list[str], err: yaml.MarkedYAMLError, _: KeyGroups) -> Hint | None:
    """A quote that runs on past its line up to the failure: the usual cause of errors far below it."""
    problem, opening = err.problem_mark, err.context_mark
    if problem is None:
        return None
    if str(err.context) == "while scanning a quoted scalar" and opening is not None:
        quote = lines[opening.line][opening.column]
        return opening.line + 1, opening.column + 1, (
            f"the {quote} opened here is never closed, so YAML reads everything after it as part of this text; "
            f"close it at the end of the value on line {opening.line + 1}")
    text, line_start = "\n".join(lines), 0
    for number, line in enumerate(lines[: problem.line + 1], start=1):
        match, line_start = _QUOTED_VALUE.match(line), line_start + (len(lines[number - 2]) + 1 if number > 1 else 0)
        if not match:
            continue
        quote, start = match["quote"], line_start + match.end() - 1
        pattern = r'"(?:[^"\\]|\\.)*"' if quote == '"' else r"'(?:[^']|'')*'"
        closing = re.compile(pattern, re.S).match(text, start)
        end_line = text.count("\n", 0, closing.end()) + 1 if closing else None
        if end_line == number:
            continue
        if end_line is None or end_line >= problem.line + 1:
            where = "never closed" if end_line is None else f"only closed on line {end_line}"
            return number, match.end(), (
                f"the {quote} opened here is {where}, so YAML reads the lines below as part of this text; "
                f"close it at the end of the value on line {number}")
    return None


def _text_after_closing(lines: list[str], err: yaml.MarkedYAMLError, _: KeyGroups) -> Hint | None:
    """'What's new?' or [a, b] extra: the value ended at a quote or bracket and more text follows."""
    problem = err.problem_mark
    if problem is None or "expected <block end>" not in str(err.problem) or "'<scalar>'" not in str(err.problem):
        return None
    line = lines[problem.line]
    before = line[: problem.column].rstrip()
    match = _KEY_LINE.match(line)
    if not before or not match or before[-1] not in "'\"]}":
        return None
    key, value = match["key"], line[match.end():].strip()
    closer = before[-1]
    if closer in "'\"":
        why = (f"the text in {closer}…{closer} ends at column {len(before)} and more text follows it; "
               + ("an apostrophe inside '…' must be doubled (''), or " if closer == "'" else ""))
    else:
        why = (f"the list or mapping ends at the '{closer}' in column {len(before)} and more text follows it; "
               "if this is text, ")
    return problem.line + 1, len(before), f"{why}put the whole value in quotes: {key}: {_quoted(value)}"


def _reserved_first_character(lines: list[str], err: yaml.MarkedYAMLError, _: KeyGroups) -> Hint | None:
    """A value starting with @, `, %, *, & or ! means something else to YAML."""
    for mark in (err.context_mark, err.problem_mark):
        if mark is None:
            continue
        line = lines[mark.line]
        match = _KEY_LINE.match(line)
        value = line[match.end():].strip() if match else ""
        if match and value and value[0] in _RESERVED_START:
            return mark.line + 1, match.end() + 2, (
                f"a value cannot start with '{value[0]}' unquoted; put the whole value in quotes: "
                f"{match['key']}: {_quoted(value)}")
    return None


def _flow_not_closed(lines: list[str], err: yaml.MarkedYAMLError, _: KeyGroups) -> Hint | None:
    """keywords: [a, b   (no ']') or question: {Hi} …: brackets start a list or a mapping."""
    context, opening = str(err.context), err.context_mark
    if opening is None or not context.startswith("while parsing a flow"):
        return None
    line = lines[opening.line]
    bracket = line[opening.column] if opening.column < len(line) else "["
    closer, what = ("]", "list") if bracket == "[" else ("}", "mapping")
    if closer not in line[opening.column:]:
        fix = (f"the '{bracket}' opened here is not closed on this line; end the {what} with '{closer}', "
               "or, if the value is text, put it all in quotes")
    else:
        fix = (f"an item between '{bracket}' and '{closer}' contains ':', a bracket or a quote; "
               "put that item in quotes, e.g. [\"size: large\", other]")
    return opening.line + 1, opening.column + 1, fix


def _block_indicator_with_text(lines: list[str], err: yaml.MarkedYAMLError, _: KeyGroups) -> Hint | None:
    if str(err.context) != "while scanning a block scalar" or err.context_mark is None:
        return None
    mark = err.context_mark
    return mark.line + 1, mark.column + 1, (
        f"after '{lines[mark.line][mark.column]}' the text starts on the next line, indented further "
        "than the field's name; move the text there")


def _missing_space(lines: list[str], err: yaml.MarkedYAMLError, key_groups: KeyGroups) -> Hint | None:
    """question:How …, -id: x, question How …: the ':' or '-' that makes a field is not there."""
    for mark in (err.context_mark, err.problem_mark):
        if mark is None:
            continue
        for number in _lines_up_to_a_field(lines, mark.line):
            line = lines[number] if 0 <= number < len(lines) else ""
            glued = re.match(r"^( *(?:- +)*)([A-Za-z_][\w-]*):(?=[^\s:])", line)
            dash = re.match(r"^( *)-(?=[A-Za-z_])", line)
            bare = re.match(r"^( *(?:- +)*)([A-Za-z_][\w-]*)(?: +\S| *$)", line)
            if glued:
                return number + 1, len(glued[0]) + 1, f"put a space after the ':' of `{glued[2]}:`"
            if dash:
                return number + 1, len(dash[0]), "put a space after this '-' so YAML reads a list item ('- id: …')"
            if bare and bare[2] in _known(key_groups) and ":" not in line:
                return number + 1, len(bare[1]) + len(bare[2]) + 1, f"add ':' after `{bare[2]}`"
    return None


def _lines_up_to_a_field(lines: list[str], index: int) -> list[int]:
    """0-based indexes of the marked line and the lines above it back to the previous 'field:' line:
    a line missing its ':' or its space reads as more text of that field, so the parser fails below it."""
    indexes = [index]
    for above in range(index - 1, -1, -1):
        indexes.append(above)
        if _KEY_LINE.match(lines[above]):
            break
    return indexes


def _colon_in_value(lines: list[str], err: yaml.MarkedYAMLError, key_groups: KeyGroups) -> Hint | None:
    """question: Sizes: which one? — YAML takes the second ': ' for a new field."""
    problem = err.problem_mark
    if problem is None or str(err.problem) != "mapping values are not allowed here":
        return None
    line = lines[problem.line]
    match = _KEY_LINE.match(line)
    if match is None or problem.column <= match.end() - 1:
        return None
    value = line[match.end():].strip()
    return problem.line + 1, problem.column + 1, (
        f"the value of `{match['key']}:` contains ': ', which YAML reads as the start of another field; "
        f"put the whole value in quotes: {match['key']}: {_quoted(value)}")


def _indentation(lines: list[str], err: yaml.MarkedYAMLError, key_groups: KeyGroups) -> Hint | None:
    """A field or list item whose column matches none of the entries it could belong to."""
    mark = err.problem_mark
    if str(err.context) == "while scanning a simple key" and err.context_mark is not None:
        mark = err.context_mark
    if mark is None or mark.line >= len(lines):
        return None
    number = mark.line + 1
    line = lines[mark.line]
    if not line.strip():
        return None
    match = _KEY_LINE.match(line)
    if match and str(err.problem) == "mapping values are not allowed here":
        return _deeper_than_above(lines, number, key_groups)
    if match is None or str(err.context) == "while scanning a simple key":
        return _stray_text(lines, number)
    return _misaligned(lines, number, match, key_groups)


def _misaligned(lines: list[str], number: int, match: re.Match[str], key_groups: KeyGroups) -> Hint | None:
    col = len(match["indent"]) + 1
    kind = "seq" if match["dash"] else "map"
    candidates = [entry for entry in _open_entries(lines, number) if entry.kind == kind]
    if not candidates and kind == "seq":
        return number, col, ("no field above this list item opens a list; a list starts on the line after "
                             "its field name (`name:` alone on its line), indented under it: check whether that "
                             "line is missing or indented differently")
    if not candidates:
        return None
    group = _group_of(match["key"], key_groups)
    best = min(candidates, key=lambda e: (abs(e.col - col), e.key not in group, -e.col))
    if best.col == col:
        return None
    if col == 1 and best is _open_entries(lines, number)[0]:
        return best.line, best.col, (f"`{best.key}:` starts at column {best.col}, but the file's top-level fields "
                                     f"start at column 1 (like `{match['key']}:` on line {number}); "
                                     "move it left to column 1")
    direction = "right" if best.col > col else "left"
    if kind == "seq":
        return number, col, (f"this list item's '-' is at column {col}, but the items of this list start at "
                             f"column {best.col} (line {best.line}); move it {direction} to column {best.col}")
    return number, col, (f"`{match['key']}:` starts at column {col}, but the field `{best.key}:` on line "
                         f"{best.line} starts at column {best.col}; fields of the same entry start in the "
                         f"same column, so move it {direction} to column {best.col}")


def _deeper_than_above(lines: list[str], number: int, key_groups: KeyGroups) -> Hint | None:
    """A 'key: value' line indented under a one-line value reads as more of that value."""
    match = _KEY_LINE.match(lines[number - 1])
    above = _previous_key_line(lines, number)
    if match is None or above is None:
        return None
    col, above_number, above_match = len(match["indent"]) + len(match["dash"]) + 1, *above
    above_col = len(above_match["indent"]) + len(above_match["dash"]) + 1
    if match["key"] not in _known(key_groups) and key_groups:
        return number, col, (f"this line continues the text of `{above_match['key']}:` on line {above_number} "
                             "and contains ': ', which YAML reads as a new field; put the whole text in quotes, "
                             f"or write `{above_match['key']}: |` and the text indented on the lines below")
    below = _next_key_line(lines, number)
    if below is not None and len(below[1]["indent"]) + 1 == col and above_col != col:
        return above_number, above_col, (
            f"`{above_match['key']}:` starts at column {above_col}, but the fields after it (`{match['key']}:` "
            f"on line {number}) start at column {col}; fields of the same entry start in the same column, "
            f"so move it {'right' if col > above_col else 'left'} to column {col}")
    return number, col, (f"`{match['key']}:` is indented further than `{above_match['key']}:` on line "
                         f"{above_number} (column {above_col}), so YAML reads it as more text of that value; "
                         f"move it left to column {above_col}")


def _stray_text(lines: list[str], number: int) -> Hint | None:
    """A text line where a field was expected: usually text that lost its indentation."""
    above = _previous_key_line(lines, number)
    line = lines[number - 1]
    col = len(line) - len(line.lstrip()) + 1
    if above is None:
        return number, col, "this line has no 'field: value'; write it as `field: value`"
    above_number, above_match = above
    field_col = len(above_match["indent"]) + len(above_match["dash"]) + 1
    if col > field_col:
        return number, col, (f"this line is indented under `{above_match['key']}:` (line {above_number}), so YAML "
                             "reads it as more of that value, and its ':' looks like a new field; if this text "
                             "belongs to a field of its own, its name is missing on the line above (such as "
                             f"`answer: |`); if it belongs to `{above_match['key']}:`, write `{above_match['key']}: |` "
                             "and the text below it")
    return number, col, (f"this line is text, but it is not indented under `{above_match['key']}:` on line "
                         f"{above_number} (column {field_col}); if it belongs to that text, indent it to "
                         f"column {field_col + 2}, otherwise write it as `field: value`")


def _open_entries(lines: list[str], before: int) -> list[_Open]:
    """The mappings and lists still open at line ``before``, from the outermost in."""
    stack: list[_Open] = []
    block_col = 0  # while > 0, lines indented past this column are a block text (answer: |)
    for number, line in enumerate(lines[: before - 1], start=1):
        indent = len(line) - len(line.lstrip(" "))
        if block_col and (not line.strip() or indent + 1 > block_col):
            continue
        block_col = 0
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        col = len(match["indent"]) + 1
        for dash in re.finditer(r"- +", match["dash"]):
            _push(stack, _Open(col + dash.start(), "seq", number, match["key"]))
        key_col = col + len(match["dash"])
        _push(stack, _Open(key_col, "map", number, match["key"]))
        if _BLOCK_START.search(line):
            block_col = key_col
    return stack


def _push(stack: list[_Open], entry: _Open) -> None:
    while stack and (stack[-1].col > entry.col or (stack[-1].col == entry.col and stack[-1].kind == entry.kind)):
        stack.pop()
    stack.append(entry)


def _previous_key_line(lines: list[str], number: int) -> tuple[int, re.Match[str]] | None:
    """The last 'field:' line above, not counting lines of block text that only look like one."""
    entries = _open_entries(lines, number)
    match = _KEY_LINE.match(lines[entries[-1].line - 1]) if entries else None
    return (entries[-1].line, match) if entries and match else None


def _next_key_line(lines: list[str], number: int) -> tuple[int, re.Match[str]] | None:
    for below in range(number + 1, len(lines) + 1):
        if lines[below - 1].strip() and not lines[below - 1].lstrip().startswith("#"):
            match = _KEY_LINE.match(lines[below - 1])
            return (below, match) if match else None
    return None


def _known(key_groups: KeyGroups) -> frozenset[str]:
    return frozenset().union(*key_groups)


def _group_of(key: str, key_groups: KeyGroups) -> frozenset[str]:
    return next((group for group in key_groups if key in group), frozenset())


def _quoted(value: str) -> str:
    """The value as it should be written: in double quotes, or single ones when it holds a '"'."""
    if len(value) > 1 and value[0] == value[-1] and value[0] in ("'", '"'):
        value = value[1:-1]
    if '"' not in value:
        return '"' + value.replace("\\", "\\\\") + '"'
    return "'" + value.replace("'", "''") + "'"


_DIAGNOSES: tuple[Callable[[list[str], yaml.MarkedYAMLError, KeyGroups], Hint | None], ...] = (
    _unclosed_quote, _text_after_closing, _reserved_first_character, _flow_not_closed,
    _block_indicator_with_text, _missing_space, _colon_in_value, _indentation,
)
