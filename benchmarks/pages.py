"""Page benchmark: bytes a phone downloads and Lighthouse's four scores, for each kind of page.

    .venv/bin/python benchmarks/pages.py [--runs 3] [--json results.json] [--keep DIR]

Builds the real content with the real configuration, deployed as it would be: site_url is the local
server's own address (so canonical URLs, the sitemap and robots.txt match what is served) and the
store is the development store (devstore) on another local port, as a store's API would be
on its own host. A small static server answers like a static host: gzip for text, 404.html with
status 404 for a missing path. Lighthouse (npm ``lighthouse@12.2.3``, installed into
benchmarks/node_modules on first use) runs in its default mobile mode against Debian's Chromium.

With ``--headers`` the server also sends the security headers of the build's ``_headers`` file, as
Netlify or Cloudflare Pages do; without, the policy is only in the pages' ``<meta>``, as on GitHub Pages.
Lighthouse's ``csp-xss`` audit (informative: weight 0 in Best Practices) is printed with its findings.

Per page kind (home, category, article, guide, 404) it prints the bytes transferred by type (HTML,
CSS, JS, fonts, images, other: gzip as served) and the four category scores, the median over
``--runs``. Targets: Performance >= 95, Accessibility, Best Practices and SEO 100. The 404 page is
audited at /404.html (Lighthouse refuses a page answered with status 404) and is ``noindex`` on
purpose, so its SEO audit is-crawlable fails by design; the report says so rather than counting a miss.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml

from devstore import DevStoreOptions, start_in_thread, stop
from generator.config.store import STORE_API_URL_ENV, STORE_URL_ENV
from generator.mkdocs.engine import build_site
from generator.reading.loading import load_helpcenter

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
BY_DESIGN = {"404": {"seo": {"is-crawlable"}}}
"""Audits that must fail on a page: the 404 page is noindex."""
BYTE_GROUPS = {"Document": "HTML", "Stylesheet": "CSS", "Script": "JS", "Font": "fonts", "Image": "images"}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


# --- the site, built and served as deployed ------------------------------------------------


def page_paths() -> dict[str, str]:
    """One page of each kind, as paths under the site root."""
    hc = load_helpcenter(REPO / "content")
    category = hc.categories[0]
    paths = {"home": "", "category": category.url, "article": category.questions[0].url}
    if hc.guides:
        paths["guide"] = hc.guides[0].url
    paths["404"] = "404.html"  # Lighthouse will not audit a page answered with status 404
    return paths


def build_for(site_url: str, dest: Path) -> Path:
    """The real project built into ``dest/site`` with ``site_url`` as its address."""
    project = dest / "project"
    project.mkdir(parents=True)
    for folder in ("docs", "content"):  # no theme/: the plugin reads the generator's
        shutil.copytree(REPO / folder, project / folder)
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    original = yaml.safe_load(config)["site_url"]
    (project / "mkdocs.yml").write_text(config.replace(f"site_url: {original}", f"site_url: {site_url}"), "utf-8")
    build_site(project / "mkdocs.yml", dest / "site")
    return dest / "site"


def headers_from(site: Path) -> list[tuple[str, str]]:
    """The headers the build's ``_headers`` file sets for every path, as Netlify or Cloudflare Pages send them."""
    lines = (site / "_headers").read_text("utf-8").splitlines()
    return [tuple(line.strip().split(": ", 1)) for line in lines if line.startswith("  ")]  # type: ignore[misc]


class StaticHostHandler(SimpleHTTPRequestHandler):
    """Like a static host: gzip for text when the browser accepts it, 404.html for a missing path, and the
    ``extra_headers`` it is given (a host that reads ``_headers``)."""

    def __init__(self, *args: Any, extra_headers: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        self.extra_headers = extra_headers
        super().__init__(*args, **kwargs)

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash URL
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes()
        gzipped = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        for name, value in self.extra_headers:
            self.send_header(name, value)
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Body:
    """What send_head returns: copyfile() reads it, then it is closed."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def static_host() -> Iterator[tuple[ThreadingHTTPServer, str]]:
    """A server on a free port; its directory is set once the site is built (the URL is needed first)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHostHandler, directory="."))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="static-host", daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- Lighthouse ---------------------------------------------------------------------------


def ensure_lighthouse() -> Path:
    if not LIGHTHOUSE_CLI.is_file():
        print(f"installing {LIGHTHOUSE} into {HERE / 'node_modules'} …", file=sys.stderr)
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(HERE), LIGHTHOUSE], check=True
        )
    return LIGHTHOUSE_CLI


def run_lighthouse(cli: Path, url: str) -> dict[str, Any]:
    """One Lighthouse run in its default mobile mode; the JSON report."""
    command = [
        "node",
        str(cli),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark: Lighthouse failed on {url} (exit {done.returncode}):\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"benchmark: Lighthouse could not load {url}: {report['runtimeError']}")
    return report


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def transferred(report: dict[str, Any]) -> dict[str, int]:
    """Bytes over the wire by type, from Lighthouse's own network log."""
    totals = dict.fromkeys([*BYTE_GROUPS.values(), "other"], 0)
    for request in report["audits"]["network-requests"]["details"]["items"]:
        group = BYTE_GROUPS.get(request.get("resourceType", ""), "other")
        totals[group] += int(request.get("transferSize") or 0)
    totals["total"] = sum(totals.values())
    return totals


def failed_audits(report: dict[str, Any], category: str) -> list[str]:
    """Scored audits of a category that did not pass (weight > 0, score < 1)."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            failed.append(f"{ref['id']} ({audit['score']:.2f}: {audit.get('displayValue') or audit['title']})")
    return failed


def csp_xss(report: dict[str, Any]) -> str:
    """Lighthouse's csp-xss audit (informative: weighted 0 in Best Practices): pass/fail and each finding."""
    audit = report["audits"]["csp-xss"]
    findings = []
    for item in (audit.get("details") or {}).get("items", []):
        severity = item.get("severity", "")
        description = item.get("description")
        text = description.get("value", "") if isinstance(description, dict) else str(description or "")
        where = f" [{item['directive']}]" if item.get("directive") else ""
        findings.append(f"{severity}{where}: {text}".strip())
    verdict = "passed" if audit.get("score") == 1 else "FAILED"
    return verdict + (f" ({'; '.join(findings)})" if findings else " (no findings)")


# --- reporting ----------------------------------------------------------------------------


@dataclass
class KindResult:
    kind: str
    url: str
    runs: list[dict[str, int]] = field(default_factory=list)
    bytes: dict[str, int] = field(default_factory=dict)
    failed: dict[str, list[str]] = field(default_factory=dict)
    csp: str = ""

    def median(self, category: str) -> int:
        return round(statistics.median(run[category] for run in self.runs))

    def misses(self) -> list[str]:
        """Categories below target, other than what the page fails by design."""
        missed = []
        for category, target in TARGETS.items():
            if self.median(category) >= target:
                continue
            by_design = BY_DESIGN.get(self.kind, {}).get(category, set())
            unexpected = [f for f in self.failed.get(category, []) if f.split(" ")[0] not in by_design]
            if unexpected or category == "performance":
                missed.append(category)
        return missed


def measure(kinds: dict[str, str], base: str, runs: int, cli: Path, keep: Path | None) -> list[KindResult]:
    results = []
    for kind, path in kinds.items():
        result = KindResult(kind, base + path)
        for run in range(runs):
            report = run_lighthouse(cli, result.url)
            if keep:
                (keep / f"lighthouse-{kind}-{run + 1}.json").write_text(json.dumps(report), "utf-8")
            result.runs.append(scores(report))
            result.bytes = transferred(report)
            result.failed = {c: failed_audits(report, c) for c in CATEGORIES}
            result.csp = csp_xss(report)
        results.append(result)
        print(f"  {kind}: {[r for r in result.runs]}", file=sys.stderr)
    return results


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def report_lines(results: Sequence[KindResult]) -> list[str]:
    lines = [
        "Bytes transferred (KiB, gzip as served) and Lighthouse 12.2.3 mobile scores (median):",
        "",
        "| page | HTML | CSS | JS | fonts | images | other | total | Perf | A11y | BP | SEO |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        b = r.bytes
        lines.append(
            f"| {r.kind} | {kb(b['HTML'])} | {kb(b['CSS'])} | {kb(b['JS'])} | {kb(b['fonts'])} | "
            f"{kb(b['images'])} | {kb(b['other'])} | {kb(b['total'])} | "
            + " | ".join(str(r.median(c)) for c in CATEGORIES)
            + " |"
        )
    lines.append("")
    for r in results:
        for category in CATEGORIES:
            if r.failed.get(category):
                note = " (by design: noindex)" if category in BY_DESIGN.get(r.kind, {}) else ""
                lines.append(f"{r.kind} {category} below 100{note}: {'; '.join(r.failed[category])}")
    for r in results:
        lines.append(f"{r.kind} csp-xss: {r.csp}")
    misses = {r.kind: r.misses() for r in results if r.misses()}
    lines.append("")
    lines.append("targets met" if not misses else f"targets MISSED: {misses}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (the median is kept)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it, with the Lighthouse reports")
    parser.add_argument("--headers", action="store_true",
                        help="serve the security headers of the build's _headers file, as Netlify or Cloudflare "
                        "Pages would (default: none, as GitHub Pages)")
    parser.add_argument("--pages", help="only these kinds, comma-separated (home,category,article,guide,404)")
    args = parser.parse_args(argv)
    cli = ensure_lighthouse()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="hc-pages-"))
    store = start_in_thread(DevStoreOptions(quiet=True, lookups_per_minute=10_000))
    os.environ.update({STORE_URL_ENV: store.url, STORE_API_URL_ENV: store.api_url, "NO_MKDOCS_2_WARNING": "1"})
    try:
        with static_host() as (server, base):
            site = build_for(base, workdir)
            headers = headers_from(site) if args.headers else []
            server.RequestHandlerClass = partial(StaticHostHandler, directory=str(site), extra_headers=headers)
            kinds = page_paths()
            if args.pages:
                kinds = {k: v for k, v in kinds.items() if k in args.pages.split(",")}
            results = measure(kinds, base, args.runs, cli, args.keep)
    finally:
        stop(store)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print("\n".join(report_lines(results)))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2), "utf-8")
    return 1 if any(r.misses() for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
