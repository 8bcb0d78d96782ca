"""Translations: ``content/<code>/`` mirrors ``content/`` for each locale that is not the default.

A folder per locale, each file at the same relative path as its source, ids shared: translators and
tools such as Crowdin or Weblate map a source tree onto a per-locale tree by one pattern
(``content/faq/*.yml`` → ``content/%locale%/faq/*.yml``). A translation may be partial: a missing
file or a missing question is simply not translated yet. Every file passes the same schemas and
checks as the sources; what only a translation can get wrong is checked here: an id with no source,
and a translation older than its source (a warning, with file and line).
"""

from __future__ import annotations

import datetime as dt
import difflib
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generator.config.locales import Locale
from generator.errors import Problem
from generator.reading import loading
from generator.reading.crosscheck import check_across_files
from generator.reading.model import Guide, HelpCenter, Question
from generator.reading.sources import LoadedContent, content_files
from generator.reuse import compute


@dataclass
class Translation:
    locale: Locale
    helpcenter: HelpCenter
    """Only what is translated: categories with their translated questions, translated guides."""
    stale: list[Problem] = field(default_factory=list)
    """Warnings: a translated entry older than its source."""

    def translated_ids(self) -> set[str]:
        return set(self.helpcenter.articles_by_id)


@dataclass
class LoadedTranslations:
    translations: list[Translation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for t in self.translations for p in t.stale)


def load_translations(content_dir: Path, locales: tuple[Locale, ...], source: HelpCenter) -> LoadedTranslations:
    """Every non-default locale's translations, checked against the (already valid) source."""
    result = LoadedTranslations()
    for locale in locales:
        if locale.default:
            continue
        loaded = _load_folder(content_dir, locale, source)
        result.problems.extend(loaded.problems.items)
        translation = Translation(locale, loaded.helpcenter)
        translation.stale = _stale_entries(loaded, source, content_dir)
        result.translations.append(translation)
    return result


def _load_folder(content_dir: Path, locale: Locale, source: HelpCenter) -> LoadedContent:
    folder = content_dir / locale.code
    loaded = LoadedContent(HelpCenter(categories=[], guides=[]))
    if not folder.is_dir():
        return loaded  # nothing translated yet: every page links to the default language's
    root = content_dir.parent
    for path in content_files(folder, "faq", ".yml", loaded.problems):
        loading._load_category(path, _display(path, root), loaded, compute)
    for path in content_files(folder, "care", ".md", loaded.problems):
        loading._load_guide(path, _display(path, root), loaded)
    synonyms = folder / "search" / "synonyms.yml"
    if synonyms.exists():
        loading._load_synonyms(synonyms, _display(synonyms, root), loaded)
    _check_ids_exist(loaded, source, locale)
    # Links and related ids may point at any page of the site: an untranslated one is the default language's.
    check_across_files(loaded, source)
    order = {c.id: i for i, c in enumerate(source.categories)}
    loaded.helpcenter.categories.sort(key=lambda c: order.get(c.id, len(order)))
    guide_order = {g.id: i for i, g in enumerate(source.guides)}
    loaded.helpcenter.guides.sort(key=lambda g: guide_order.get(g.id, len(guide_order)))
    return loaded


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _did_you_mean(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _check_ids_exist(loaded: LoadedContent, source: HelpCenter, locale: Locale) -> None:
    """Every translated category, question and guide must have its source, under the same id."""
    source_categories = [c.id for c in source.categories]
    for category in loaded.helpcenter.categories:
        if category.id not in source_categories:
            where = category.location
            loaded.problems.add_at(where.path, where.line, where.col, "",
                                   f"no category '{category.id}' in the default language to translate (content/faq/"
                                   f"{category.id}.yml){_did_you_mean(category.id, source_categories)}")
    for article, origin in loaded.origins:
        original = source.article(article.id)
        if isinstance(article, Question):
            known = [q.id for q in source.questions]
            if not isinstance(original, Question):
                loaded.problems.add(origin.source, (*origin.path, "id"),
                                    f"no question '{article.id}' in the default language to translate"
                                    f"{_did_you_mean(article.id, known)}", key=True)
            elif original.category_id != article.category_id:
                loaded.problems.add(origin.source, (*origin.path, "id"),
                                    f"'{article.id}' is in content/faq/{original.category_id}.yml in the default "
                                    f"language; move its translation to content/{locale.code}/faq/"
                                    f"{original.category_id}.yml", key=True)
        elif not isinstance(original, Guide):
            where = article.location
            known = [g.id for g in source.guides]
            loaded.problems.add_at(where.path, where.line, where.col, "",
                                   f"no care guide '{article.id}' in the default language to translate (content/"
                                   f"care/{article.id}.md){_did_you_mean(article.id, known)}")


def _stale_entries(loaded: LoadedContent, source: HelpCenter, content_dir: Path) -> list[Problem]:
    """A translation older than its source: by the entries' ``updated`` dates when both have one,
    else by the last commit of each file (when the project is in git)."""
    warnings = []
    for article, _origin in loaded.origins:
        original = source.article(article.id)
        if original is None or type(original) is not type(article):
            continue
        source_day = original.updated or last_commit_day(content_dir.parent, original.location.path)
        translated_day = article.updated or last_commit_day(content_dir.parent, article.location.path)
        if source_day and translated_day and source_day > translated_day:
            where = article.location
            warnings.append(Problem(where.path, where.line, where.col, "",
                                    f"translation older than its source: '{original.id}' at {original.location.path}:"
                                    f"{original.location.line} was updated on "
                                    f"{source_day.isoformat()}, this translation on {translated_day.isoformat()}; "
                                    "update it and its 'updated' date"))
    return warnings


@cache
def last_commit_day(root: Path, path: str) -> dt.date | None:
    """The day of the file's last commit, or None outside git (or for an uncommitted file)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=root, capture_output=True,
                                text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    try:
        return dt.date.fromisoformat(text) if result.returncode == 0 and text else None
    except ValueError:
        return None


def translated_fraction(translation: Translation, source: HelpCenter) -> tuple[int, int]:
    total = len(source.articles_by_id)
    return len(translation.translated_ids() & set(source.articles_by_id)), total


__all__ = ["LoadedTranslations", "Translation", "content_files", "load_translations", "translated_fraction"]
