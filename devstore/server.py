"""The HTTP layer of the development store: routes requests to api.py and storefront.py, and never logs them
beyond method, path and status (no query strings, bodies, emails or order numbers)."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from devstore import api, demo, events, storefront, testorders
from devstore.db import StoreDatabase
from devstore.ratelimit import RateLimiter
from generator.insights.events import MAX_BATCH_BYTES


@dataclass
class DevStoreOptions:
    host: str = "127.0.0.1"
    port: int = 0
    """0 picks a free port."""
    url_host: str | None = None
    """The host name in the store's URLs, if not the address it listens on (e.g. localhost)."""
    api_base: str = "/api/help"
    store_name: str = "Example Store"
    """The store's name on its pages: the help center's ``extra.store.name`` (``helpcenter serve --demo-store``
    and ``python -m devstore`` read it from mkdocs.yml)."""
    origins: frozenset[str] = frozenset()
    """Help-center origins allowed to call the API, besides any loopback origin (see allow_loopback)."""
    allow_loopback: bool = True
    lookups_per_minute: int = 10
    event_batches_per_minute: int = 60
    """POST /events batches per client and minute before 429 (a page sends one every 30 s at most)."""
    slow_seconds: float = 12.0
    test_orders: bool = True
    db_path: Path | None = None
    """None keeps the sample database in memory, fresh on every start."""
    help_center_url: str | None = None
    """Shown on the store's pages as a way back to the preview."""
    quiet: bool = False
    export_events: str | None = None
    """``python -m devstore --db F --export-events OUT``: write the events as JSON Lines and exit."""


EVENTS_EXPORT_PATH = "/dev/events.jsonl"
"""Where the store's pages offer the events received, as JSON Lines (``helpcenter insights`` reads them)."""


class DevStoreServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, options: DevStoreOptions) -> None:
        # Everything server_close() uses exists before binding: a failed bind calls it (a busy port).
        self.options = options
        self.stopping = threading.Event()
        self.db = StoreDatabase(options.db_path)
        self.limiter = RateLimiter(options.lookups_per_minute)
        self.event_limiter = RateLimiter(options.event_batches_per_minute)
        self.policy = api.OriginPolicy(options.origins, options.allow_loopback)
        self.test_order = testorders.responder(options.slow_seconds) if options.test_orders else None
        super().__init__((options.host, options.port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{self.options.url_host or host!s}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + self.options.api_base

    def server_close(self) -> None:
        self.stopping.set()  # wakes TEST-SLOW answers still waiting
        super().server_close()
        self.db.close()


class _Handler(BaseHTTPRequestHandler):
    server: DevStoreServer
    server_version = "DevStore/1"

    # --- dispatch ----------------------------------------------------------------------------------------

    def do_GET(self) -> None:
        path = self._path()
        if path == self._api("/session"):
            token = self._session_token()
            origin = self.headers.get("Origin")
            response = api.session(self.server.db, token)
            response.headers.update(api.cors_headers(self.server.policy, origin, credentials=True))
            self._send(response)
        elif path.startswith(self._api("/")):
            self._send(self._api_error(404, "not_found", "No such API endpoint."))
        elif path == EVENTS_EXPORT_PATH:
            self._send_export()
        elif path == demo.PATH:  # the embedded widget on a product page
            query = urlsplit(self.path).query
            self._send(demo.product_page(self.server.options.help_center_url, self.server.url, query))
        elif path == demo.STYLESHEET:
            self._send(demo.stylesheet())
        else:
            self._send(storefront.get(self._page_context(), path))

    def do_POST(self) -> None:
        path = self._path()
        if path == self._api("/events"):
            self._send(self._events())
            return
        body = self._read_body()
        if path == self._api("/orders/lookup"):
            self._send(self._lookup(body))
        elif path.startswith(self._api("/")):
            self._send(self._api_error(404, "not_found", "No such API endpoint."))
        else:
            form = dict(parse_qsl((body or b"").decode("utf-8", "replace")))
            self._send(storefront.post(self._page_context(), path, form))

    def do_OPTIONS(self) -> None:
        path = self._path()
        endpoint = path.removeprefix(self.server.options.api_base)
        if endpoint in ("/session", "/orders/lookup"):
            self._send(api.preflight(self.server.policy, self.headers.get("Origin"), endpoint))
        else:
            self._send(api.Response(404, content_type=""))

    # --- API ----------------------------------------------------------------------------------------------

    def _lookup(self, body: bytes | None) -> api.Response:
        wait = self.server.limiter.check(self.client_address[0]) if self._counts_against_limit(body) else None
        if wait is not None:
            response = api.error(
                429, "rate_limited", f"Too many lookups; try again in {wait} s.", {"Retry-After": str(wait)}
            )
        elif body is None:
            response = api.error(
                422, "invalid_request", f"Send a body of at most {api.MAX_BODY_BYTES} bytes."
            )
        else:
            response = api.lookup(
                self.server.db,
                self.server.url,
                body,
                self.headers.get("Content-Type"),
                self.server.test_order,
            )
        response.headers.update(
            api.cors_headers(self.server.policy, self.headers.get("Origin"), credentials=False)
        )
        return response

    def _counts_against_limit(self, body: bytes | None) -> bool:
        """The documented TEST-* orders are for trying each error message: an editor trying them all in a
        minute would otherwise meet the limit instead. Every other lookup counts, as in a real store."""
        if body is None or self.server.test_order is None:
            return True
        parsed = api.parse_lookup(body, self.headers.get("Content-Type"))
        return isinstance(parsed, str) or not testorders.is_test_order(parsed[0])

    def _events(self) -> api.Response:
        body = self._read_body(MAX_BATCH_BYTES)
        if body is None:
            length = self.headers.get("Content-Length", "")
            return events.too_large() if length.isdigit() else api.error(400, "invalid_request", "No Content-Length.")
        wait = self.server.event_limiter.check(self.client_address[0])
        if wait is not None:
            return events.rate_limited(wait)
        return events.accept(self.server.db, body, self.headers.get("Content-Type"))

    def _send_export(self) -> None:
        """GET /dev/events.jsonl: every event received, as the contract's JSON Lines (development only)."""
        body = "".join(events.export_lines(self.server.db.events())).encode("utf-8")
        headers = {"Cache-Control": "no-store", "Content-Disposition": 'inline; filename="events.jsonl"'}
        self._send(api.Response(200, body, "application/x-ndjson; charset=utf-8", headers))

    def _api_error(self, status: int, code: str, message: str) -> api.Response:
        response = api.error(status, code, message)
        response.headers.update(
            api.cors_headers(self.server.policy, self.headers.get("Origin"), credentials=False)
        )
        return response

    # --- helpers ------------------------------------------------------------------------------------------

    def _api(self, endpoint: str) -> str:
        return self.server.options.api_base + endpoint

    def _path(self) -> str:
        return urlsplit(self.path).path

    def _read_body(self, limit: int = api.MAX_BODY_BYTES) -> bytes | None:
        """The request body, or None when it is missing a length or too large (then the connection closes)."""
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            return None
        if not 0 <= length <= limit:
            self.close_connection = True
            return None
        return self.rfile.read(length)

    def _session_token(self) -> str | None:
        try:
            cookie = SimpleCookie(self.headers.get("Cookie", ""))
        except CookieError:
            return None
        morsel = cookie.get(storefront.SESSION_COOKIE)
        return morsel.value if morsel and morsel.value else None

    def _page_context(self) -> storefront.PageContext:
        token = self._session_token()
        customer = self.server.db.session_customer(token) if token else None
        opts = self.server.options
        return storefront.PageContext(self.server.db, opts.store_name, opts.help_center_url, customer, token)

    def _send(self, response: api.Response) -> None:
        if response.delay and self.server.stopping.wait(response.delay):
            return
        if response.drop:
            self.close_connection = True
            self.log_request("dropped")
            return
        self.send_response(response.status)
        if response.content_type:
            self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The default logs the whole request line; ours keeps the method and path only.
        if not self.server.options.quiet:
            sys.stderr.write(f"devstore: {self.command} {self._path()} {code}\n")

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.options.quiet:
            sys.stderr.write("devstore: " + (format % args) + "\n")


def start_in_thread(options: DevStoreOptions | None = None) -> DevStoreServer:
    """Start the store on a background thread; call ``stop(server)`` when done."""
    server = DevStoreServer(options or DevStoreOptions())
    thread = threading.Thread(target=server.serve_forever, name="devstore", daemon=True)
    thread.start()
    return server


def stop(server: DevStoreServer) -> None:
    server.shutdown()
    server.server_close()
