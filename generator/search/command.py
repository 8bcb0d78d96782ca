"""``helpcenter search "QUERY"``: the results a shopper's query gets on the site, for editors.

The index is built in memory from content/ exactly as the build writes it, and queried by
the engine that mirrors the site's JavaScript, so an editor can check a new keyword or
synonym before publishing.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.config.project import Project
from generator.search.engine import Clause, SearchResponse
from generator.search.project_index import locale_search, project_locale
from generator.search.text import terms as english_terms


def run_search(project: Project, query: str, limit: int, fmt: str, locale: str | None = None) -> int:
    """``locale``: a locale code of mkdocs.yml (its translations, word rules and lexicon); the default one if None."""
    chosen = project_locale(project, locale)
    index, phrases = locale_search(project, chosen)
    response = index.search(query, limit)
    names = _synonym_names(phrases, index.language.terms)
    print(format_json(response, names) if fmt == "json" else format_text(response, names))
    return 0


def format_text(response: SearchResponse, names: dict[str, str]) -> str:
    lines = []
    expansions = [_expansion(c, names) for c in response.clauses]
    if any(e for e in expansions):
        lines.append("Also searched: " + "; ".join(e for e in expansions if e))
    if response.missing:
        lines.append("No article mentions: " + ", ".join(response.missing))
    if response.confidence == "none":
        lines.append("No results: the site shows the contact link and the featured questions instead.")
    elif response.confidence == "related":
        lines.append("No answer: the site shows the contact link and the featured questions, "
                     "then these as related topics.")
    for rank, result in enumerate(response.results, 1):
        lines.append(f"{rank:>3}. {result.title}  [{result.score:.1f}]")
        lines.append(f"     {result.url}")
    return "\n".join(lines)


def format_json(response: SearchResponse, names: dict[str, str]) -> str:
    return json.dumps({
        "query": response.query,
        "results": [
            {"rank": rank, "id": r.id, "title": r.title, "url": r.url, "context": r.context, "score": round(r.score, 3)}
            for rank, r in enumerate(response.results, 1)
        ],
        "missing": response.missing,
        "confidence": response.confidence,
        "expansions": [_expansion(c, names) for c in response.clauses if _expansion(c, names)],
    }, indent=2, ensure_ascii=False)


def _synonym_names(groups: list[list[str]], terms: Callable[[str], list[str]] = english_terms) -> dict[str, str]:
    """Synonym and lexicon phrases by their index terms ("monei back" -> "money back"), to explain a query."""
    names: dict[str, str] = {}
    for group in groups:
        for phrase in group:
            names.setdefault(" ".join(terms(phrase)), phrase)  # the first of "reimbursement, reimburse"
    return names


def _expansion(clause: Clause, names: dict[str, str]) -> str:
    """'parcel = package, shipment' for synonyms; 'pasword ~ password' for near spellings and
    longer words (index terms, so stemmed: 'deliv ~ deliveri')."""
    said = " ".join(clause.words)
    synonyms = [names.get(a.label, a.label) for a in clause.alternatives[1:]]
    own = {t for w in clause.words for t in english_terms(w)}
    near = sorted(t for part in clause.alternatives[0].parts for t, weight in part.items()
                  if t not in own and weight < 1.0)
    pieces = []
    if synonyms:
        pieces.append(f"{said} = " + ", ".join(synonyms))
    if near:
        pieces.append(f"{said} ~ " + ", ".join(near[:8]) + (" …" if len(near) > 8 else ""))
    return "; ".join(pieces)
