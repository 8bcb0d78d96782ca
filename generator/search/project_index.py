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
from generator.search import SearchIndex


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
    content = content_dir or project.content_dir
    helpcenter = load_helpcenter(content)
    if locale.default:
        return SearchIndex.from_files(search_files(_only(project, locale), helpcenter, {}, {}))
    if content != project.content_dir:
        project = replace(project, content_dir=content)
    translations = load_project_translations(project, helpcenter)
    care = {locale.code: load_strings(locale, content, strict=False).get("care_title")}
    files = search_files(_only(project, locale), helpcenter, {locale.code: translations[locale.code]}, care)
    return SearchIndex(lambda name: files[f"{locale.prefix}assets/search/{name}"])



def _only(project: Project, locale: Locale) -> Project:
    """The project with its default locale and ``locale`` only (the others' indexes are not needed)."""
    keep = (project.default_locale,) if locale.default else (project.default_locale, locale)
    return replace(project, locales=keep)

