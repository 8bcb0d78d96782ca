"""Checks that span files: ids, related ids, links and unsafe HTML in answers and guides.

Each file has already passed its schema; what is left is what no single file can know.
"""

from __future__ import annotations

import re

from generator.markup.links import LinkResolver, find_links, is_unsafe_url, unsafe_html, without_code
from generator.reading.fieldnames import editor_field, json_path
from generator.reading.model import Guide, HelpCenter, Question
from generator.reading.sources import LoadedContent, SourceFile
from generator.reading.suggestions import CloseMatches
from generator.reading.yamlsource import PathKey

_H1 = re.compile(r"^#[ \t]+\S|^[^\n]+\n=+[ \t]*$", re.M)


def check_across_files(loaded: LoadedContent, source: HelpCenter | None = None) -> None:
    """Add to ``loaded.problems`` what no single file can know: duplicate ids, related ids and links.

    ``source``: for a translation, the default language's help center, whose pages its links and
    ``related`` ids may point at when they are not translated.
    """
    _check_unique_ids(loaded)
    resolver = LinkResolver(loaded.helpcenter)
    known_ids = set(loaded.helpcenter.articles_by_id)
    if source is not None:
        resolver.add_fallback(source, "")
        known_ids.update(source.articles_by_id)
    suggestions = CloseMatches(known_ids)
    for article, origin in [*loaded.origins, *loaded.partly_checked]:
        if isinstance(article, Question):
            _check_related(article, origin.source, (*origin.path, "related"), known_ids, suggestions, loaded)
            _check_markdown(article.answer, origin.source, (*origin.path, "answer"),
                            f"faq/{article.category_id}.yml", resolver, loaded)
        else:
            _check_related(article, origin.source, ("related",), known_ids, suggestions, loaded)
            _check_markdown(article.body, origin.source, ("body",), f"care/{article.id}.md", resolver, loaded)


def _check_unique_ids(loaded: LoadedContent) -> None:
    seen: dict[str, str] = {}
    for article, origin in sorted(loaded.origins, key=lambda pair: (pair[0].location.path, pair[0].location.line)):
        if article.id not in seen:
            seen[article.id] = str(article.location)
            continue
        message = (f"the id '{article.id}' is already used at {seen[article.id]}; "
                   "ids must be unique across the whole site")
        if isinstance(article, Question):
            loaded.problems.add(origin.source, (*origin.path, "id"), message, key=True)
        else:
            where = article.location
            loaded.problems.add_at(where.path, where.line, where.col, "", f"{message}; rename the file")


def _check_related(article: Question | Guide, source: SourceFile, path: PathKey, known_ids: set[str],
                   suggestions: CloseMatches, loaded: LoadedContent) -> None:
    for index, related_id in enumerate(article.related):
        if related_id == article.id:
            loaded.problems.add(source, (*path, index), "an article cannot be related to itself; remove it")
        elif related_id not in known_ids and related_id not in loaded.unchecked_ids:
            close = suggestions.closest(related_id)
            hint = f" — did you mean '{close}'?" if close else ""
            loaded.problems.add(source, (*path, index), f"no question or guide has the id '{related_id}'{hint}")


def _check_markdown(text: str, source: SourceFile, path: PathKey, content_file: str, resolver: LinkResolver,
                    loaded: LoadedContent) -> None:
    """Unsafe HTML, links that point nowhere, and h1 headings (the title is the page's only h1)."""
    def report(offset: int, message: str) -> None:
        line, col = source.inside(path, offset, text)
        loaded.problems.add_at(source.display, line, col, editor_field(path, source.data), message,
                               json_path(path))

    unsafe, headings = _text_findings(text)
    for offset, message in unsafe:
        report(offset, message)
    for link in find_links(text):
        resolved = resolver.resolve(link.target, content_file)
        if isinstance(resolved, str) and not is_unsafe_url(link.target) \
                and not _points_at_unchecked(link.target, loaded.unchecked_ids):  # unsafe ones are reported above
            report(link.offset, resolved)
    for offset in headings:
        report(offset, "a level-1 heading here would compete with the page title; use '## ' instead")


def _text_findings(text: str) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...]]:
    """What a text alone says: unsafe HTML (offset, message) and where h1 headings start."""
    return tuple(unsafe_html(text)), tuple(match.start() for match in _H1.finditer(without_code(text)))


def _points_at_unchecked(target: str, unchecked_ids: set[str]) -> bool:
    """A link to an entry, guide or category that exists but has its own problem (``id``,
    ``care/id.md``, ``faq/id.yml``, ``/id/``): that problem is reported already."""
    path = target.partition("#")[0].strip("/")
    if ":" in path or not path:
        return False
    name = path.rsplit("/", 1)[-1]
    return name.removesuffix(".md").removesuffix(".yml") in unchecked_ids
