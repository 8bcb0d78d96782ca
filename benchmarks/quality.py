"""Search quality on a query file: how often the right answer comes first and is in the top five, per
kind of query, and how often a question the help center cannot answer gets the fallback.

    .venv/bin/python benchmarks/quality.py FILE.yml [FILE.yml ...] [--locale fr] [--failures]

A query file holds ``queries: [{kind, query, expect, also}]`` (``expect`` the right article id, a guide
id or a guide section ``<guide>#<anchor>``; ``also`` other ids just as right) and ``out_of_scope: [...]``
(questions nothing answers), as content/search/expectations.yml does. Each file is searched in its
locale: ``--locale``, else ``fr`` for a file under ``content/fr/`` or named ``*-fr.yml`` (any locale code
of mkdocs.yml likewise), else the default one. The index is the one the site builds for that locale
(generator/search/project_index.py), queried by the engine the site's JavaScript mirrors
(tests/search/test_vectors.py proves they rank alike), so these are the figures of the built site's box.

Out of scope, two figures: the share that gets the fallback (confidence not ``answer``), and the share
whose "No article mentions" message names a word the shopper typed (what the issue asks the message
to do). ``--failures`` lists the queries whose right answer is not first: use it on your tuning set
only, never on a blind set (reading a blind set's failures is tuning on it).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.config.project import Project, load_project
from generator.search import SearchIndex
from generator.search.floors import rank
from generator.search.languages import word_rules
from generator.search.project_index import locale_index, project_locale

REPO = Path(__file__).resolve().parents[1]


@dataclass
class KindFigures:
    count: int = 0
    first: int = 0
    top5: int = 0


@dataclass
class Report:
    kinds: dict[str, KindFigures] = field(default_factory=dict)
    out_of_scope: int = 0
    fallback: int = 0
    named: int = 0
    failures: list[str] = field(default_factory=list)

    def total(self) -> KindFigures:
        whole = KindFigures()
        for k in self.kinds.values():
            whole.count, whole.first, whole.top5 = whole.count + k.count, whole.first + k.first, whole.top5 + k.top5
        return whole


def read_queries(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("queries", []), list):
        raise SystemExit(f"{path}: expected a mapping with a 'queries' list")
    return data


def measure(index: SearchIndex, data: dict[str, Any]) -> Report:
    report = Report()
    for item in data.get("queries") or []:
        figures = report.kinds.setdefault(item["kind"], KindFigures())
        found = rank(index, item)
        figures.count += 1
        figures.first += found == 1
        figures.top5 += found is not None and found <= 5
        if found != 1:
            report.failures.append(f"{item['kind']}: rank {found}: {item['query']!r} (expect {item['expect']})")
    words = index.language.words
    for query in data.get("out_of_scope") or []:
        response = index.search(query, 10)
        report.out_of_scope += 1
        report.fallback += response.confidence != "answer"
        typed = set(words(query))
        report.named += bool(response.missing) and all(w in typed for w in response.missing)
    return report


def _share(part: int, whole: int) -> str:
    return f"{part / whole:4.0%}" if whole else "   -"


def render(name: str, report: Report) -> str:
    lines = [f"{name}", f"  {'kind':<12} {'n':>4}  first  top 5"]
    for kind, k in sorted(report.kinds.items()):
        lines.append(f"  {kind:<12} {k.count:>4}  {_share(k.first, k.count)}  {_share(k.top5, k.count)}")
    t = report.total()
    lines.append(f"  {'all':<12} {t.count:>4}  {_share(t.first, t.count)}  {_share(t.top5, t.count)}")
    if report.out_of_scope:
        lines.append(f"  out of scope {report.out_of_scope:>4}  fallback {_share(report.fallback, report.out_of_scope)}"
                     f" · names a typed word {_share(report.named, report.out_of_scope)}")
    return "\n".join(lines)


def file_locale(project: Project, path: Path, forced: str | None) -> str | None:
    """The locale a query file is written in (see the module's docstring)."""
    if forced:
        return forced
    parts = path.resolve().parts
    for locale in project.locales[1:]:
        code = locale.code.lower()
        if re.search(rf"[-_.]{re.escape(code)}\.ya?ml$", path.name.lower()) or code in parts:
            return locale.code
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="query files (YAML)")
    parser.add_argument("--locale", help="search in this locale of mkdocs.yml (default: from the file's name)")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="the project's mkdocs.yml")
    parser.add_argument("--failures", action="store_true",
                        help="list the queries not answered first (tuning sets only)")
    args = parser.parse_args(argv)
    project = load_project(args.config)
    indexes: dict[str, SearchIndex] = {}
    for path in args.files:
        locale = project_locale(project, file_locale(project, path, args.locale))
        index = indexes.get(locale.code) or indexes.setdefault(locale.code, locale_index(project, locale))
        report = measure(index, read_queries(path))
        print(render(f"{path} ({locale.code}, {word_rules(locale.language).code} word rules)", report))
        if args.failures:
            print("\n".join(f"    {line}" for line in report.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
