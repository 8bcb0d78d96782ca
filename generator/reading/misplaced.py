"""Finding fields that an indentation slip turned into text.

A key indented a little too far under ``answer: |`` is not a key any more: YAML reads it as one more
line of the answer, the schema is satisfied, and shoppers read "… keywords: [reset password]" on the
page. Such a slip is a line inside a text value that starts with a key the schema allows in one of
the enclosing mappings (taken from the JSON Schema itself), followed by a value that key accepts.
Keys are case-sensitive in YAML and prose starts its lines with a capital, so "Note: …", "Order:
ORD-10117" or "Tip: call us" never match; "id: your order number is …" does not either, because
"your order number is …" is not a valid id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema

from generator.reading.schema import load_schema
from generator.reading.sources import SourceFile
from generator.reading.yamlsource import PathKey, YamlProblem, parse_yaml

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[a-z][a-z_]*):(?: +(?P<value>.*?))? *$")
_FENCE = re.compile(r"^ *(```|~~~)")
_BLOCK_INDICATOR = re.compile(r"^[|>][-+0-9]*$")
_ITEM_NOUNS = {"questions": "question"}


@dataclass(frozen=True)
class MisplacedField:
    """A line of text that is really a field; ``path`` is the text value that swallowed it."""

    path: PathKey
    line: int
    col: int
    key: str
    value: Any
    message: str


@dataclass(frozen=True)
class _Owner:
    """The mapping (or, for ``- key:``, the list) where the swallowed field belongs."""

    path: PathKey
    schema: dict[str, Any]
    new_item: bool


def misplaced_fields(schema_name: str, source: SourceFile) -> Iterator[MisplacedField]:
    """Every line inside a multi-line text value of ``source.data`` that reads as a misplaced field."""
    root = load_schema(schema_name)
    offset, lines = source.positions.line_offset, source.lines()
    for path, (first, last, style) in sorted(source.positions.text_spans.items(), key=lambda item: item[1]):
        if not isinstance(_value_at(source.data, path), str):
            continue
        new_item_indent = -1  # the fields of a swallowed new list item move with it: report the item once
        for number, match in _key_lines(lines, first + offset, last + offset):
            indent = len(match["indent"])
            if indent <= new_item_indent:
                new_item_indent = -1
            owner = _owner(root, path, match["key"], bool(match["dash"]))
            if new_item_indent >= 0 or not owner or not _accepts(root, owner.schema, match["value"]):
                continue
            if owner.new_item:
                new_item_indent = indent
            message = _hint(source, path, owner, match["key"], (first + offset, indent + 1), style)
            yield MisplacedField(path, number, indent + 1, match["key"], _parsed(match["value"]), message)


def _key_lines(lines: list[str], first: int, last: int) -> Iterator[tuple[int, re.Match[str]]]:
    """Lines after ``first`` up to ``last`` that start like ``key: value``, outside fenced code."""
    in_code = False
    for number in range(first + 1, min(last, len(lines)) + 1):
        text = lines[number - 1]
        if _FENCE.match(text):
            in_code = not in_code
        match = None if in_code else _KEY_LINE.match(text)
        if match:
            yield number, match


def _owner(root: dict[str, Any], path: PathKey, key: str, dash: bool) -> _Owner | None:
    """The nearest enclosing mapping whose schema has ``key`` (or list whose items have it, for ``- key:``)."""
    for depth in range(len(path) - 1, -1, -1):
        schema = _subschema(root, path[:depth])
        if dash:
            schema = _resolve(root, schema.get("items", {})) if isinstance(path[depth], int) else {}
        properties = schema.get("properties", {})
        if key in properties:
            return _Owner(path[:depth], properties[key], new_item=dash)
    return None


def _subschema(root: dict[str, Any], path: PathKey) -> dict[str, Any]:
    schema = root
    for part in path:
        schema = _resolve(root, schema.get("items", {}) if isinstance(part, int)
                          else schema.get("properties", {}).get(part, {}))
    return schema


def _resolve(root: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    _, hash_mark, pointer = str(schema.get("$ref", "")).partition("#")
    if hash_mark and pointer.startswith("/$defs/"):
        resolved: dict[str, Any] = root.get("$defs", {}).get(pointer.removeprefix("/$defs/"), {})
        return resolved
    return schema


def _accepts(root: dict[str, Any], schema: dict[str, Any], value_text: str | None) -> bool:
    """Would this key take this value? A key alone on its line (its value below it) always counts."""
    if value_text is None or _BLOCK_INDICATOR.match(value_text):
        return True
    value = _parsed(value_text)
    if value is None:
        return False
    validator = jsonschema.Draft202012Validator({**schema, "$defs": root.get("$defs", {})},
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return bool(validator.is_valid(value))


def _parsed(value_text: str | None) -> Any:
    if value_text is None:
        return None
    try:
        data, _ = parse_yaml(f"value: {value_text}\n")
    except YamlProblem:
        return None
    return data.get("value") if isinstance(data, dict) else None


def _hint(source: SourceFile, path: PathKey, owner: _Owner, key: str, where: tuple[int, int], style: str) -> str:
    """What the line looks like and where it belongs; ``where`` is (first line of the text, the line's column)."""
    word = next((str(part) for part in reversed(path) if isinstance(part, str)), "text")
    anchor = path[len(owner.path)]
    if owner.new_item:
        noun = _ITEM_NOUNS.get(str(owner.path[-1]) if owner.path else "", "item")
        line, col = source.at((*owner.path, anchor))
        dash = _dash_column(source.lines(), line, col)
        what, col = f"a new {noun} (`- {key}:`)", dash
        fix = f"move it left so its `-` lines up with the `-` of {noun} {int(anchor) + 1} (column {dash})"
    else:
        _, col = source.at((*owner.path, anchor), key=True)
        what = f"the field `{key}:`"
        fix = f"move it left to line up with `{anchor}:` (column {col})"
    if style in ("'", '"'):
        close = f"close the quote where the {word} ends"
        return (f"this line looks like {what} swallowed by the quoted {word} that opens on line {where[0]}; "
                + (close if where[1] == col else f"{close}, then {fix}"))
    return f"this line looks like {what} indented into the {word} above; {fix}"


def _dash_column(lines: list[str], line: int, col: int) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    dash = text.rfind("-", 0, max(col - 1, 0))
    return dash + 1 if dash >= 0 else col


def _value_at(data: Any, path: PathKey) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data
