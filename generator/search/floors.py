"""``helpcenter search --check``: every locale's search expectations measured against the floors they set.

A store's expectations file (content/search/expectations.yml, content/<code>/search/expectations.yml for
another locale) may open with ``floors:``: per kind of query, the share whose right answer comes first and
the share with it in the top five (``all`` for every query together), and the share of out-of-scope
questions that get the fallback. The queries are searched in the locale's own index, as the site's box
does; a share under its floor is a problem at the floor's line, so a pull request that makes search worse
than the store accepts fails its check. A file without ``floors:`` only has its queries compared by
``helpcenter search-diff``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config.project import Project
from generator.errors import ContentError
from generator.reading.expectations import check_expectations
from generator.reading.sources import Problems, SourceFile
from generator.search import SearchIndex
from generator.search.project_index import locale_index, project_locale

LIMIT = 10
"""Results searched per query: a right answer below them counts as not found."""


@dataclass(frozen=True)
class Share:
    """One measured share beside its floor, for the report."""

    label: str
    count: int
    value: float
    floor: float

    @property
    def met(self) -> bool:
        return self.value >= self.floor

    def __str__(self) -> str:
        mark = "" if self.met else "  ← below the floor"
        return f"  {self.label:<40} {self.count:>4}: {self.value:4.0%} (floor {self.floor:.0%}){mark}"


def run_floor_check(project: Project, locale: str | None = None) -> int:
    """Report every locale's (or ``locale``'s) floors; a share under its floor is a content problem."""
    locales = [project_locale(project, locale)] if locale else list(project.locales)
    problems = Problems()
    for chosen in locales:
        path = project.locale_expectations_file(chosen)
        read = _read(path, project.shown(path))
        if read is None or "floors" not in read[0]:
            print(f"{project.shown(path)}: {'no floors' if read else 'no such file'}, nothing to check", flush=True)
            continue
        data, source = read
        shares = measure(locale_index(project, chosen), data, source, problems)
        print(f"{source.display} ({chosen.code}):", *map(str, shares), sep="\n", flush=True)
    if problems:
        raise ContentError(problems.items)
    return 0


def _read(path: Path, display: str) -> tuple[dict[str, Any], SourceFile] | None:
    """The file's data and source; a file that breaks its schema stops here, with its problems."""
    if not path.exists():
        return None
    problems = Problems()
    parsed = check_expectations(path, display, problems)
    if problems:
        raise ContentError(problems.items)
    return parsed


def measure(index: SearchIndex, data: dict[str, Any], source: SourceFile, problems: Problems) -> list[Share]:
    """Each share the ``floors:`` of ``data`` names, measured on ``index``; those under their floor (or with
    nothing to measure) are added to ``problems`` at the floor's line."""
    floors, queries = data["floors"], data.get("queries", [])
    shares: list[Share] = []
    for kind, floor in floors.get("kinds", {}).items():
        mine = [q for q in queries if q.get("kind") == kind]
        shares += _ranked(index, mine, f"'{kind}' queries", ("floors", "kinds", kind), floor, source, problems)
    if "all" in floors:
        shares += _ranked(index, queries, "all queries", ("floors", "all"), floors["all"], source, problems)
    if "out_of_scope" in floors:
        questions = data.get("out_of_scope", [])
        fallback = [q for q in questions if index.search(q, LIMIT).confidence != "answer"]
        share = Share("out of scope: fallback", len(questions), len(fallback) / max(len(questions), 1),
                      floors["out_of_scope"])
        _judge(share, ("floors", "out_of_scope"), source, problems)
        shares.append(share)
    return shares


def _ranked(index: SearchIndex, queries: list[dict[str, Any]], label: str, at: tuple[str, ...],
            floor: dict[str, float], source: SourceFile, problems: Problems) -> list[Share]:
    ranks = [rank(index, q) for q in queries]
    count = max(len(ranks), 1)  # no query: every share is 0, below any floor
    shares = []
    for key, name, within in (("first", "right answer first", 1), ("top_five", "in the top five", 5)):
        if key in floor:
            share = Share(f"{label}: {name}", len(ranks), sum(r is not None and r <= within for r in ranks) / count,
                          floor[key])
            _judge(share, (*at, key), source, problems)
            shares.append(share)
    return shares


def rank(index: SearchIndex, query: dict[str, Any]) -> int | None:
    """The 1-based rank of the query's first right answer (``expect`` or one of ``also``), None if not found."""
    right = {query["expect"], *(query.get("also") or [])}
    ids = [result.id for result in index.search(query["query"], LIMIT).results]
    return next((n for n, got in enumerate(ids, 1) if got in right), None)


def _judge(share: Share, at: tuple[str, ...], source: SourceFile, problems: Problems) -> None:
    if share.count == 0:
        problems.add(source, at, f"no {share.label.split(':')[0]} to measure; add some, or remove this floor")
    elif not share.met:
        problems.add(source, at, f"{share.label}: {share.value:.0%} of {share.count}, under the floor of "
                     f"{share.floor:.0%}; `helpcenter search-diff` shows which queries moved")
