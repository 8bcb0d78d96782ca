"""The editor's preview (``helpcenter serve``): MkDocs' live-reload server with our own rebuild step.

``mkdocs serve`` keeps serving the last good site after a failed rebuild and leaves the browser
hanging, with nothing but "Aborted with a BuildError!" in the terminal. An editor needs to see what
is wrong: here a failed rebuild prints every problem and every page of the preview shows the same
list until the next good save, which reloads the browser onto the fixed page.
"""

from __future__ import annotations

import html
import logging
import posixpath
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import HelpCenterError, Problem
from generator.mkdocs import internals
from generator.mkdocs.engine import content_problems, mkdocs_logging
from generator.mkdocs.lazysite import LazySite
from generator.mkdocs.plugin import HelpCenterPlugin
from generator.reading.codeframe import FRAME_CSS, problem_html
from generator.reading.reporting import format_problems, summary
from generator.reuse import Kept

log = logging.getLogger("helpcenter")

StartResponse = Callable[..., Any]


class Preview:
    """Rebuilds the site on demand and remembers what went wrong with the last rebuild."""

    def __init__(self, config_file: Path, site_dir: Path, serve_url: str) -> None:
        self.kept = Kept()
        """What the core computed for the last save, reused where its inputs are the same (generator/reuse.py)."""
        self.config_file = config_file
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.problems: list[Problem] = []
        self.site: LazySite | None = None
        self.lock = threading.RLock()
        self.error: str | None = None
        """A failure that is not about content (mkdocs.yml, a theme template)."""

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.error)

    def load_config(self) -> Any:
        from mkdocs.config import load_config

        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.serve_url
        plugin = config.plugins.get("helpcenter")
        if isinstance(plugin, HelpCenterPlugin):
            plugin.reusing(self.kept)
        return config

    def rebuild(self) -> None:
        """Gather the site again; never raises for a problem an editor can fix, so browsers always reload.

        Pages are rendered when asked for (``LazySite``), except the home page: rendering it here
        finds a broken theme template at the save that broke it.
        """
        from mkdocs.exceptions import MkDocsException

        was_failing, config = self.failed, None
        with self.lock:
            self.problems, self.error = [], None
            self.kept.next_generation()
            try:
                config = self.load_config()
                site = LazySite(config, previous=self.site)
                site.write_static_files(dirty=self.site is not None)
                self.site = site
                if "index.html" in site.pages:
                    site.render("index.html")
            except MkDocsException as err:
                self.problems = content_problems(config)
                self.error = None if self.problems else f"the build failed: {err}"
            except (jinja2.TemplateError, HelpCenterError) as err:
                self.error = describe_failure(err)
        self._report(was_failing)

    def render(self, uri: str) -> str | None:
        """Make sure the page or template a request for ``uri`` needs is on disk; returns its site path."""
        with self.lock:
            site = self.site
            owner = site.owner(uri) if site is not None and not self.failed else None
            if site is None or owner is None:
                return None
            try:
                site.render(owner)
            except Exception as err:  # a theme template that fails on this page only
                self.error = describe_failure(err)
                self._report(False)
                return None
            return owner

    def _report(self, was_failing: bool) -> None:
        if self.problems:
            print(format_problems(self.problems, "text"), file=sys.stderr)
            print(summary(self.problems, 0) + "; the preview shows them until the next good save",
                  file=sys.stderr)
        elif self.error:
            print(f"error: {self.error}; the preview shows it until the next good save", file=sys.stderr)
        elif was_failing:
            print("✓ the problems are fixed; the preview shows the site again", file=sys.stderr)

    def problems_page(self) -> bytes:
        """The page every address of the preview shows while the last rebuild failed."""
        if self.problems:
            items = "".join(problem_html(p, self.config_file.parent) for p in self.problems)
            heading = summary(self.problems, 0).lstrip("✗ ")
        else:
            items = f"<li><span class=msg>{html.escape(self.error or '')}</span></li>"
            heading = "the site could not be built"
        return PROBLEMS_PAGE.format(heading=html.escape(heading), items=items, frame_css=FRAME_CSS).encode("utf-8")


def describe_failure(err: Exception) -> str:
    if isinstance(err, jinja2.TemplateSyntaxError):
        return f"a theme template failed ({err.filename}:{err.lineno}): {err}"
    if isinstance(err, jinja2.TemplateError):
        return f"a theme template failed: {err}"
    return str(err) if isinstance(err, HelpCenterError) else f"the build failed: {err}"


PROBLEMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Preview: {heading}</title>
<style>
body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}}
h1{{font-size:1.4rem;color:#a4471c}} li{{margin:.8rem 0}} code{{font-size:.95rem;background:#f3f1ee;padding:0 .3rem}}
.field{{font-weight:600}} {frame_css}
</style></head>
<body><main>
<h1>Preview: {heading}</h1>
<p>Nothing is published from the preview. Fix these in your editor and save: this page reloads by itself.</p>
<ol class="problems">{items}</ol>
</main></body></html>
"""


def _site_path(path: str) -> str:
    """The site path a request path names (``/a/b/`` -> ``a/b/index.html``)."""
    if path.endswith("/"):
        path += "index.html"
    return posixpath.normpath("/" + path).lstrip("/")


def _is_page_request(path: str) -> bool:
    return path.endswith(("/", ".html")) and not path.startswith("/livereload/")


def _with_cors(start_response: StartResponse) -> StartResponse:
    """The embedded widget on the development store's demo page fetches the preview's files (as ``_headers`` says)."""
    def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
        return start_response(status, [*headers, ("Access-Control-Allow-Origin", "*")], *args)
    return start


def serve_from_preview(server: Any, preview: Preview) -> None:
    """Render what a request needs first; answer pages with the problems page while the last rebuild failed."""
    serve_files = server.serve_request

    def serve_request(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith("/livereload/"):
            return serve_files(environ, start_response)  # type: ignore[no-any-return]
        epoch = internals.wait_for_rebuild(server)  # answer once the rebuild in progress, if any, is over
        preview.render(_site_path(path))
        if not (preview.failed and _is_page_request(path)):
            answer = _with_cors(start_response) if "/assets/" in path else start_response
            return serve_files(environ, answer)  # type: ignore[no-any-return]
        body = internals.inject_live_reload(server, preview.problems_page(), epoch)
        start_response("500 Internal Server Error",
                       [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    def not_found_page(code: int) -> bytes | None:
        if code == 404 and preview.render("404.html"):
            return (preview.site_dir / "404.html").read_bytes()
        return None

    server.set_app(serve_request)
    server.error_handler = not_found_page


POLLING_INTERVAL = 0.1
"""MkDocs polls every 0.5 s: a save is seen sooner, for a little of a core while idle (benchmarks/README.md)."""
BUILD_DELAY = 0.0
"""MkDocs waits for changes to settle, but they are only seen at a poll, so a wait shorter than the polling
interval never sees a second one: it only delayed every rebuild."""


def serve_preview(config_file: Path, host: str, port: int) -> None:
    """Serve the site with live reload; content/, theme/, docs/ and mkdocs.yml are watched."""
    from mkdocs.livereload import LiveReloadServer

    site_dir = Path(tempfile.mkdtemp(prefix="helpcenter-preview-"))
    serve_url = internals.serve_url(host, port)
    preview = Preview(config_file.resolve(), site_dir, serve_url)
    try:
        with mkdocs_logging(verbose=False):
            logging.getLogger("mkdocs").handlers[-1].setLevel(logging.INFO)
            server = LiveReloadServer(builder=preview.rebuild, host=host, port=port, root=str(site_dir),
                                      polling_interval=POLLING_INTERVAL)
            server.build_delay = BUILD_DELAY
            serve_from_preview(server, preview)
            preview.rebuild()
            _watch(server, preview)
            try:
                server.serve()  # type: ignore[no-untyped-call]
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _watch(server: Any, preview: Preview) -> None:
    """mkdocs.yml, docs/, the theme's custom_dir and (through the plugin's on_serve) content/."""
    server.watch(str(preview.config_file))
    try:
        config = preview.load_config()
    except Exception:  # a broken mkdocs.yml: watch the usual folders until it is fixed
        for folder in ("docs", "theme", "content"):
            if (preview.config_file.parent / folder).is_dir():
                server.watch(str(preview.config_file.parent / folder))
        return
    server.watch(config.docs_dir)
    config.plugins.on_serve(server, config=config, builder=preview.rebuild)
    for item in config.watch:
        server.watch(item)
