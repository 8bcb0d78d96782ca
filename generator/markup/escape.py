"""Escaping plain text for Markdown, in one place: the pages' titles (pages.py renders them) and
search's reading of a guide page's headings (search/documents.py) must escape alike, or a
section's anchor in search would differ from the page's."""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")


def md_escape(text: str) -> str:
    """``text`` with every Markdown-special character backslash-escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)
