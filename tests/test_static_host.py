"""`helpcenter serve --built` (generator/static_host.py): the built site served as a static host serves it."""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.static_host import make_server
from tests.helpers import free_port, wait_for


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site: pages in folders, a 404 page, assets of each type the build writes."""
    files = {
        "index.html": "<!doctype html><title>Home</title>",
        "404.html": "<!doctype html><title>We couldn't find that page</title>",
        "orders/index.html": "<!doctype html><title>Orders</title>",
        "assets/hc.css": "body { color: black }" * 50,
        "assets/hc.js": "console.log(1)",
        "assets/search/index.json": "{}",
        "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "sitemap.xml": "<urlset/>",
        "robots.txt": "User-agent: *",
        "empty/.keep": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def running(server: ThreadingHTTPServer) -> str:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture
def host(site: Path) -> Iterator[str]:
    server = make_server(site, "127.0.0.1", 0, quiet=True)
    yield running(server)
    server.shutdown()
    server.server_close()


def get(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # localhost only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


UNKNOWN = ["nowhere/", "orders/missing-article/", "assets/nothing.js", "empty/", "../etc/passwd"]


@pytest.mark.parametrize("path", UNKNOWN)
def test_an_unknown_address_gets_the_sites_404_page_with_status_404(host: str, path: str) -> None:
    status, headers, body = get(host + path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"We couldn't find that page" in body


@pytest.mark.parametrize(("path", "content_type"), [
    ("", "text/html; charset=utf-8"),
    ("orders/", "text/html; charset=utf-8"),
    ("assets/hc.css", "text/css; charset=utf-8"),
    ("assets/hc.js", "text/javascript; charset=utf-8"),
    ("assets/search/index.json", "application/json"),
    ("assets/logo.svg", "image/svg+xml"),
    ("sitemap.xml", "application/xml"),
    ("robots.txt", "text/plain; charset=utf-8"),
])
def test_files_are_served_with_the_types_hosts_use(host: str, path: str, content_type: str) -> None:
    status, headers, _ = get(host + path)
    assert (status, headers["Content-Type"]) == (200, content_type)


def test_a_folder_without_its_slash_is_redirected_to_it(host: str) -> None:
    request = urllib.request.Request(host + "orders")
    with urllib.request.urlopen(request, timeout=5) as response:  # follows the redirect
        assert response.url == host + "orders/"
        assert b"<title>Orders</title>" in response.read()


def test_text_is_gzipped_when_the_browser_accepts_it(host: str, site: Path) -> None:
    status, headers, body = get(host + "assets/hc.css", gzip_ok=True)
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "assets/hc.css").read_bytes()
    _, plain_headers, plain = get(host + "assets/hc.css")
    assert "Content-Encoding" not in plain_headers
    assert plain == (site / "assets/hc.css").read_bytes()


def test_gzip_can_be_turned_off(site: Path) -> None:
    server = make_server(site, "127.0.0.1", 0, use_gzip=False, quiet=True)
    try:
        _, headers, _ = get(running(server) + "assets/hc.css", gzip_ok=True)
        assert "Content-Encoding" not in headers
    finally:
        server.shutdown()
        server.server_close()


def test_a_folder_that_is_not_a_built_site_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no built site here .*run `helpcenter build` first"):
        make_server(tmp_path, "127.0.0.1", 0)


def test_the_cli_serves_the_built_site(site: Path, tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--built", "-d", str(site), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: get(f"http://127.0.0.1:{port}/nowhere")[0] == 404, 20), "the server did not come up"
        assert b"We couldn't find that page" in get(f"http://127.0.0.1:{port}/nowhere")[2]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_cli_says_when_there_is_nothing_built(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "generator", "serve", "--built", "-d", str(tmp_path / "site")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 1
    assert "run `helpcenter build` first" in result.stderr
    assert "Traceback" not in result.stderr
