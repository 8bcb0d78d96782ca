"""``helpcenter serve --built``: the built ``site/`` served the way a static host serves it.

``python3 -m http.server`` answers an unknown address with its own bare error page; a static host (GitHub
Pages, Netlify, S3 with an error document, nginx with ``error_page``) answers with the site's ``404.html``.
This server does the same, with the content types hosts use for the site's files and, when the browser
accepts it, gzip for text, so a preview shows what shoppers will get. Standard library only: it is a
preview, not a production server.
"""

from __future__ import annotations

import functools
import gzip
import http
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.errors import ConfigError

NOT_FOUND_PAGE = "404.html"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".gz": "application/gzip",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
}
"""Types by file suffix; anything else gets Python's guess from ``mimetypes``."""
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".webmanifest")


class StaticHostHandler(SimpleHTTPRequestHandler):
    """GET and HEAD of files under the site folder; ``404.html`` (status 404) for anything missing."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}  # noqa: RUF012 (the base class reads it)
    use_gzip = True
    quiet = False

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.partition("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's address with a trailing '/'
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._send_file(self._nearest_not_found_page(path), http.HTTPStatus.NOT_FOUND)
        return self._send_file(path, http.HTTPStatus.OK)

    def _nearest_not_found_page(self, missing: Path) -> Path:
        """The 404.html of the closest folder that has one (a locale's, /fr/404.html), as Cloudflare Pages
        does; the site's own at the root otherwise."""
        root = Path(self.directory).resolve()
        folder = missing.parent.resolve()
        while folder != root and folder.is_relative_to(root):
            if (folder / NOT_FOUND_PAGE).is_file():
                return folder / NOT_FOUND_PAGE
            folder = folder.parent
        return root / NOT_FOUND_PAGE

    def _send_file(self, path: Path, status: http.HTTPStatus) -> Any:
        if not path.is_file():  # a site without 404.html: the plain error, as a host without one would
            self.send_error(http.HTTPStatus.NOT_FOUND, "File not found")
            return None
        body = path.read_bytes()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = self.use_gzip and accepts_gzip and path.suffix in COMPRESSIBLE
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")  # a preview: always the latest build
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)


class _Body:
    """What ``send_head`` returns and ``do_GET`` copies out (``do_HEAD`` only closes it)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        self.data = b""


def make_server(site_dir: Path, host: str, port: int, *, use_gzip: bool = True,
                quiet: bool = False) -> ThreadingHTTPServer:
    """A server of ``site_dir`` bound to host:port (0 for any free port); the caller runs serve_forever()."""
    if not (site_dir / "index.html").is_file():
        raise ConfigError(f"{site_dir}: no built site here (index.html is missing); run `helpcenter build` first")
    handler = type("Handler", (StaticHostHandler,), {"use_gzip": use_gzip, "quiet": quiet})
    try:
        server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site_dir)))
    except OSError as err:
        raise ConfigError(f"cannot serve on {host}:{port}: {err.strerror}; try another --port") from None
    server.daemon_threads = True
    return server


def serve_built(site_dir: Path, host: str, port: int, *, use_gzip: bool = True) -> None:
    """Serve until Ctrl-C."""
    server = make_server(site_dir, host, port, use_gzip=use_gzip)
    print(f"Serving the built site {site_dir} on http://{host}:{server.server_address[1]}/ "
          "(404.html for unknown addresses; Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    finally:
        server.server_close()
