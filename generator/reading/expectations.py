"""A store's search expectations (``content/search/expectations.yml`` by default): the queries it wants
search to answer, with the articles that should answer them. ``helpcenter search-diff`` runs them; the
checker holds the file to its schema (generator/reading/schemas/expectations.schema.json), so a typo there
is reported with its line instead of silently dropping a query from every pull request's check, and warns
of the ids no article has any more (a pull request that removes an article is not stopped by them: the
search diff shows what it changes).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.config.project import Project
from generator.errors import Problem
from generator.reading.sources import Problems, SourceFile, parse_source, schema_failures
from generator.reading.suggestions import CloseMatches
from generator.reading.yamlsource import PathKey


def expectation_problems(project: Project, known_ids: set[str] | None = None) -> tuple[list[Problem], list[Problem]]:
    """The problems and the warnings of every locale's expectations file, in file order (none without one).
    ``known_ids``: the content's question and guide ids, when the content loaded (else ids are not checked);
    a translation answers with the same ids."""
    problems, warnings = Problems(), Problems()
    if project.search_expectations is not None and not project.search_expectations.exists():
        _missing_file(project, problems)  # named on purpose: a typo there would silently check nothing
    for path in dict.fromkeys(project.locale_expectations_file(locale) for locale in project.locales) or \
            [project.expectations_file]:
        check_expectations(path, project.shown(path), problems, warnings, known_ids)
    return sorted(problems.items), sorted(warnings.items)


def _missing_file(project: Project, problems: Problems) -> None:
    lines = project.config_file.read_text("utf-8", errors="replace").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.lstrip().startswith("search_expectations:")), 1)
    col = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1 if lines else 1
    problems.add_at(project.shown(project.config_file), line, col, "plugins › helpcenter › search_expectations",
                    f"{project.shown(project.search_expectations or project.expectations_file)} does not exist; "
                    "write the path of the search expectations file from mkdocs.yml's folder, or remove the option")


def check_expectations(path: Path, display: str, problems: Problems, warnings: Problems | None = None,
                       known_ids: set[str] | None = None) -> tuple[dict[str, Any], SourceFile] | None:
    """Record every problem of the expectations file at ``path`` (and in ``warnings``, the ids no article
    has); a store without one has nothing to check. Returns its data and source when it holds to its schema."""
    if not path.exists():
        return None
    parsed = parse_source("expectations", path, display, problems)
    if parsed is None:
        return None
    data, source = parsed
    if data is None:
        problems.add_at(display, 1, 1, "", "the file holds no expectations; list them under 'queries:' "
                        "or delete the file")
        return None
    if schema_failures("expectations", data, source, problems):
        return None
    if known_ids is not None and warnings is not None:
        _check_ids(data, source, warnings, known_ids)
    return data, source


def _check_ids(data: dict[str, Any], source: SourceFile, problems: Problems, known_ids: set[str]) -> None:
    suggestions = CloseMatches(known_ids)
    for path, answer in _answers(data):
        article = answer.partition("#")[0]
        if article not in known_ids:
            close = suggestions.closest(article)
            hint = f" — did you mean '{close}'?" if close else ""
            problems.add(source, path, f"no question or guide has the id '{article}'{hint}")


def _answers(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Every article the file names (``expect``, ``also``, ``nearby``), with where it is."""
    for group, fields in (("queries", ("expect", "also")), ("misses", ("nearby",))):
        for index, entry in enumerate(data.get(group, [])):
            for field in fields:
                value = entry.get(field)
                if isinstance(value, str):
                    yield (group, index, field), value
                for item, answer in enumerate(value if isinstance(value, list) else []):
                    yield (group, index, field, item), answer
