"""What search returns: one document per question and one per guide section.

A guide is split at its ``## `` headings; its title and text before the first one are a
document of its own that links to the guide's page. Each section links to the heading's
anchor, computed by the same Python-Markdown ``toc`` extension that MkDocs runs on the guide
page (whose Markdown is ``# {title}`` then the body unchanged). A section is indexed under
the guide's title and its heading ("Caring for wool sweaters" + "Washing"), so that a
section outranks the guide's overview when the query names what the section is about; the
guide's description is not indexed (it summarises the sections, and made the overview win
over the very section a shopper needed).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

import markdown  # type: ignore[import-untyped]
from markdown.extensions.toc import slugify, unique  # type: ignore[import-untyped]

from generator.markup.escape import md_escape
from generator.markup.plaintext import excerpt
from generator.markup.plaintext import search_text as markdown_to_text
from generator.reading.model import CARE_TITLE, Category, Guide, HelpCenter, Question

# The fields a document's text is indexed under; their weights are in builder.FIELD_WEIGHTS.
FIELDS = ("title", "keywords", "body", "context")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class SearchDoc:
    id: str  # question id, guide id, or "<guide id>#<anchor>"
    title: str  # shown as the result's heading
    url: str  # site-root relative, e.g. "care/wool-sweaters/#washing"
    context: str  # the category or guide it belongs to, shown above the title
    excerpt: str
    fields: dict[str, str] = field(default_factory=dict)  # field name -> plain text
    lang: str | None = None  # set on a locale's index for an untranslated article (the default language's)


def search_documents(helpcenter: HelpCenter) -> list[SearchDoc]:
    """Every question (in category order), then every guide's intro and sections."""
    docs = [_question_doc(c, q) for c in helpcenter.categories for q in c.questions]
    for guide in helpcenter.guides:
        docs.extend(_guide_docs(guide))
    return docs


def _question_doc(category: Category, question: Question) -> SearchDoc:
    answer = markdown_to_text(question.answer)
    body = f"{question.description}\n{answer}" if question.description else answer
    return SearchDoc(
        id=question.id,
        title=question.question,
        url=question.url,
        context=category.title,
        excerpt=excerpt(question.description or answer),
        fields={"title": question.question, "keywords": "\n".join(question.keywords), "body": body,
                "context": category.title},
    )


@dataclass
class _Section:
    heading: str  # Markdown of the heading line, "" for the intro
    lines: list[str] = field(default_factory=list)


def _guide_docs(guide: Guide) -> list[SearchDoc]:
    sections, headings = _split_sections(guide.body)
    anchors = _h2_anchors(guide, headings)
    intro_text = markdown_to_text("\n".join(sections[0].lines))
    docs = [SearchDoc(
        id=guide.id, title=guide.title, url=guide.url, context=CARE_TITLE,
        excerpt=excerpt(guide.description or intro_text),
        fields={"title": guide.title, "keywords": "", "body": intro_text, "context": ""},
    )]
    for section, (anchor, name) in zip(sections[1:], anchors, strict=True):
        text = markdown_to_text("\n".join(section.lines))
        docs.append(SearchDoc(
            id=f"{guide.id}#{anchor}", title=name, url=f"{guide.url}#{anchor}", context=guide.title,
            excerpt=excerpt(text),
            fields={"title": f"{guide.title}\n{name}", "keywords": "", "body": text, "context": ""},
        ))
    return docs


def _split_sections(body: str) -> tuple[list[_Section], list[tuple[int, str]]]:
    """The intro, then one section per ``## `` heading outside fenced code; and every
    heading (level, Markdown text) in order, which the anchors' numbering depends on."""
    sections = [_Section("")]
    headings: list[tuple[int, str]] = []
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading:
            headings.append((len(heading.group(1)), heading.group(2)))
        if heading and len(heading.group(1)) == 2:
            sections.append(_Section(heading.group(2)))
        else:
            sections[-1].lines.append(line)
    return sections, headings


def _h2_anchors(guide: Guide, headings: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(id, plain name) of each ``## `` heading, as MkDocs' toc gives them on the guide page.

    If Markdown sees other level-2 headings than the split does (one inside an HTML block or
    a fence the site does not render as code, say), the ids are computed from the headings the
    split saw, with the toc's own slugify and numbering, so that sections never shift.
    """
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"])
    title = md_escape(guide.title)  # as pages.py writes the page's title
    md.convert(f"# {title}\n\n{guide.body}")
    found: list[tuple[str, str]] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            if token["level"] == 2:
                found.append((str(token["id"]), html.unescape(str(token["name"]))))
            walk(token["children"])

    walk(md.toc_tokens)
    if len(found) == sum(1 for level, _ in headings if level == 2):
        return found
    used: set[str] = set()
    unique(slugify(markdown_to_text(guide.title), "-"), used)
    ids = [(level, unique(slugify(markdown_to_text(text), "-"), used), markdown_to_text(text))
           for level, text in headings]
    return [(anchor, name) for level, anchor, name in ids if level == 2]
