"""Links in answers and guides: finding them, refusing unsafe ones, and resolving them to pages.

Editors link to another article or guide by its id (``[text](standard-shipping-time)``), to a
category by its id, to a content file by relative path (``../care/wool-sweaters.md``), to a site
path (``/shipping-and-delivery/``), or to a store page as ``store:NAME``. Every such link is
checked before anything is published and rewritten to the generated page, so MkDocs (or
another engine) sees ordinary relative links between Markdown files.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.config.store import LINK_NAMES
from generator.reading.model import HelpCenter
from generator.reading.suggestions import CloseMatches

# Inline links/images `[text](target "title")`, reference definitions `[ref]: target`, and
# HTML href/src attributes: together what Python-Markdown turns into a URL.
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^\s)>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_HTML_URL = re.compile(r"\b(?:href|src|action|formaction|srcset|poster)\s*=\s*[\"']?([^\"'\s>]+)", re.I)
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]*:[^\s>]+)>", re.I)
_CODE = re.compile(r"(^```.*?^```[ \t]*$|^~~~.*?^~~~[ \t]*$|`[^`\n]+`)", re.S | re.M)
_DANGEROUS_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|base|meta|link|applet)\b", re.I)
_EVENT_ATTRIBUTE = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I | re.S)
_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file):", re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Link:
    target: str
    offset: int
    """Where the target starts in the text, for messages."""


@dataclass(frozen=True)
class Resolved:
    """Where a link goes: an absolute URL, or a generated page (``.md`` path) plus an anchor."""

    url: str | None = None
    page: str | None = None
    anchor: str = ""


def without_code(text: str) -> str:
    """The text with code blocks and spans blanked (same length), since code is shown, not run."""
    if "`" not in text and "~~~" not in text:
        return text  # most answers: skip the regex (it runs on every answer of thousands)
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


# Each link pattern with a substring it cannot match without: most answers have a link or two
# and no HTML, so most patterns need not scan them at all.
_LINK_PATTERNS = ((_INLINE, "]("), (_REFERENCE, "]:"), (_HTML_URL, "="), (_AUTOLINK, "<"))


@lru_cache(maxsize=65536)  # each answer is read three times: validation, rewriting, unsafe-HTML check
def find_links(text: str) -> tuple[Link, ...]:
    prose = without_code(text)
    return tuple(
        Link(match.group(1), match.start(1))
        for pattern, needed in _LINK_PATTERNS
        if needed in prose
        for match in pattern.finditer(prose)
    )


def unsafe_html(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) for raw HTML that could run script in a shopper's browser."""
    prose = without_code(text)
    for match in _DANGEROUS_TAG.finditer(prose):
        yield match.start(), f"<{match.group(1).lower()}> is not allowed in content; it could run code on the page"
    for match in _EVENT_ATTRIBUTE.finditer(prose):
        yield match.start(1), f"the HTML attribute '{match.group(1)}' runs script and is not allowed; remove it"
    for link in find_links(text):
        if is_unsafe_url(link.target):
            scheme = link.target.split(":", 1)[0].strip().lower()
            yield link.offset, f"'{scheme}:' URLs are not allowed in links or images; link to a page instead"


def is_unsafe_url(target: str) -> bool:
    """A URL that runs script or reads local data when followed (browsers ignore ASCII controls in schemes)."""
    return bool(_UNSAFE_SCHEME.match(re.sub(r"[\x00-\x20]", "", target)))


class LinkResolver:
    """Resolves link targets written in content to pages of the generated site."""

    def __init__(self, helpcenter: HelpCenter, store_links: dict[str, str] | None = None) -> None:
        self._store_links = store_links or {}
        self._pages: dict[str, str] = {"": "index.md", "care": "care/index.md"}
        for category in helpcenter.categories:
            self._pages[category.id] = category.page_path
            self._pages[f"faq/{category.id}.yml"] = category.page_path
        for guide in helpcenter.guides:
            self._pages[f"care/{guide.id}.md"] = guide.page_path
        self._by_url = {posixpath.dirname(p) if p.endswith("index.md") else p[:-3]: p for p in self._pages.values()}
        for article in helpcenter.articles_by_id.values():
            self._pages[article.id] = article.page_path
            self._by_url[article.url.rstrip("/")] = article.page_path
        self._suggestions = self._suggestions_for_ids()

    def _suggestions_for_ids(self) -> CloseMatches:
        """"Did you mean" among the ids a link may name (not the paths, which editors rarely type)."""
        return CloseMatches(k for k in self._pages if "/" not in k and "." not in k and k)

    def add_fallback(self, helpcenter: HelpCenter, up: str) -> None:
        """Ids of a translation that are not translated go to the default language's pages (``up`` + path)."""
        for article in helpcenter.articles_by_id.values():
            self._pages.setdefault(article.id, up + article.page_path)
        for category in helpcenter.categories:
            self._pages.setdefault(category.id, up + category.page_path)
            self._pages.setdefault(f"faq/{category.id}.yml", up + category.page_path)
        for guide in helpcenter.guides:
            self._pages.setdefault(f"care/{guide.id}.md", up + guide.page_path)
        for article in helpcenter.articles_by_id.values():
            self._by_url.setdefault(article.url.rstrip("/"), up + article.page_path)
        self._suggestions = self._suggestions_for_ids()

    def resolve(self, target: str, content_file: str) -> Resolved | str:
        """A Resolved, or a message saying why the target points nowhere.

        ``content_file`` is the linking file relative to the content folder (``faq/x.yml``).
        """
        if target.startswith("#"):
            return Resolved(anchor=target[1:])
        scheme = _SCHEME.match(target)
        if scheme:
            return self._resolve_scheme(scheme.group(1).lower(), target)
        path, _, anchor = target.partition("#")
        page = self._page_for(path, content_file)
        if page is None:
            return self._nowhere(path)
        return Resolved(page=page, anchor=anchor)

    def _resolve_scheme(self, scheme: str, target: str) -> Resolved | str:
        if scheme == "store":
            name = target.split(":", 1)[1]
            if name in self._store_links or (not self._store_links and name in LINK_NAMES):
                return Resolved(url=self._store_links.get(name, ""))
            return f"unknown store page '{name}'; use one of: {', '.join(LINK_NAMES)}"
        if scheme in _SAFE_SCHEMES:
            return Resolved(url=target)
        return f"links with '{scheme}:' are not supported; use https://, mailto:, tel: or an article id"

    def _page_for(self, path: str, content_file: str) -> str | None:
        if path in self._pages and "/" not in path:
            return self._pages[path]
        if path.startswith("/"):
            return self._by_url.get(path.strip("/"))
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(content_file), path))
        return self._pages.get(joined)

    def _nowhere(self, path: str) -> str:
        close = self._suggestions.closest(path.strip("/").split("/")[-1].removesuffix(".md"))
        hint = f" — did you mean '{close}'?" if close else "; link to an article or guide by its id"
        return f"link to '{path}' points nowhere{hint}"
