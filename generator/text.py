"""Plain text from Markdown, for excerpts, descriptions and search."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:.*$", re.M)
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}")
_MARKS = re.compile(r"(\*\*|__|[*_`~]|^#+\s*|^\s*[-*+]\s+|^\s*\d+[.)]\s+|^\s*>\s?)", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def plain_text(markdown_text: str) -> str:
    """Markdown to one line of readable text: links keep their words, markup and HTML go."""
    text = _REF_DEF.sub("", markdown_text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ATTR_LIST.sub("", text)
    text = _MARKS.sub("", text)
    return " ".join(html.unescape(text).split())


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def excerpt(markdown_text: str, limit: int = 160) -> str:
    """The first sentence of a Markdown text, as plain text of at most ``limit`` characters."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown_text.strip()) if plain_text(p)]
    return shorten(first_sentence(plain_text(paragraphs[0] if paragraphs else "")), limit)
