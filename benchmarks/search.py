"""Search benchmark: our sharded index against plain Material's lunr search, in headless Chromium.

    .venv/bin/python benchmarks/search.py [--sizes real,1000,5000] [--skip-material] [--keep DIR]

For the real site and synthetic sites (benchmarks/synthetic.py) it builds our site and the same
content with stock Material and its search plugin, serves each gzip-compressed from localhost, and
prints: the index size (bytes, bytes per article, gzip bytes; the manifest a page fetches up front),
the time from navigation start until search is ready, and, while typing queries at 50 ms a key, the
time from the keystroke that brings the first results to those results, from the last keystroke to
the final results, and the compressed bytes of index data (not code) fetched before the first results.
A page per query, fresh cache. With the real site it also types the realistic queries of
content/search/expectations.yml into both sites and reports, per kind of query, how often the right
article comes first and is in the top five (Material ranks pages, so a page of a category that
lists the question counts as a miss, as a shopper would have to look further), and how many
out-of-scope questions get the "no answer" fallback rather than a confident list.
The issue's targets at 5,000 articles: ready within 1 s of page load, first results within 100 ms
of a keystroke, and fewer compressed bytes before them than plain Material.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import math
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import yaml

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.build import _tool
from benchmarks.synthetic import write_plain_material_project, write_synthetic_project
from generator.config.project import load_project
from generator.rendering.site import generate

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KEY_DELAY_MS = 50
SETTLE_MS = 1500  # after the last key, for debounced engines (Material's) to finish
OURS, MATERIAL = "ours", "material"


@dataclass
class IndexSize:
    files: int
    raw: int
    gzip: int
    upfront_raw: int  # what a page fetches before the first query
    upfront_gzip: int
    articles: int


@dataclass
class QueryTiming:
    first_ms: float  # the keystroke that brought the first results -> those results
    final_ms: float  # last keystroke -> final results
    bytes_before_first: int  # compressed search bytes fetched before the first results
    requests_before_first: int


@dataclass
class BrowserRun:
    ready_ms: list[float] = field(default_factory=list)  # navigation start -> search ready
    load_ms: list[float] = field(default_factory=list)  # navigation start -> load event
    queries: list[QueryTiming] = field(default_factory=list)


@dataclass
class Site:
    label: str
    engine: str
    root: Path
    articles: int
    queries: list[str]


# --- building the sites ---------------------------------------------------------------------------


def _run(command: Sequence[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(
            f"benchmark: {' '.join(command)} failed in {cwd}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )


def build_ours(project: Path, site: Path) -> None:
    _run([_tool("helpcenter"), "-f", str(project / "mkdocs.yml"), "build", "-d", str(site)], project)


def real_material_project(dest: Path) -> Path:
    """The real help center's generated pages as a plain Material site with its search plugin."""
    output = generate(load_project(REPO / "mkdocs.yml"))
    for page in output.pages:
        path = dest / "docs" / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
    config = {
        "site_name": "Plain Material (real content)",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html", "toc"],
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return dest


def prepare(size: str, work: Path, with_material: bool) -> list[Site]:
    """Build our site (and Material's) for 'real' or a number of synthetic questions."""
    sites = []
    if size == "real":
        helpcenter = generate(load_project(REPO / "mkdocs.yml")).helpcenter
        articles = len(helpcenter.questions) + len(helpcenter.guides)
        queries = [
            q["query"] for q in yaml.safe_load((REPO / "content/search/expectations.yml").read_text("utf-8"))["queries"]
        ]
        build_ours(REPO, work / "ours")
        sites.append(Site("real", OURS, work / "ours", articles, queries[::7]))
        if with_material:
            project = real_material_project(work / "material-project")
            _run([_tool("mkdocs"), "build", "--quiet", "-d", str(work / "material")], project)
            sites.append(Site("real", MATERIAL, work / "material", articles, queries[::7]))
        return sites
    questions = int(size)
    project = write_synthetic_project(work / "project", questions)
    build_ours(project, work / "ours")
    queries = synthetic_queries(project)
    articles = questions + len(list((project / "content/care").glob("*.md")))
    sites.append(Site(size, OURS, work / "ours", articles, queries))
    if with_material:
        plain = write_plain_material_project(work / "material-project", questions)
        _run([_tool("mkdocs"), "build", "--quiet", "-d", str(work / "material")], plain)
        sites.append(Site(size, MATERIAL, work / "material", articles, queries))
    return sites


def synthetic_queries(project: Path, count: int = 8) -> list[str]:
    """Three words from the question of random articles, one of them with a letter dropped."""
    rng = random.Random(1)
    questions = [
        q["question"]
        for path in sorted((project / "content/faq").glob("*.yml"))
        for q in yaml.safe_load(path.read_text("utf-8"))["questions"]
    ]
    found = []
    for question in rng.sample(questions, count):
        words = [w.strip("?,.").lower() for w in question.split() if len(w.strip("?,.")) > 3][:3]
        typo = max(range(len(words)), key=lambda n: len(words[n]))
        if len(words[typo]) >= 5:
            words[typo] = words[typo][:2] + words[typo][3:]
        found.append(" ".join(words))
    return found


def index_size(site: Site) -> IndexSize:
    if site.engine == OURS:
        files = sorted((site.root / "assets/search").glob("*.json"))
        upfront = [site.root / "assets/search/index.json"]
    else:
        files = upfront = [site.root / "search/search_index.json"]
    data = {path: path.read_bytes() for path in files}
    packed = {path: len(gzip.compress(body, 6)) for path, body in data.items()}
    return IndexSize(
        len(files),
        sum(map(len, data.values())),
        sum(packed.values()),
        sum(len(data[p]) for p in upfront),
        sum(packed[p] for p in upfront),
        site.articles,
    )


# --- serving and measuring --------------------------------------------------------------------------


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed, as any production host would."""

    cache: ClassVar[dict[Path, bytes]] = {}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        compressible = path.suffix in {".html", ".json", ".js", ".css", ".svg", ".xml"}
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Records, in page time (performance.now()), when search is ready, each keydown, and each change
# of the results list. Ours marks <html data-hc-search-ready>; Material replaces "Initializing search".
INSTRUMENT = """
window.__bench = {ready: null, keys: [], changes: []};
document.addEventListener("keydown", () => window.__bench.keys.push(performance.now()), true);
const watch = () => {
  const list = document.querySelector(window.__benchResults);
  const meta = document.querySelector(".md-search-result__meta");
  const check = () => {
    if (window.__bench.ready !== null) return;
    const ours = document.documentElement.hasAttribute("data-hc-search-ready");
    const theirs = meta && !document.querySelector("[data-hc-search]") && !/Initializing/i.test(meta.textContent);
    if (ours || theirs) window.__bench.ready = performance.now();
  };
  new MutationObserver(check).observe(document.documentElement, {attributes: true, subtree: true,
                                                                  childList: true, characterData: true});
  if (list) new MutationObserver(() => window.__bench.changes.push([performance.now(), list.children.length]))
    .observe(list, {childList: true});
  check();
};
document.addEventListener("DOMContentLoaded", watch);
"""


def _selectors(engine: str) -> tuple[str, str]:
    """The search input and the results list of each engine."""
    if engine == OURS:
        return "[data-hc-search=page] input[type=search]", "[data-hc-search=page] [data-hc-search-results]"
    return ".md-search__input", ".md-search-result__list"


def measure(browser: Any, site: Site, url: str, phone: bool = False) -> BrowserRun:
    run = BrowserRun()
    field_selector, list_selector = _selectors(site.engine)
    for query in site.queries:
        options: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
        if phone:
            options = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
        context = browser.new_context(**options)
        page = context.new_page()
        if phone:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        finished: list[tuple[float, int, str]] = []
        context.on("requestfinished", lambda r, into=finished: into.append(_finished(r)))
        page.add_init_script(f"window.__benchResults = {list_selector!r};" + INSTRUMENT)
        page.goto(url)
        page.wait_for_function("window.__bench && window.__bench.ready !== null", timeout=60_000)
        run.ready_ms.append(page.evaluate("window.__bench.ready"))
        page.wait_for_load_state("load")
        run.load_ms.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
        _open_search(page, site.engine, phone)
        page.locator(field_selector).first.press_sequentially(query, delay=KEY_DELAY_MS)
        page.wait_for_timeout(SETTLE_MS)
        bench = page.evaluate("window.__bench")
        origin = page.evaluate("performance.timeOrigin")
        run.queries.append(_timing(bench, origin, finished, site.engine))
        context.close()
    return run


def _open_search(page: Any, engine: str, phone: bool) -> None:
    if engine == MATERIAL or phone:
        button = page.locator("label.md-header__button[for=__search]")
        if phone and engine == OURS:
            page.locator("[data-hc-search=page] input[type=search]").click()
        elif button.is_visible():
            button.click()
        else:
            page.locator(".md-search__input").click()
    else:
        page.locator("[data-hc-search=page] input[type=search]").click()


def _finished(request: Any) -> tuple[float, int, str]:
    timing = request.timing
    sizes = request.sizes()
    return timing["startTime"] + timing["responseEnd"], sizes["responseBodySize"], request.url


def _timing(bench: dict[str, Any], origin: float, finished: list[tuple[float, int, str]], engine: str) -> QueryTiming:
    """Latencies from the keystroke just before a change of the results list to that change."""
    keys, changes = bench["keys"], [c for c in bench["changes"] if c[0] >= bench["keys"][0]]
    first = next((t for t, count in changes if count > 0), None)
    last = changes[-1][0] if changes and changes[-1][0] >= keys[-1] else None
    first_ms = (first - max(k for k in keys if k <= first)) if first is not None else float("nan")
    final_ms = (last - keys[-1]) if last is not None else float("nan")
    cutoff = origin + (first if first is not None else float("inf"))
    wanted = ("/assets/search/",) if engine == OURS else ("search_index.json",)  # index data, not code
    fetched = [(end, size) for end, size, url in finished if end <= cutoff and any(w in url for w in wanted)]
    return QueryTiming(first_ms, final_ms, sum(size for _, size in fetched), len(fetched))


# --- realistic queries on the real site: how often the right article is first -------------------------


@dataclass
class Quality:
    """How the real site's box answers content/search/expectations.yml, per kind of query."""

    kinds: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # kind -> (count, first, top 5)
    fallback: tuple[int, int] = (0, 0)  # out-of-scope questions that got no confident list, of all


def search_quality(browser: Any, site: Site, url: str) -> Quality:
    """Type every query of content/search/expectations.yml into the site's box, as a shopper would."""
    data = yaml.safe_load((REPO / "content/search/expectations.yml").read_text("utf-8"))
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    _open_search(page, site.engine, phone=False)
    quality = Quality()
    for item in data["queries"]:
        ids, _ = _typed(page, site.engine, url, item["query"])
        right = {item["expect"], *item.get("also", [])}
        rank = next((n for n, found in enumerate(ids, 1) if found in right), None)
        count, first, top5 = quality.kinds.get(item["kind"], (0, 0, 0))
        quality.kinds[item["kind"]] = (count + 1, first + (rank == 1), top5 + (rank is not None and rank <= 5))
    falls_back = 0
    for query in data["out_of_scope"]:
        ids, confident = _typed(page, site.engine, url, query)
        falls_back += not (ids and confident)
    quality.fallback = (falls_back, len(data["out_of_scope"]))
    page.close()
    return quality


def _typed(page: Any, engine: str, url: str, query: str) -> tuple[list[str], bool]:
    """(the result ids the box shows for ``query``, whether it shows them as an answer)."""
    field_selector, list_selector = _selectors(engine)
    box = page.locator(field_selector).first
    box.fill("")
    box.press_sequentially(query, delay=5)  # Material searches on key events, not on fill()
    page.wait_for_timeout(500)
    hrefs = page.locator(f"{list_selector} a").evaluate_all("links => links.map(a => a.href)")
    confident = True  # Material has no notion of "no answer": a list is a list
    if engine == OURS:
        confident = page.locator("[data-hc-search=page]").get_attribute("data-hc-search-confidence") == "answer"
    return [_article_id(href, url) for href in hrefs][:10], confident


def quality_table(by_engine: dict[str, Quality]) -> list[str]:
    """One line per kind of query, the engines side by side."""
    engines = list(by_engine)
    lines = ["    content/search/expectations.yml, right answer first · in the top five: "
             + " | ".join(engines)]
    kinds = list(next(iter(by_engine.values())).kinds)
    for kind in [*kinds, "all"]:
        cells = []
        for engine in engines:
            rows = by_engine[engine].kinds
            count, first, top5 = (
                [sum(v[i] for v in rows.values()) for i in range(3)] if kind == "all" else rows[kind]
            )
            cells.append(f"{first / count:4.0%} · {top5 / count:4.0%}")
        lines.append(f"      {kind:<10} ({count:>3}) " + " | ".join(cells))
    cells = [f"{q.fallback[0]}/{q.fallback[1]}" for q in by_engine.values()]
    lines.append("      out of scope: fallback instead of a confident list " + " | ".join(cells))
    return lines


def _article_id(href: str, root: str) -> str:
    """'.../shipping/lost-parcel/' -> 'lost-parcel'; '.../care/leather/#storing' -> 'leather#storing'."""
    path, _, anchor = href.removeprefix(root).partition("#")
    parts = [p for p in path.split("/") if p and p != "index.html"]
    if not parts:
        return ""
    return f"{parts[-1]}#{anchor}" if anchor else parts[-1]


# --- report ------------------------------------------------------------------------------------------


def _kb(value: float) -> str:
    return f"{value / 1024:,.1f} KB"


def _ms(values: Sequence[float]) -> str:
    clean = [v for v in values if not math.isnan(v)]
    if not clean:
        return "-"
    return f"{statistics.median(clean):.0f} ms (max {max(clean):.0f})"


def report(site: Site, size: IndexSize, run: BrowserRun, label: str) -> list[str]:
    first_bytes = [q.bytes_before_first for q in run.queries]
    requests = statistics.median([q.requests_before_first for q in run.queries])
    return [
        f"  {label}: index {size.files} files, {_kb(size.raw)} raw ({size.raw / size.articles:,.0f} B per article), "
        f"{_kb(size.gzip)} gzip; fetched up front {_kb(size.upfront_raw)} raw / {_kb(size.upfront_gzip)} gzip",
        f"    ready after navigation start: {_ms(run.ready_ms)}; the page's load event: {_ms(run.load_ms)}",
        f"    keystroke -> first results: {_ms([q.first_ms for q in run.queries])}",
        f"    last keystroke -> final results: {_ms([q.final_ms for q in run.queries])}",
        f"    compressed index bytes before the first results: median {_kb(statistics.median(first_bytes))} "
        f"(max {_kb(max(first_bytes))}), {requests:.0f} requests",
    ]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="real,1000,5000", help="'real' and/or question counts, comma-separated")
    parser.add_argument("--skip-material", action="store_true", help="measure only our search")
    parser.add_argument("--no-phone", action="store_true", help="skip the phone run (4x CPU throttling)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the sites")
    args = parser.parse_args(argv)
    args.sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in args.sizes:
        if size != "real" and not size.isdigit():
            parser.error(f"--sizes: 'real' or a number, got {size!r}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    args = parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="helpcenter-search-bench-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size in args.sizes:
                work = root / size
                shutil.rmtree(work, ignore_errors=True)
                print(f"\n== {size}: building …", flush=True)
                started = time.perf_counter()
                sites = prepare(size, work, not args.skip_material)
                print(f"   built in {time.perf_counter() - started:.0f} s", flush=True)
                quality: dict[str, Quality] = {}
                for site in sites:
                    with serve(site.root) as url:
                        lines = report(site, index_size(site), measure(browser, site, url), site.engine)
                        if site.engine == OURS and not args.no_phone:
                            phone = measure(browser, site, url, phone=True)
                            lines += [
                                line for line in report(site, index_size(site), phone, "ours, phone (4x CPU)")[1:]
                            ]
                        if size == "real":
                            quality[site.engine] = search_quality(browser, site, url)
                    print("\n".join(lines), flush=True)
                if quality:
                    print("\n".join(quality_table(quality)), flush=True)
            browser.close()
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
