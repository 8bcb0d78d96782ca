"""Fit the search ranking's weights on the tuning sets, cross-validated, and say how well they hold.

    .venv/bin/python benchmarks/fit_ranking.py [--folds 5] [--rounds 2]

The tuning sets are the store's own query sets (content/search/expectations.yml and each locale's
content/<code>/search/expectations.yml); blind sets are never read here. The weights fitted are the
query-time ones of ``generator/search/builder.py``'s RANKING (synonym, lexicon, lexiconDecay,
situationWords, typo, coordination) and two build-time field weights (title and keywords, BM25F;
the answer stays at 1). How:

1. The queries of every locale are shuffled (a fixed seed) and cut into ``--folds`` folds.
2. For each fold, the weights are fitted on the other folds by coordinate descent: starting from
   the current values, each weight in turn takes the value of its grid that scores best, for
   ``--rounds`` rounds. The score is the share of queries whose right answer comes first, plus
   half the share with it in the top five (ties keep the current value).
3. The fitted weights are measured on the held-out fold, beside the current weights: the mean over
   folds is the honest estimate of what fitting gains on queries it did not see.
4. Finally the weights are fitted on all the queries: those are the values to put in RANKING and
   FIELD_WEIGHTS (the script prints them; it changes no file).

A query is searched exactly as the site searches it (the index files built for its locale, the
engine that hc-search-engine.js mirrors), only with other weights in the manifest.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.quality import read_queries
from generator.config.locales import Locale
from generator.config.project import Project, load_project
from generator.reading.loading import load_helpcenter
from generator.rendering.site import load_project_translations, search_files
from generator.rendering.strings import load_strings
from generator.search import SearchIndex, builder
from generator.search.floors import rank

REPO = Path(__file__).resolve().parents[1]
GRID: dict[str, list[float]] = {
    "synonym": [0.6, 0.7, 0.8, 0.9],
    "lexicon": [0.3, 0.4, 0.5, 0.6, 0.7],
    "lexiconDecay": [0.7, 0.8, 0.9, 1.0],
    "situationWords": [0.25, 0.5, 0.75, 1.0],
    "typo": [0.4, 0.5, 0.6, 0.7, 0.8],
    "coordination": [1, 2, 3],
    "title": [3.0, 4.0, 5.0, 6.0],
    "keywords": [1.5, 2.0, 2.5, 3.0, 4.0],
}
FIELDS = ("title", "keywords")


@dataclass(frozen=True)
class Query:
    locale: str
    item: dict[str, Any]


Weights = dict[str, float]


class Searcher:
    """Index files per locale and field weights (built once each), searched with any ranking."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.helpcenter = load_helpcenter(project.content_dir)
        self.translations = load_project_translations(project, self.helpcenter)
        self._files: dict[tuple[float, float], dict[str, bytes]] = {}

    def files(self, title: float, keywords: float) -> dict[str, bytes]:
        key = (title, keywords)
        if key not in self._files:
            saved = dict(builder.FIELD_WEIGHTS)
            builder.FIELD_WEIGHTS.update(title=title, keywords=keywords)
            try:
                care = {loc.code: load_strings(loc, self.project.content_dir, strict=False).get("care_title")
                        for loc in self.project.locales[1:]}
                self._files[key] = search_files(self.project, self.helpcenter, self.translations, care)
            finally:
                builder.FIELD_WEIGHTS.clear()
                builder.FIELD_WEIGHTS.update(saved)
        return self._files[key]

    def index(self, locale: Locale, weights: Weights) -> SearchIndex:
        files = self.files(weights["title"], weights["keywords"])
        prefix = f"{locale.prefix}assets/search/"
        manifest = json.loads(files[prefix + "index.json"])
        manifest["ranking"].update({k: v for k, v in weights.items() if k not in FIELDS})
        patched = json.dumps(manifest).encode()
        return SearchIndex(lambda name: patched if name == "index.json" else files[prefix + name])


def score(searcher: Searcher, locales: dict[str, Locale], queries: list[Query],
          weights: Weights) -> tuple[float, float]:
    """(share right first, share in the top five)."""
    indexes = {code: searcher.index(locale, weights) for code, locale in locales.items()}
    ranks = [rank(indexes[q.locale], q.item) for q in queries]
    first = sum(r == 1 for r in ranks) / len(ranks)
    top5 = sum(r is not None and r <= 5 for r in ranks) / len(ranks)
    return first, top5


def fit(evaluate: Callable[[Weights], tuple[float, float]], start: Weights, rounds: int) -> Weights:
    """Coordinate descent over GRID from ``start``."""
    best = dict(start)
    first, top5 = evaluate(best)
    best_value = first + top5 / 2
    for _ in range(rounds):
        for name, values in GRID.items():
            for value in values:
                if value == best[name]:
                    continue
                trial = {**best, name: value}
                first, top5 = evaluate(trial)
                if first + top5 / 2 > best_value + 1e-9:
                    best, best_value = trial, first + top5 / 2
    return best


def current_weights() -> Weights:
    weights: Weights = {name: float(builder.RANKING[name]) for name in GRID if name not in FIELDS}
    weights.update({name: builder.FIELD_WEIGHTS[name] for name in FIELDS})
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml")
    args = parser.parse_args(argv)
    project = load_project(args.config)
    locales = {loc.code: loc for loc in project.locales}
    queries: list[Query] = []
    for loc in project.locales:
        folder = project.content_dir if loc.default else project.content_dir / loc.code
        path = folder / "search" / "expectations.yml"
        if path.is_file():
            queries += [Query(loc.code, item) for item in read_queries(path).get("queries") or []]
    random.Random(22).shuffle(queries)
    searcher = Searcher(project)
    start = current_weights()
    print(f"{len(queries)} tuning queries in {len(locales)} locales, {args.folds} folds, {args.rounds} rounds")
    held: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for k in range(args.folds):
        test = queries[k :: args.folds]
        train = [q for n, q in enumerate(queries) if n % args.folds != k]
        fitted = fit(lambda w, train=train: score(searcher, locales, train, w), start, args.rounds)  # type: ignore[misc]
        before, after = score(searcher, locales, test, start), score(searcher, locales, test, fitted)
        held.append((before, after))
        print(f"  fold {k + 1}: held out {len(test)}: current {before[0]:.0%} · {before[1]:.0%}, "
              f"fitted {after[0]:.0%} · {after[1]:.0%}  {_changes(start, fitted)}")
    mean = [sum(h[i][j] for h in held) / len(held) for i in (0, 1) for j in (0, 1)]
    print(f"held-out mean (first · top five): current {mean[0]:.1%} · {mean[1]:.1%}, "
          f"fitted {mean[2]:.1%} · {mean[3]:.1%}")
    final = fit(lambda w: score(searcher, locales, queries, w), start, args.rounds)
    print(f"fitted on all {len(queries)}: {_changes(start, final) or 'the current weights'}")
    print(json.dumps(final))
    return 0


def _changes(start: Weights, fitted: Weights) -> str:
    return ", ".join(f"{k} {start[k]:g}→{v:g}" for k, v in fitted.items() if v != start[k])


if __name__ == "__main__":
    raise SystemExit(main())
