"""Markdown to the plain text that is indexed and shown as a result's excerpt.

Regular expressions rather than a Markdown render: it is fast at thousands of answers and
only has to keep the words, not the layout.
"""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_ADMONITION = re.compile(
    r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:\"([^\"]*)\")?\s*$", re.MULTILINE
)
_LINK_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^}]*\}")
_TAG = re.compile(r"<[^>\n]+>")
_LINE_MARKERS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+", re.MULTILINE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|`+|~~")
_SPACE = re.compile(r"\s+")


def markdown_to_text(markdown: str) -> str:
    """The words of a Markdown fragment, on one line."""
    # Each pattern runs only when its marker is there: it is called for every answer and section.
    text = markdown
    if "```" in text or "~~~" in text:
        text = _FENCE.sub("", text)
    if "!!!" in text or "???" in text:
        text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    if "]" in text:
        text = _LINK_DEFINITION.sub("", text)
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "{" in text:
        text = _ATTR_LIST.sub("", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "---" in text:
        text = _TABLE_RULE.sub("", text)
    text = _LINE_MARKERS.sub("", text)
    text = _EMPHASIS.sub("", text).replace("|", " ")
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def excerpt(text: str, length: int = 160) -> str:
    """The start of ``text``, cut at a word boundary, with an ellipsis when cut."""
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return cut + "…"
