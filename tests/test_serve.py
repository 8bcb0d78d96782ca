"""The editor's preview: `helpcenter serve` rebuilds when a content file changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import copy_site_project

PAGE = "shipping-and-delivery/standard-shipping-time/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # localhost only
        return str(response.read().decode("utf-8"))


def wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():  # type: ignore[operator]
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.slow
def test_serve_reloads_when_content_changes(tmp_path: Path) -> None:
    root = copy_site_project(tmp_path)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        assert wait_for(lambda: "7–14 business days" in fetch(url), 60), "the preview did not come up"
        assert "livereload" in fetch(url)
        faq = root / "content" / "faq" / "shipping-and-delivery.yml"
        faq.write_text(faq.read_text("utf-8").replace("7–14 business days", "6–12 business days"), "utf-8")
        assert wait_for(lambda: "6–12 business days" in fetch(url), 60), "the preview did not pick up the change"
    finally:
        server.terminate()
        server.wait(timeout=20)
