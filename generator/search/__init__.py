"""Help-center search: index files for the browser and the same ranking for ``helpcenter search``.

``build_search_files`` turns the content model into the static files the site serves;
``SearchIndex`` answers queries from those files exactly as ``hc-search.js`` does.
"""

from __future__ import annotations

from generator.reading.model import HelpCenter
from generator.search.builder import PREFIX, build_index_files
from generator.search.documents import SearchDoc, search_documents
from generator.search.engine import SearchIndex, SearchResponse, SearchResult


def build_search_files(helpcenter: HelpCenter, language: str = "en",
                       docs: list[SearchDoc] | None = None) -> dict[str, bytes]:
    """Site path (``assets/search/...``) -> bytes of every search index file.

    ``language``: the locale's language (``en``, ``fr``), written into the manifest for the language's
    word rules. ``docs``: a locale's documents when they are not exactly ``helpcenter``'s (translated
    ones plus the default language's untranslated ones, marked with ``SearchDoc.lang``).
    """
    return build_index_files(search_documents(helpcenter) if docs is None else docs, helpcenter.synonyms,
                             language)


def search_helpcenter(helpcenter: HelpCenter, query: str, limit: int = 10) -> SearchResponse:
    """Build the index in memory and run one query, as the site would."""
    return SearchIndex.from_files(build_search_files(helpcenter)).search(query, limit)


__all__ = [
    "PREFIX",
    "SearchDoc",
    "SearchIndex",
    "SearchResponse",
    "SearchResult",
    "build_search_files",
    "search_documents",
    "search_helpcenter",
]
