"""The Content Security Policy of every page, computed from the page's final HTML.

GitHub Pages cannot send headers, so the policy travels in the page as a ``<meta http-equiv>``
placed right after ``<meta charset>``, before any script. Inline scripts and style blocks are
allowed by the SHA-256 of their exact text, taken from the HTML that is published, so the policy
can never drift from the theme; nothing else inline runs. Hosts that can send headers get the same
policy in ``_headers``, plus what a ``<meta>`` cannot carry (``frame-ancestors``).

No MkDocs here: any engine hands over the final HTML and the settings.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator.config.project import Project
from generator.config.store import StoreSettings
from generator.errors import BuildError

REFERRER_POLICY = "strict-origin-when-cross-origin"
"""Other origins (the store among them) learn the help center's origin, never a page path or a query."""

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)
"""Powerful features no help-center page uses, switched off for the page and anything it embeds."""

_ATTRIBUTES = r"((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*/?>"
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)" + _ATTRIBUTES + r"(.*?)</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[a-zA-Z][^\s/>]*" + _ATTRIBUTES)
_BLOCK_CANDIDATE = re.compile(r"<(?:script|style)", re.I)
_BLOCK_START = re.compile(r"<(script|style)" + _ATTRIBUTES, re.S | re.I)
"""The opening tag of what ``_SCRIPT_OR_STYLE`` matches, whose end is then found by ``_BLOCK_END``: the same
match, found without the lazy ``(.*?)</\\1`` trying a back-reference at every character of the block."""
_BLOCK_END = {"script": re.compile("</[sS][cC][rR][iI\u0130][pP][tT]\\s*>"),
              "style": re.compile(r"</[sS][tT][yY][lL][eE]\s*>")}
"""``</\\1\\s*>`` of ``_SCRIPT_OR_STYLE`` for each kind: a back-reference ignores case by each character's
lower case (``\\u0130``, İ, is an ``i`` there)."""
_MAYBE_INLINE_ATTRIBUTE_REVERSED = re.compile(r"=\s*(?:[eE][lL][yY][tT][sS]|[a-zA-Z\u212a]+[nN][oO])\s")
"""Where a style or event-handler attribute (``\\s(?:style|on[a-z]+)\\s*=``, any case) may be, read backwards
from its ``=``: a page has a few hundred ``=`` but thousands of spaces (indentation) that a forward search
tries one by one. Only the tags around them are read. (``\\u212a``, the Kelvin sign, is a ``k`` in lower case.)"""
_ATTRIBUTE = re.compile(r"""([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_OURS = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">'
                   r'(?:\s*<meta name="referrer" content="[^"]*">)?')
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_SCRIPT_SRC = re.compile(r"script-src [^;\"]*")
_JS_TYPES = {"", "module", "importmap", "text/javascript", "application/javascript", "text/ecmascript",
             "application/ecmascript", "application/x-javascript", "text/jscript", "text/livescript"}
"""Script types a browser runs (so the policy governs them); JSON-LD and other data blocks it never runs."""


@dataclass(frozen=True)
class PolicySettings:
    """The origins beyond the site's own that pages may talk to, load images from or post forms to."""

    connect: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()


@dataclass
class InlineCode:
    """The hashes of what a page (or a whole site) runs or applies inline."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)
    handlers: set[str] = field(default_factory=set)
    """Inline event-handler attributes (``onclick=``…): the policy refuses them; a build should say so."""

    def update(self, other: InlineCode) -> None:
        self.scripts |= other.scripts
        self.styles |= other.styles
        self.style_attributes |= other.style_attributes
        self.handlers |= other.handlers


def origin(url: str) -> str:
    """``scheme://host[:port]`` of an absolute URL: what a policy source names."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def settings_for(store: StoreSettings, image_url: str | None = None) -> PolicySettings:
    """The store's API for the widgets' requests, its site for forms, its image host for images.

    No ``data:`` images: Material's stylesheets carry icons as data: URLs, but none of them is shown on
    these pages (each page's computed styles, phone and desktop); the browser tests would report one.
    """
    images = (origin(image_url),) if image_url and "://" in image_url else ()
    return PolicySettings(connect=(origin(store.api_url),), images=images, forms=(origin(store.url),))


def settings_for_project(project: Project) -> PolicySettings:
    """The settings for a project's store (``extra.store``, after the environment's overrides)."""
    extra = (project.raw or {}).get("extra") or {}
    store = extra.get("store") or {} if isinstance(extra, Mapping) else {}
    image = store.get("image") or store.get("logo") if isinstance(store, Mapping) else None
    return settings_for(project.store, str(image) if image else None)


def sha256_source(text: str) -> str:
    """A CSP hash source for inline text, hashed as the browser does: UTF-8, line breaks as parsed."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_code(html: str) -> InlineCode:
    """Every inline script, style block, style attribute and event handler of a page, hashed."""
    found = InlineCode()
    blocks: list[tuple[str, str, str]] = []
    markup = _without_blocks(html, blocks)
    for written_kind, attribute_text, text in blocks:
        kind, attributes = written_kind.lower(), _attributes(attribute_text)
        if kind == "style":
            found.styles.add(sha256_source(text))
        elif "src" not in attributes and attributes.get("type", "").strip().lower() in _JS_TYPES:
            found.scripts.add(sha256_source(text))
    for tag in _tags_with_inline_attributes(markup):
        for name, value in _attributes(tag).items():
            if name == "style":
                found.style_attributes.add(sha256_source(html_module.unescape(value)))  # hashed as parsed
            elif name.startswith("on"):
                found.handlers.add(name)
    return found


def policy(settings: PolicySettings, code: InlineCode, *, for_header: bool = False) -> str:
    """The policy text; ``for_header`` adds what only a response header may carry."""
    styles = ["'self'", *sorted(code.styles)]
    if code.style_attributes:  # style="…" is allowed by its hash only with 'unsafe-hashes' (CSP 3)
        styles += ["'unsafe-hashes'", *sorted(code.style_attributes)]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *sorted(code.scripts)]),
        ("style-src", styles),
        ("img-src", ["'self'", *settings.images]),
        ("connect-src", ["'self'", *settings.connect]),
        ("form-action", ["'self'", *settings.forms]),
        ("base-uri", ["'none'"]),
        ("object-src", ["'none'"]),
    ]
    if for_header:
        directives.append(("frame-ancestors", ["'none'"]))
    return "; ".join(f"{name} {' '.join(_unique(sources))}" for name, sources in directives)


def apply_policy(html: str, settings: PolicySettings) -> tuple[str, InlineCode]:
    """The page with its policy and referrer meta right after ``<meta charset>``; what it runs inline.

    Applying it again (to a page a server changed, say) replaces the previous policy.
    """
    if '<meta http-equiv="Content-Security-Policy"' in html:  # a quick test: the pattern is slow to scan with
        html = _OURS.sub("", html, count=1)
    code = inline_code(html)
    tags = (f'\n<meta http-equiv="Content-Security-Policy" content="{policy(settings, code)}">'
            f'\n<meta name="referrer" content="{REFERRER_POLICY}">')
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:  # not a full document (a fragment): nothing to attach a policy to
        return html, code
    return html[: anchor.end()] + tags + html[anchor.end():], code


def rehash_scripts(html: str) -> str:
    """The page's policy with ``script-src`` recomputed, after a server added an inline script to it
    (``mkdocs serve``'s live reload); every other directive stays as the build wrote it."""
    current = _META.search(html)
    if current is None:
        return html
    sources = ["'self'", *sorted(inline_code(html).scripts)]
    updated = _SCRIPT_SRC.sub(f"script-src {' '.join(sources)}", current.group(0), count=1)
    return html[: current.start()] + updated + html[current.end():]


def headers_file(settings: PolicySettings, site_code: InlineCode) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages): the policy of every page, as response headers."""
    lines = [
        "# Security headers for hosts that read a _headers file (Netlify, Cloudflare Pages); written by the build.",
        "/*",
        f"  Content-Security-Policy: {policy(settings, site_code, for_header=True)}",
        "  X-Content-Type-Options: nosniff",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
    ]
    return "\n".join(lines) + "\n"


def apply_to_site(site_dir: Path, settings: PolicySettings) -> int:
    """Give every page of a site another engine built its policy and write ``_headers``; the page count.

    Nothing is written if a page has an inline event handler: the policy would refuse it.
    """
    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        raise BuildError(f"{site_dir}: no HTML pages here; give the folder the engine built the site into")
    secured, site_code, refused = {}, InlineCode(), []
    for path in pages:
        secured[path], code = apply_policy(path.read_text("utf-8"), settings)
        site_code.update(code)
        refused += [f"{path.relative_to(site_dir)}: {name}" for name in sorted(code.handlers)]
    if refused:
        raise BuildError("inline event handlers, which the Content Security Policy refuses; attach them from a "
                         f"script file instead: {'; '.join(refused)}")
    for path, html in secured.items():
        path.write_text(html, "utf-8")
    (site_dir / "_headers").write_text(headers_file(settings, site_code), "utf-8")
    return len(pages)


def _tags_with_inline_attributes(markup: str) -> list[str]:
    """The attribute text of each tag with a likely style or on… attribute (reading every tag is much slower)."""
    found: dict[int, str] = {}
    size = len(markup)
    hits = [(size - hit.end(), size - hit.start()) for hit in _MAYBE_INLINE_ATTRIBUTE_REVERSED.finditer(markup[::-1])]
    for hit_start, hit_end in reversed(hits):  # in the page's order
        start = markup.rfind("<", 0, hit_start)
        tag = _TAG.match(markup, start) if start >= 0 else None
        if tag is not None and tag.end() > hit_end:  # inside the tag, not in the text after it
            found[start] = tag.group(1)
    return list(found.values())


def _without_blocks(html: str, blocks: list[tuple[str, str, str]]) -> str:
    """``_SCRIPT_OR_STYLE.sub("", html)``, collecting each match's groups into ``blocks``."""
    parts, end, at = [], 0, 0
    while (candidate := _BLOCK_CANDIDATE.search(html, at)) is not None:
        start = candidate.start()
        opening = _BLOCK_START.match(html, start)
        if opening is None:
            at = start + 1
            continue
        kind = opening.group(1)
        closing = _BLOCK_END[kind.lower()].search(html, opening.end()) if kind.isascii() else None
        if closing is not None:
            block = (kind, opening.group(2), html[opening.end():closing.start()], closing.end())
        else:  # no end tag, or a kind written with non-ASCII letters: the pattern itself decides
            match = _SCRIPT_OR_STYLE.match(html, start)
            if match is None:
                at = start + 1
                continue
            block = (match.group(1), match.group(2), match.group(3), match.end())
        blocks.append(block[:3])
        parts.append(html[end:start])
        end = at = block[3]
    parts.append(html[end:])
    return "".join(parts)


def _attributes(text: str) -> dict[str, str]:
    """Attribute name (lower case) -> value as written (character references not yet decoded)."""
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
            for m in _ATTRIBUTE.finditer(text)}


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
