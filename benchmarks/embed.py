"""Embedded widget benchmark: the loader's size and Lighthouse's Performance on a store page with and without it.

    .venv/bin/python benchmarks/embed.py [--runs 3] [--sizes-only]

Builds the real project with the local static host's address as site_url (as pages.py does), serves it with
``Access-Control-Allow-Origin: *`` (the build's ``_headers`` rule for the widget), and runs the development
store with that help center, so that its demonstration product page (devstore/demo.py) carries the tag under
its strict policy. Prints the bytes of every file of the widget (gzip -6 as a host serves them, and -9), then
Lighthouse 12.2.3's mobile Performance of the product page with the tag and without it (``?without-widget``),
the runs alternating within one run of this script, and the median of each.

Targets (issue 23): the loader at most 3 KB gzip (3,072 bytes); the two Performance medians differ by at most 2.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.pages import StaticHostHandler, build_for, ensure_lighthouse, run_lighthouse, static_host
from devstore import DevStoreOptions, start_in_thread, stop
from devstore.demo import PATH, WITHOUT
from generator.config.store import STORE_API_URL_ENV, STORE_URL_ENV

LOADER_BUDGET = 3 * 1024
PERFORMANCE_GAP = 2
CORS = [("Access-Control-Allow-Origin", "*")]


def sizes(site: Path) -> list[tuple[str, int, int, int]]:
    """Each file of the widget: (site path, bytes, gzip -6, gzip -9)."""
    files = [site / "assets" / "embed.js", *sorted((site / "assets" / "embed").iterdir())]
    rows = []
    for file in files:
        data = file.read_bytes()
        rows.append((file.relative_to(site).as_posix(), len(data), len(gzip.compress(data, 6, mtime=0)),
                     len(gzip.compress(data, 9, mtime=0))))
    return rows


def performance(report: dict[str, Any]) -> int:
    return round(100 * (report["categories"]["performance"]["score"] or 0))


def metrics(report: dict[str, Any]) -> str:
    audits = report["audits"]
    names = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
    return ", ".join(f"{name.split('-')[0]}={audits[name]['displayValue']}" for name in names)


def lighthouse(page: str, runs: int) -> dict[str, list[int]]:
    cli = ensure_lighthouse()
    scores: dict[str, list[int]] = {"with the tag": [], "without": []}
    for run in range(runs):  # alternating, so that the machine's load weighs on both alike
        for label, url in (("with the tag", page), ("without", f"{page}?{WITHOUT}")):
            report = run_lighthouse(cli, url)
            scores[label].append(performance(report))
            print(f"  run {run + 1}, {label}: {scores[label][-1]} ({metrics(report)})", file=sys.stderr)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs of each page (the median is kept)")
    parser.add_argument("--sizes-only", action="store_true", help="the files' sizes, no Lighthouse")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="hc-embed-"))
    api_store = start_in_thread(DevStoreOptions(quiet=True))
    os.environ.update({STORE_URL_ENV: api_store.url, STORE_API_URL_ENV: api_store.api_url, "NO_MKDOCS_2_WARNING": "1"})
    store = None
    try:
        with static_host() as (server, base):
            site = build_for(base, workdir)
            server.RequestHandlerClass = partial(StaticHostHandler, directory=str(site), extra_headers=CORS)
            rows = sizes(site)
            print("| file | bytes | gzip -6 | gzip -9 |\n|---|---:|---:|---:|")
            for path, raw, six, nine in rows:
                print(f"| `{path}` | {raw:,} | {six:,} | {nine:,} |")
            loader = rows[0][2]
            verdict = "met" if loader <= LOADER_BUDGET else "MISSED"
            print(f"loader: {loader:,} bytes gzip (budget {LOADER_BUDGET:,}): {verdict}")
            if args.sizes_only:
                return 0 if loader <= LOADER_BUDGET else 1
            store = start_in_thread(DevStoreOptions(quiet=True, help_center_url=base))
            scores = lighthouse(store.url + PATH, args.runs)
    finally:
        if store is not None:
            stop(store)
        stop(api_store)
        shutil.rmtree(workdir, ignore_errors=True)
    medians = {label: statistics.median(values) for label, values in scores.items()}
    gap = medians["without"] - medians["with the tag"]
    print(f"Lighthouse mobile Performance of the demo product page, median of {args.runs}: "
          f"{medians['with the tag']:g} with the tag, {medians['without']:g} without (runs: {scores}); "
          f"difference {gap:g} (target at most {PERFORMANCE_GAP}): "
          f"{'met' if abs(gap) <= PERFORMANCE_GAP else 'MISSED'}")
    return 0 if loader <= LOADER_BUDGET and abs(gap) <= PERFORMANCE_GAP else 1


if __name__ == "__main__":
    raise SystemExit(main())
