"""``helpcenter search-diff BASE``: which queries a content change makes gain, lose or change their first
result, so an editor sees the search impact of a wording change before it is merged.

The content at git ref BASE is taken with ``git archive`` into a temporary folder (the working tree is
never touched); both sides are indexed and queried by the site's own engine (generator/search/). The
queries are the store's search expectations (content/search/expectations.yml unless the helpcenter
plugin's ``search_expectations`` says otherwise: any list entry with a ``query``, other fields ignored)
and, when given, the failed searches of an insights report or the searches of an events export.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.config.locales import Locale
from generator.config.project import Project
from generator.errors import ContentError, HelpCenterError
from generator.reading.model import HelpCenter
from generator.search import SearchIndex, build_search_files, project_lexicon
from generator.search.project_index import locale_index, project_locale

TOP = 5
MAX_EXPORT_QUERIES = 300


@dataclass(frozen=True)
class Change:
    query: str
    kind: str
    """gained (had no result), lost (has none now), first (another first result), reordered (same first)."""
    before: list[str]
    after: list[str]


def read_query_set(path: Path) -> list[str]:
    """Every ``query`` of the YAML query set, whatever list it is in and whatever else its entries hold."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise HelpCenterError(f"{path}: cannot read the query set ({err})") from None
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("query"), str):
                found.append(node["query"])
            for value in node.values():
                if isinstance(value, list | dict):
                    walk(value)
        elif isinstance(node, list):
            for item in node:  # plain strings in lists are ids (``also``), not queries
                walk(item)

    walk(data)
    return found


def read_insights_queries(path: Path) -> list[str]:
    """The failed searches of ``helpcenter insights --format json``, or the searches of an events export."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise HelpCenterError(f"{path}: cannot read it ({err})") from None
    try:
        report = json.loads(text)
    except json.JSONDecodeError:
        report = None
    if isinstance(report, dict) and isinstance(report.get("locales"), list):
        return [row["query"] for loc in report["locales"] for key in ("no_results", "no_click")
                for row in loc.get(key, []) if isinstance(row, dict) and isinstance(row.get("query"), str)]
    return _export_queries(text)


def _export_queries(text: str) -> list[str]:
    counts: dict[str, int] = {}
    for line in text.splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(event, dict) and event.get("type") == "search" and isinstance(event.get("query"), str):
            counts[event["query"]] = counts.get(event["query"], 0) + 1
    return sorted(counts, key=lambda q: -counts[q])[:MAX_EXPORT_QUERIES]


def content_at(project: Project, ref: str, into: Path) -> Path | None:
    """Extract the content folder as it is at ``ref`` into ``into``; returns its path there, or None when
    ``ref`` has no content yet (the pull request that adds it: every result is then new)."""
    top = _git(project.root, "rev-parse", "--show-toplevel").decode().strip()
    relative = project.content_dir.relative_to(Path(top).resolve()).as_posix()
    _git(project.root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}",
         error=f"'{ref}' is not a branch, tag or commit of this repository")
    listed = _git(project.root, "ls-tree", "-d", "--name-only", ref, "--", relative)
    if not listed.strip():
        return None
    archive = _git(Path(top), "archive", "--format=tar", ref, "--", relative)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+: no links or paths out of the folder
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - older 3.11 patch releases; git's own archive of our own repository
            tar.extractall(into)
    return into / relative


def _git(cwd: Path, *args: str, error: str | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise HelpCenterError(f"git {args[0]}: {err}") from None
    if done.returncode != 0:
        message = error or done.stderr.decode(errors="replace").strip() or f"git {args[0]} failed"
        raise HelpCenterError(message)
    return done.stdout


def _index(project: Project, locale: Locale, content: Path | None, label: str) -> SearchIndex:
    if content is None:
        return SearchIndex.from_files(build_search_files(HelpCenter([], []), project_lexicon(project, locale),
                                                         language=locale.language))
    try:
        return locale_index(project, locale, content)
    except ContentError as err:
        first = err.problems[0] if err.problems else "unknown problem"
        raise HelpCenterError(f"the content at {label} has {len(err.problems)} problems (first: {first}); "
                              "run helpcenter check there") from None


def compare(before: SearchIndex, after: SearchIndex, queries: list[str]) -> list[Change]:
    changes = []
    for query in dict.fromkeys(q.strip() for q in queries if q.strip()):
        old = [r.id for r in before.search(query, TOP).results]
        new = [r.id for r in after.search(query, TOP).results]
        if old == new:
            continue
        if not old:
            kind = "gained"
        elif not new:
            kind = "lost"
        else:
            kind = "first" if old[0] != new[0] else "reordered"
        changes.append(Change(query, kind, old, new))
    return changes


def run_search_diff(project: Project, base: str, queries_file: str | None, insights: str | None, fmt: str,
                    locale: str | None = None) -> int:
    """``queries_file``: the ``--queries`` option; by default the project's search expectations, or for
    another locale ``<content_dir>/<code>/search/expectations.yml``."""
    chosen = project_locale(project, locale)
    queries_path = project.root / queries_file if queries_file else project.locale_expectations_file(chosen)
    queries = read_query_set(queries_path) if queries_path.exists() else []
    if insights:
        queries += read_insights_queries(Path(insights))
    if not queries:
        shown = queries_file or project.shown(queries_path)
        raise HelpCenterError(f"no queries to compare: {shown} is missing and no --insights was given")
    with tempfile.TemporaryDirectory(prefix="hc-search-diff-") as tmp:
        # searched as the site does: the locale's translations, word rules and lexicon, on each side
        before = _index(project, chosen, content_at(project, base, Path(tmp)), base)
        after = _index(project, chosen, project.content_dir, "the working tree")
        changes = compare(before, after, queries)
    from generator.search.diff_format import render

    print(render(changes, base, len(dict.fromkeys(q.strip() for q in queries if q.strip())), fmt))
    return 0
