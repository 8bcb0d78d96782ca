"""The content model: what a help center is made of, once loaded and validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

CARE_TITLE = "Care guides"
"""The name of the care guides' section: its page and navigation entry, and the context of a
guide's overview in search results."""


@dataclass(frozen=True)
class Location:
    """Where a value came from, for messages: ``path:line:col`` (1-based)."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str
    category_id: str
    keywords: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    widgets: list[str] = field(default_factory=list)
    updated: dt.date | None = None
    description: str | None = None
    featured: bool = False
    location: Location = Location("")

    # Cached: asked for tens of thousands of times per generation (ids are never changed once loaded).
    @cached_property
    def url(self) -> str:
        """Site-relative URL of the article page, e.g. ``shipping-and-delivery/standard-shipping-time/``."""
        return f"{self.category_id}/{self.id}/"

    @cached_property
    def page_path(self) -> str:
        return f"{self.category_id}/{self.id}.md"


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    order: int
    questions: list[Question] = field(default_factory=list)
    location: Location = Location("")

    @property
    def url(self) -> str:
        return f"{self.id}/"

    @property
    def page_path(self) -> str:
        return f"{self.id}/index.md"


@dataclass(frozen=True)
class Guide:
    """A care guide: a Markdown file with front matter under ``content/care/``."""

    id: str
    title: str
    description: str
    order: int
    body: str
    related: list[str] = field(default_factory=list)
    widgets: list[str] = field(default_factory=list)
    updated: dt.date | None = None
    location: Location = Location("")
    body_line: int = 1

    @property
    def url(self) -> str:
        return f"care/{self.id}/"

    @property
    def page_path(self) -> str:
        return f"care/{self.id}.md"


@dataclass
class HelpCenter:
    categories: list[Category]
    guides: list[Guide]
    synonyms: list[list[str]] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        return [q for c in self.categories for q in c.questions]

    @cached_property
    def articles_by_id(self) -> dict[str, Question | Guide]:
        """Questions and guides by their site-wide id (built once: thousands of lookups per build)."""
        found: dict[str, Question | Guide] = {g.id: g for g in self.guides}
        found.update({q.id: q for q in self.questions})
        return found

    def article(self, article_id: str) -> Question | Guide | None:
        """A question or a guide by its site-wide id."""
        return self.articles_by_id.get(article_id)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)
