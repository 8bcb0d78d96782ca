"""A store's search expectations (``content/search/expectations.yml`` by default): the queries it wants
search to answer, with the articles that should answer them. ``helpcenter search-diff`` runs them; the
checker holds the file to its schema (generator/reading/schemas/expectations.schema.json), so a typo
there is reported with its line instead of silently dropping a query from every pull request's check.
"""

from __future__ import annotations

from pathlib import Path

from generator.config.project import Project
from generator.errors import Problem
from generator.reading.sources import Problems, parse_source, schema_failures


def expectation_problems(project: Project) -> list[Problem]:
    """Every problem of the project's expectations file, in file order (none when it has no such file)."""
    problems = Problems()
    check_expectations(project.expectations_file, project.shown(project.expectations_file), problems)
    return sorted(problems.items)


def check_expectations(path: Path, display: str, problems: Problems) -> None:
    """Record every problem of the expectations file at ``path``; a store without one has nothing to check."""
    if not path.exists():
        return
    parsed = parse_source("expectations", path, display, problems, keep=False)
    if parsed is None:
        return
    data, source = parsed
    if data is None:
        problems.add_at(display, 1, 1, "", "the file holds no expectations; list them under 'queries:' "
                        "or delete the file")
        return
    schema_failures("expectations", data, source, problems)
