"""Printing content problems for people (text), for GitHub Actions (annotations) and for tools (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.errors import Problem

FORMATS = ("text", "github", "json")


def _github_escape(text: str, is_property: bool = False) -> str:
    """GitHub's workflow-command escaping (%, CR, LF; also ':' and ',' in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def format_problems(problems: Sequence[Problem], fmt: str) -> str:
    if fmt == "json":
        items = [{"path": p.path, "line": p.line, "col": p.col, "field": p.field, "message": p.message,
                  "json_path": p.json_path} for p in problems]
        return json.dumps({"ok": not problems, "problems": items}, indent=2, ensure_ascii=False)
    if fmt == "github":
        lines = []
        for p in problems:
            props = f"file={_github_escape(p.path, True)},line={p.line},col={p.col}"
            title = f"{p.field}: " if p.field else ""
            lines.append(f"::error {props}::{_github_escape(title + p.message)}")
        return "\n".join(lines)
    return "\n".join(str(p) for p in problems)


def summary(problems: Sequence[Problem], files_checked: int) -> str:
    if not problems:
        return f"✓ content is valid ({files_checked} files checked)"
    files = len({p.path for p in problems})
    return f"✗ {len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}"
