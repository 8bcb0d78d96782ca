"""Markdown to plain text: one extraction for descriptions, structured data and search, one shortening rule.

Answers are short Markdown with links, emphasis, lists and the odd admonition; a few regular
expressions turn them into readable text without depending on which Markdown extensions the
site enables (an unknown marker simply stays as text rather than failing the build). What each
reader keeps differs (``Keep``): a description reads best without headings, code or image text,
while search indexes every word a shopper may type.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*[\w-]+")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ITEM = re.compile(r"^\s*(?P<marker>[-*+]|\d{1,9}[.)])\s+(?P<text>.*)$")
_QUOTE = re.compile(r"^\s*>\s?")
_HEADING_TEXT = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)(?:\s+#+)?\s*$")
_ADMONITION_TITLE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:\"([^\"]*)\")?\s*$")

# Each pattern with the substrings it needs: most text has no markup at all, and skipping a
# pattern whose marker is absent is far cheaper than running it (thousands of answers a build).
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_INLINE: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"<!--.*?-->", re.S), "", ("<!--",)),
    (_IMAGE, "", ("![",)),  # replaced by its alt text when Keep.image_alt
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1", ("](",)),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1", ("][",)),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1", ("<",)),
    (re.compile(r"</?[A-Za-z][^>]*>"), "", ("<",)),
    (re.compile(r"`+([^`]*)`+"), r"\1", ("`",)),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2", ("**", "__")),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1", ("*",)),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1", ("_",)),
    (re.compile(r"(~~|==|\^\^)(?=\S)(.+?)(?<=\S)\1"), r"\2", ("~~", "==", "^^")),
    (re.compile(r"\s*\{:?\s*[.#][^}]*\}"), "", ("{",)),  # attribute lists: { .class #id }
]
# Backslash escapes are hidden from the patterns above (as private-use characters) and restored after.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~=^])")
_PRIVATE = 0xE000
_SPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
"""Runs of breaking white space: the no-break spaces French puts before ? ! : ; and inside « » stay as
written (flattening them would let a line break before the question mark)."""
# A sentence ends at . ! or ? (plus closing quotes/brackets) before a space and something that
# does not start with a lowercase letter, so "e.g. a box" and "1.5 kg" are not cut.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[^a-z\s])")


@dataclass(frozen=True)
class Keep:
    """What an extraction keeps besides paragraphs and list items."""

    headings: bool = False
    code: bool = False
    """The lines of fenced code blocks (the fences themselves never)."""
    image_alt: bool = False
    admonition_titles: bool = False


DESCRIPTION = Keep()
"""Descriptions and structured data: the prose only."""
SEARCH = Keep(headings=True, code=True, image_alt=True, admonition_titles=True)
"""Search: every word a shopper may type."""


@dataclass(frozen=True)
class Block:
    """A paragraph, or one list item (``marker`` is its bullet or number)."""

    text: str
    marker: str = ""


def inline_text(markdown_text: str, image_alt: bool = False) -> str:
    """One line of Markdown/HTML as plain text, whitespace collapsed; images dropped or their alt text."""
    escaped = "\\" in markdown_text
    text = _ESCAPE.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), markdown_text) if escaped else markdown_text
    for pattern, replacement, markers in _INLINE:
        if any(marker in text for marker in markers):
            text = pattern.sub(r"\1" if image_alt and pattern is _IMAGE else replacement, text)
    if escaped:
        text = re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - _PRIVATE), text)
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=65536)  # an answer is read for its description, its category's FAQPage and search
def blocks(markdown_text: str, keep: Keep = DESCRIPTION) -> tuple[Block, ...]:
    """Paragraphs and list items as plain text, plus what ``keep`` asks for; rules and markers dropped."""
    found: list[Block] = []
    lines: list[str] = []
    marker = ""
    in_fence = False

    def flush() -> None:
        text = inline_text(" ".join(lines), keep.image_alt)
        if text:
            found.append(Block(text, marker))
        lines.clear()

    for line in markdown_text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            if keep.code:
                lines.append(line)
            continue
        title = _kept_title(line, keep)
        if title is not None:
            flush()
            marker = ""
            lines.append(title)
            flush()
            continue
        if _skipped(line):
            continue
        item = _ITEM.match(line)
        if not line.strip() or item:
            flush()
            marker = item.group("marker") if item else ""
            if item:
                lines.append(item.group("text"))
            continue
        lines.append(_QUOTE.sub("", line).replace("|", " "))
    flush()
    return tuple(found)


def _kept_title(line: str, keep: Keep) -> str | None:
    """A heading's or an admonition's title when ``keep`` keeps it, else None."""
    if keep.headings and _HEADING.match(line):
        heading = _HEADING_TEXT.match(line)
        return heading.group(1) if heading else ""
    if keep.admonition_titles and _ADMONITION.match(line):
        admonition = _ADMONITION_TITLE.match(line)
        return (admonition.group(1) or "") if admonition else ""
    return None


def _skipped(line: str) -> bool:
    return any(p.match(line) for p in (_HEADING, _ADMONITION, _RULE, _REFERENCE, _TABLE_RULE))


def plain_text(markdown_text: str) -> str:
    """The whole text, one block a line, list items keeping their bullet or number."""
    return "\n".join(f"{b.marker} {b.text}" if b.marker else b.text for b in blocks(markdown_text))


def search_text(markdown_text: str) -> str:
    """Every word search indexes, on one line: headings, code, image and admonition titles included."""
    return " ".join(b.text for b in blocks(markdown_text, SEARCH))


def sentences(text: str) -> list[str]:
    """Split plain text into sentences (see ``_SENTENCE_END``)."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        found.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    return [*found, rest] if rest else found


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits, else cut at the last word boundary with an ellipsis (total <= limit).

    The one shortening rule: descriptions, headlines and search excerpts all cut this way.
    """
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-(") + "…"


EXCERPT_LIMIT = 160


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """A search result's excerpt: the start of ``text``, shortened like a description."""
    return shorten(text, limit)
