"""Rewriting content Markdown for the generated pages: resolved links and contact links."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from generator.markup.links import Link, LinkResolver, Resolved, find_links, without_code

_CONTACT_PHRASE = re.compile(r"(?<![\[\w])(contact (?:our )?customer service)(?![\w\]])", re.I)


@lru_cache(maxsize=65536)  # a pure function of two strings: a category page links to each of its articles
def relative_link(from_page: str, to_page: str) -> str:
    """Link from one generated ``.md`` page to another, relative as Markdown engines expect."""
    folder, _, name = to_page.rpartition("/")
    if name and folder and folder == from_page.rpartition("/")[0] and not {"", ".", ".."} & set(folder.split("/")):
        return name  # a category page to its articles: what relpath gives, without its work
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def rewrite_markdown(text: str, page_path: str, content_file: str, resolver: LinkResolver,
                     contact_url: str) -> str:
    """Content Markdown as it goes into a generated page.

    Links are resolved (validation already refused any that point nowhere) and every
    "contact Customer Service" in prose becomes a link to the store's contact page.
    """
    return rewrite_with(text, page_path, link_targets(text, content_file, resolver), contact_url)


def link_targets(text: str, content_file: str, resolver: LinkResolver) -> tuple[Resolved | str, ...]:
    """Where each of the text's links goes: all that rewriting reads of the rest of the site."""
    return tuple(resolver.resolve(link.target, content_file) for link in find_links(text))


def rewrite_with(text: str, page_path: str, targets: tuple[Resolved | str, ...], contact_url: str) -> str:
    """``rewrite_markdown`` with the links' targets already resolved (``link_targets``)."""
    links = find_links(text)
    edits: list[tuple[int, int, str]] = []
    for link, resolved in zip(links, targets, strict=True):
        if isinstance(resolved, Resolved):
            edits.append((link.offset, link.offset + len(link.target), _href(resolved, page_path)))
    text = _apply(text, edits)
    return _link_contact_phrases(text, contact_url)


def _href(resolved: Resolved, page_path: str) -> str:
    anchor = f"#{resolved.anchor}" if resolved.anchor else ""
    if resolved.page is not None:
        return relative_link(page_path, resolved.page) + anchor
    return (resolved.url or "") + anchor if resolved.url is not None else anchor


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _link_contact_phrases(text: str, contact_url: str) -> str:
    prose = without_code(text)
    inside_links = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]]*\]\([^)]*\)|<a\b.*?</a>", prose, re.S)]
    edits = []
    for match in _CONTACT_PHRASE.finditer(prose):
        if any(start <= match.start() < end for start, end in inside_links):
            continue
        edits.append((match.start(), match.end(), f"[{text[match.start():match.end()]}]({contact_url})"))
    return _apply(text, edits)


__all__ = ["Link", "relative_link", "rewrite_markdown"]
