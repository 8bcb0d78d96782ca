"""A project's search index for one of its locales, built in memory exactly as the site builds it.

``helpcenter search --locale fr`` and ``search-diff --locale fr`` query it, so that a translator
checks their own language's search: the locale's translations, its untranslated articles in the
default language, its word rules (generator/search/languages.py) and its lexicon.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.config.locales import Locale
from generator.config.project import Project
from generator.errors import HelpCenterError
from generator.reading.loading import load_helpcenter
from generator.rendering.site import load_project_translations, search_files
from generator.rendering.strings import load_strings
from generator.search import SearchIndex, project_lexicon


def project_locale(project: Project, code: str | None) -> Locale:
    """The project's locale ``code`` (its default when None), or a clear error naming the others."""
    if code is None:
        return project.default_locale
    for locale in project.locales:
        if locale.code.lower() == code.lower():
            return locale
    known = ", ".join(locale.code for locale in project.locales)
    raise HelpCenterError(f"--locale {code}: mkdocs.yml has no such locale (it has: {known})")


def locale_index(project: Project, locale: Locale, content_dir: Path | None = None) -> SearchIndex:
    """``locale``'s index over the content in ``content_dir`` (the project's by default)."""
    return locale_search(project, locale, content_dir)[0]


def locale_search(project: Project, locale: Locale,
                  content_dir: Path | None = None) -> tuple[SearchIndex, list[list[str]]]:
    """``locale``'s index, and the phrases its synonyms and lexicon search for (to explain a query)."""
    content = content_dir or project.content_dir
    if content != project.content_dir:
        project = replace(project, content_dir=content)
    helpcenter = load_helpcenter(content)
    phrases = [meant for _, meant in project_lexicon(project, locale).rules]
    if locale.default:
        files = search_files(_only(project, locale), helpcenter, {}, {})
        return SearchIndex.from_files(files), helpcenter.synonyms + phrases
    translated = load_project_translations(project, helpcenter)[locale.code]
    care = {locale.code: load_strings(locale, content, strict=False).get("care_title")}
    files = search_files(_only(project, locale), helpcenter, {locale.code: translated}, care)
    index = SearchIndex(lambda name: files[f"{locale.prefix}assets/search/{name}"])
    return index, translated.synonyms + phrases


def _only(project: Project, locale: Locale) -> Project:
    """The project with its default locale and ``locale`` only (the others' indexes are not needed)."""
    keep = (project.default_locale,) if locale.default else (project.default_locale, locale)
    return replace(project, locales=keep)

