"""Help-center search: index files for the browser and the same ranking for ``helpcenter search``.

``build_search_files`` turns the content model into the static files the site serves;
``SearchIndex`` answers queries from those files exactly as ``hc-search-engine.js`` does.
"""

from __future__ import annotations

from generator.reading.model import HelpCenter
from generator.search.builder import PREFIX, build_index_files
from generator.search.documents import SearchDoc, search_documents
from generator.search.engine import SearchIndex, SearchResponse, SearchResult
from generator.search.lexicon import Lexicon, project_lexicon, shopping_lexicon, site_lexicon


def build_search_files(helpcenter: HelpCenter, lexicon: Lexicon | None = None, *, language: str = "en",
                       docs: list[SearchDoc] | None = None) -> dict[str, bytes]:
    """Site path (``assets/search/...``) -> bytes of every search index file. A site passes
    ``site_lexicon(project.shopping_lexicon)``; ``language`` (ISO 639-1) picks the word rules
    (generator/search/languages.py); the English lexicon is dropped from any other language.
    ``docs``: a locale's documents when they are not exactly ``helpcenter``'s (translated ones plus
    the default language's untranslated ones, marked with ``SearchDoc.lang``).
    """
    return build_index_files(search_documents(helpcenter) if docs is None else docs, helpcenter.synonyms,
                             lexicon, language)


__all__ = [
    "PREFIX",
    "Lexicon",
    "SearchDoc",
    "SearchIndex",
    "SearchResponse",
    "SearchResult",
    "build_search_files",
    "project_lexicon",
    "search_documents",
    "shopping_lexicon",
    "site_lexicon",
]
