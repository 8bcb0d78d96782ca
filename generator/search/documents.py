"""What search returns: one document per question and one per guide section.

A guide is split at its ``## `` headings; its text before the first one (with the guide's
description) is a document of its own that links to the guide's page. Each section links
to the heading's anchor, computed by the same Python-Markdown ``toc`` extension that
MkDocs runs on the guide page (whose Markdown is ``# {title}`` then the body unchanged).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

import markdown  # type: ignore[import-untyped]
from markdown.extensions.toc import slugify  # type: ignore[import-untyped]

from generator.model import Category, Guide, HelpCenter, Question
from generator.pages import CARE_TITLE
from generator.search.plaintext import excerpt, markdown_to_text

# The fields a document's text is indexed under; their weights are in builder.FIELD_WEIGHTS.
FIELDS = ("title", "keywords", "body", "context")

_H2 = re.compile(r"^## (?!#)(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")  # as pages.py escapes the title of the page


@dataclass
class SearchDoc:
    id: str  # question id, guide id, or "<guide id>#<anchor>"
    title: str  # shown as the result's heading
    url: str  # site-root relative, e.g. "care/leather-bags/#conditioning"
    context: str  # the category or guide it belongs to, shown above the title
    excerpt: str
    fields: dict[str, str] = field(default_factory=dict)  # field name -> plain text


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
    sections = _split_sections(guide.body)
    anchors = _h2_anchors(guide, [s.heading for s in sections[1:]])
    intro_text = markdown_to_text("\n".join(sections[0].lines))
    docs = [SearchDoc(
        id=guide.id, title=guide.title, url=guide.url, context=CARE_TITLE,
        excerpt=excerpt(guide.description or intro_text),
        fields={"title": guide.title, "keywords": "", "body": f"{guide.description}\n{intro_text}",
                "context": ""},
    )]
    for section, (anchor, name) in zip(sections[1:], anchors, strict=False):
        text = markdown_to_text("\n".join(section.lines))
        docs.append(SearchDoc(
            id=f"{guide.id}#{anchor}", title=name, url=f"{guide.url}#{anchor}", context=guide.title,
            excerpt=excerpt(text),
            fields={"title": name, "keywords": "", "body": text, "context": guide.title},
        ))
    return docs


def _split_sections(body: str) -> list[_Section]:
    """The intro, then one section per ``## `` heading outside fenced code."""
    sections = [_Section("")]
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _H2.match(line)
        if match:
            sections.append(_Section(match.group(1)))
        else:
            sections[-1].lines.append(line)
    return sections


def _h2_anchors(guide: Guide, headings: list[str]) -> list[tuple[str, str]]:
    """(id, plain name) of each ``## `` heading, as MkDocs' toc gives them on the guide page.

    Falls back to slugifying the heading text if Markdown sees other level-2 headings than
    the split does (one inside an HTML block, say), so that sections never get shifted ids.
    """
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"])
    title = _MD_SPECIAL.sub(r"\\\1", guide.title)
    md.convert(f"# {title}\n\n{guide.body}")
    found: list[tuple[str, str]] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            if token["level"] == 2:
                found.append((str(token["id"]), html.unescape(str(token["name"]))))
            walk(token["children"])

    walk(md.toc_tokens)
    if len(found) == len(headings):
        return found
    names = [markdown_to_text(h) for h in headings]
    return [(slugify(name, "-"), name) for name in names]
