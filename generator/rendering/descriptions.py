"""Each page's meta description: written from the answer when the editor gave none, and unique across the site.

Descriptions are plain text (markup/plaintext.py) of at most ``DESCRIPTION_LIMIT`` characters; the
page renderer puts them into each page's front matter and the theme prints them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator.markup.plaintext import Block, blocks, inline_text, sentences, shorten
from generator.reading.model import HelpCenter, Question
from generator.reuse import Reuse, compute

DESCRIPTION_LIMIT = 160
_SHORT_SENTENCE = 70
"""A first sentence shorter than this ("Yes.") says too little alone; the next one is added if it fits."""


# --- Descriptions -------------------------------------------------------------------------


LIST_SEPARATORS = {"fr": "\u202f; "}
"""How a language separates items that are sentences themselves: French puts a narrow no-break space before
';' (English and most others: '; ')."""


def list_separator(language: str) -> str:
    return LIST_SEPARATORS.get(language.split("-", maxsplit=1)[0].lower(), "; ")


def meta_description(markdown_text: str, limit: int = DESCRIPTION_LIMIT, language: str = "en") -> str:
    """Plain text from the answer's first sentence, at most ``limit`` characters.

    A lead-in ending with ':' takes the list that follows ("…care methods: Nylon, Leather…"),
    and a very short first sentence takes the next one, so the snippet says something.
    """
    parts = blocks(markdown_text)
    if not parts:
        return ""
    first = sentences(parts[0].text)
    text = first[0]
    items = _items_after(parts)
    if text.endswith(":") and len(first) == 1 and items:
        # Items that are sentences themselves read better apart than in a comma list.
        joiner = list_separator(language) if any(":" in i or i.endswith(".") for i in items) else ", "
        text = f"{text} {joiner.join(i.rstrip('.;,') for i in items)}."
    else:
        following = first[1:] + [s for p in parts[1:] if not p.marker for s in sentences(p.text)]
        for sentence in following:
            if len(text) >= _SHORT_SENTENCE or len(text) + 1 + len(sentence) > limit:
                break
            text = f"{text} {sentence}"
    return shorten(text, limit)


def _items_after(parts: Sequence[Block]) -> list[str]:
    items = []
    for part in parts[1:]:
        if not part.marker:
            break
        items.append(part.text)
    return items


def question_description(question: Question, limit: int = DESCRIPTION_LIMIT, language: str = "en",
                         reuse: Reuse = compute) -> str:
    """The editor's ``description`` when set, else one written from the answer."""
    return reuse(described, question.description, question.answer, limit, language)


def described(description: str | None, answer: str, limit: int, language: str) -> str:
    """``question_description`` from the only fields it reads."""
    if description:
        return shorten(inline_text(description), limit)
    return meta_description(answer, limit, language)


@dataclass
class _Entry:
    key: str
    base: str
    qualifiers: list[str] = field(default_factory=list)
    level: int = 0
    text: str = ""


def unique_descriptions(
    entries: Iterable[tuple[str, str, Sequence[str]]], limit: int = DESCRIPTION_LIMIT
) -> dict[str, str]:
    """Make descriptions unique, deterministically, keyed like the input.

    Each entry is ``(key, description, qualifiers)``. Every entry in a group that shares a
    description takes its next qualifier ("… (Shipping and Delivery)"), so no page depends on
    which came first; entries without qualifiers (the home page) keep theirs. Whatever still
    collides gets a number, in input order.
    """
    items = [_Entry(k, d, list(q), 0, d) for k, d, q in entries]
    while collisions := _collisions(items):
        advanced = False
        for item in (item for group in collisions for item in group):
            if item.level < len(item.qualifiers):
                item.level += 1
                item.text = _qualified(item.base, item.qualifiers[item.level - 1], limit)
                advanced = True
        if not advanced:
            break
    seen: set[str] = set()
    for item in items:  # the last resort: number what still collides (two cuts can end alike)
        number = 1
        while item.text.casefold() in seen:
            number += 1
            item.text = _qualified(item.base, str(number), limit)
        seen.add(item.text.casefold())
    return {i.key: i.text for i in items}


def _collisions(items: list[_Entry]) -> list[list[_Entry]]:
    groups: dict[str, list[_Entry]] = {}
    for item in items:
        groups.setdefault(item.text.casefold(), []).append(item)
    return [g for g in groups.values() if len(g) > 1]


@lru_cache(maxsize=65536)  # a pure function of its arguments, asked again for every collision at every save
def _qualified(text: str, qualifier: str, limit: int) -> str:
    suffix = f" ({qualifier})"
    return shorten(text, max(limit - len(suffix), 1)) + suffix


def site_descriptions(hc: HelpCenter, home: str, care_index: str, language: str = "en",
                      care_guide: str = "Care guide", reuse: Reuse = compute) -> dict[str, str]:
    """Every page's description keyed by its page path (``index.md``, ``<cat>/<id>.md``…), unique."""
    entries: list[tuple[str, str, Sequence[str]]] = [("index.md", home, ())]
    if hc.guides:
        entries.append(("care/index.md", care_index, ()))
    for category in hc.categories:
        entries.append((category.page_path, inline_text(category.description), (category.title,)))
        for q in category.questions:
            described_q = question_description(q, language=language, reuse=reuse)
            entries.append((q.page_path, described_q, (category.title, q.question)))
    for guide in hc.guides:
        entries.append((guide.page_path, inline_text(guide.description), (care_guide, guide.title)))
    return unique_descriptions(entries)
