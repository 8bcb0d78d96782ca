"""Naming a place in a content file the way editors think of it.

Tools count list items from zero (``questions[2].answer``); editors count from one and recognise a
question by its id or its words. Messages say ``question 3 (forgot-password) › answer``; the JSON
report keeps the zero-based machine path too (``$.questions[2].answer``) for tools.
"""

from __future__ import annotations

import re
from typing import Any

from generator.reading.yamlsource import PathKey

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LONGEST_QUOTE = 40
_ITEM_NAMES = {"questions": "question"}
"""Lists whose items editors call by name; items of any other list are 'item N'."""


def editor_field(path: PathKey, data: Any = None) -> str:
    """``('questions', 2, 'related', 0)`` -> ``question 3 (forgot-password) › related item 1``."""
    parts: list[str] = []
    node = data
    for depth, part in enumerate(path):
        if isinstance(part, int):
            parent = path[depth - 1] if depth else ""
            item = _child(node, part)
            if parent in _ITEM_NAMES:
                parts[-1] = f"{_ITEM_NAMES[str(parent)]} {part + 1}{_label(item)}"
            else:
                parts[-1] = f"{parts[-1]} item {part + 1}" if parts else f"item {part + 1}"
            node = item
        else:
            parts.append(part)
            node = _child(node, part)
    return " › ".join(parts)


def json_path(path: PathKey) -> str:
    """``('questions', 2, 'answer')`` -> ``$.questions[2].answer`` (zero-based, for tools)."""
    if not path:
        return ""
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    return node.get(part) if isinstance(node, dict) else None


def _label(item: Any) -> str:
    """The entry's id when it is a real one, else the start of its question, else nothing."""
    if not isinstance(item, dict):
        return ""
    entry_id, question = item.get("id"), item.get("question")
    if isinstance(entry_id, str) and _SLUG.match(entry_id):
        return f" ({entry_id})"
    if isinstance(question, str) and question.strip():
        words = " ".join(question.split())
        short = words if len(words) <= _LONGEST_QUOTE else words[:_LONGEST_QUOTE].rsplit(" ", 1)[0] + "…"
        return f" ('{short}')"
    return ""
