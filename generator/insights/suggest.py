"""What to change in the content for a failed search: the articles the site's own search engine finds
closest, and one concrete edit (a keyword for an article, a synonym line, or the article's wording).

The engine is the one ``helpcenter search`` and the site use (generator/search/), run on the working
tree's content, so a suggestion can be checked at once with ``helpcenter search "QUERY"``. Synonym lines
come from the shoppers themselves: a query that failed on one word, beside a query that differs only in
that word and whose results were opened, says the two words mean the same thing to shoppers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.reading.model import Guide, HelpCenter, Question
from generator.search import SearchIndex, SearchResult, build_search_files
from generator.search.lexicon import Lexicon
from generator.search.text import STOP_WORDS, words

SYNONYMS_FILE = "content/search/synonyms.yml"


@dataclass(frozen=True)
class Closest:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Fix:
    kind: str
    """keyword, synonym, wording or new-article."""
    text: str
    article: str | None = None
    file: str | None = None


def content_words(query: str) -> list[str]:
    return [w for w in words(query) if w not in STOP_WORDS]


class Advisor:
    def __init__(self, helpcenter: HelpCenter, answered: Iterable[str] = (), lexicon: Lexicon | None = None) -> None:
        """``answered``: normalised queries whose results shoppers opened, the source of synonym lines."""
        self.helpcenter = helpcenter
        self.index = SearchIndex.from_files(build_search_files(helpcenter, lexicon))
        self._neighbours: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for query in answered:
            said = set(content_words(query))
            for word in said:
                rest = tuple(sorted(said - {word}))
                if rest:
                    self._neighbours[rest].add(word)

    def closest(self, query: str, limit: int = 3) -> tuple[list[Closest], list[str]]:
        """The articles nearest to ``query`` and the words no article mentions. When the whole query
        finds nothing, the words the index does know are searched on their own."""
        response = self.index.search(query, limit)
        results = response.results
        if not results:
            known = [w for w in content_words(query) if w not in response.missing]
            if known:
                results = self.index.search(" ".join(known), limit).results
        return [self._closest(r) for r in results], list(response.missing)

    def searched_words(self, query: str) -> list[str]:
        """The words search kept from ``query`` (no fillers such as "do you sell", no stop words and
        no typos of them), so that a fix names what the shopper asked about, as the fallback does."""
        return [w for clause in self.index.parse(query) for w in clause.words] or content_words(query)

    def _closest(self, result: SearchResult) -> Closest:
        # A guide's section is named with its guide: "Cleaning" alone says little in a report.
        title = f"{result.context} › {result.title}" if "#" in result.id and result.context else result.title
        return Closest(result.id, title, result.url)

    def fix(self, query: str, closest: list[Closest], missing: list[str], zero: bool) -> Fix:
        synonym = self._synonym(query, missing)
        if synonym:
            return synonym
        target = self.helpcenter.article(closest[0].id.partition("#")[0]) if closest else None
        if target is None:
            said = " ".join(missing) or query
            return Fix("new-article", f"No article mentions “{said}”: answer it in a new question, or add a line "
                       f"“{said}, <the words your articles use>” to {SYNONYMS_FILE} if it is another name for "
                       "something they cover.")
        searched = self.searched_words(query)
        phrase = " ".join(missing) if missing else " ".join(searched)
        if missing and len(missing) * 2 >= len(searched):
            # Most of what the shopper said is nowhere in the content: the closest article shares a word
            # at best, so it may well not be the answer.
            name = target.question if isinstance(target, Question) else target.title
            return Fix("new-article", f"No article mentions “{phrase}”. If “{name}” answers it, add “{phrase}” "
                       "to its keywords; otherwise answer it in a new question.", target.id, _file_of(target))
        if missing or zero:
            return self._keyword(target, phrase)
        return Fix("wording", f"Shoppers saw “{closest[0].title}” first and opened nothing. If it answers "
                   f"“{query}”, say so in its question or description; if another article does, add “{phrase}” "
                   "to that one's keywords.", target.id, _file_of(target))

    def _keyword(self, target: Question | Guide, phrase: str) -> Fix:
        if isinstance(target, Question):
            return Fix("keyword", f"Add “{phrase}” to the keywords of “{target.question}” ({target.id}).",
                       target.id, _file_of(target))
        return Fix("wording", f"Say “{phrase}” in the guide “{target.title}”, where it answers this.",
                   target.id, _file_of(target))

    def _synonym(self, query: str, missing: list[str]) -> Fix | None:
        said = set(content_words(query))
        for word in missing:
            rest = tuple(sorted(said - {word}))
            others = sorted(self._neighbours.get(rest, set()) - {word}) if rest else []
            if others:
                line = ", ".join([others[0], word])
                return Fix("synonym", f"Add the line “{line}” to {SYNONYMS_FILE}: shoppers who typed "
                           f"“{others[0]}” instead of “{word}” found their answer.", file=SYNONYMS_FILE)
        return None


def _file_of(article: Question | Guide) -> str | None:
    location = article.location
    return f"{location.path}:{location.line}" if location.path else None
