"""Preview measurements for the build benchmark: what an editor waits for after a save.

The preview's save-to-served latency: from writing a content file to the preview serving the changed
page (an edited answer, an added article, the same article removed), polled over HTTP like a browser
that reloads, with the server already running (``helpcenter serve`` or, for plain Material,
``mkdocs serve``).
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 1800.0
"""The first build of a preview at 5,000 articles on a busy 2-core machine."""
CHANGE_TIMEOUT = 900.0
ADDED_ID = "benchmark-added-article"


@dataclass
class PreviewLatency:
    edit: float
    add: float | None = None
    remove: float | None = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=CHANGE_TIMEOUT) as response:  # localhost only
            return int(response.status), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return int(err.code), err.read().decode("utf-8", "replace")


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> float:
    """Seconds until ``predicate`` holds, polling every 20 ms."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            if predicate():
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"benchmark: {what} not served after {timeout:.0f} s")


def _edit_answer(faq: Path, article_id: str, marker: str) -> None:
    text = faq.read_text("utf-8")
    at = text.index(f"- id: {article_id}\n")
    answer = text.index("answer: |\n", at) + len("answer: |\n")
    indent = re.match(r" *", text[answer:])
    start = answer + (indent.end() if indent else 0)
    faq.write_text(f"{text[:start]}{marker} {text[start:]}", "utf-8")


def _added_question() -> str:
    return (f"- id: {ADDED_ID}\n  question: Is this the article the benchmark added?\n"
            "  answer: |\n    Yes: the benchmark added it to time the preview.\n")


def measure_helpcenter_preview(project: Path, command: Sequence[str], article_url: str) -> PreviewLatency:
    """Edit, add and remove an article under a running ``helpcenter serve``."""
    category, article_id = article_url.strip("/").split("/")
    faq = project / "content" / "faq" / f"{category}.yml"
    original = faq.read_text("utf-8")
    with _server(project, [*command, "serve", "--port"]) as base:
        page = base + article_url
        _wait(lambda: _get(page)[0] == 200, START_TIMEOUT, "the first page")
        started = time.perf_counter()
        _edit_answer(faq, article_id, "Benchmarked-edit.")
        _wait(lambda: "Benchmarked-edit." in _get(page)[1], CHANGE_TIMEOUT, "the edited answer")
        edit = time.perf_counter() - started
        added = f"{base}{category}/{ADDED_ID}/"
        started = time.perf_counter()
        faq.write_text(faq.read_text("utf-8").rstrip("\n") + "\n" + _added_question(), "utf-8")
        _wait(lambda: _get(added)[0] == 200, CHANGE_TIMEOUT, "the added article")
        add = time.perf_counter() - started
        started = time.perf_counter()
        faq.write_text(original, "utf-8")
        _wait(lambda: _get(added)[0] == 404, CHANGE_TIMEOUT, "the removal")
        remove = time.perf_counter() - started
    return PreviewLatency(edit, add, remove)


def measure_plain_preview(project: Path, command: Sequence[str], article_url: str) -> PreviewLatency:
    """Edit one article under a running ``mkdocs serve`` (it rebuilds every page for any change)."""
    page_file = project / "docs" / (article_url.strip("/") + ".md")
    with _server(project, [*command, "serve", "--dev-addr"], address=True) as base:
        page = base + article_url
        _wait(lambda: _get(page)[0] == 200, START_TIMEOUT, "the first page")
        started = time.perf_counter()
        page_file.write_text(page_file.read_text("utf-8") + "\nBenchmarked-edit.\n", "utf-8")
        _wait(lambda: "Benchmarked-edit." in _get(page)[1], CHANGE_TIMEOUT, "the edited page")
        return PreviewLatency(time.perf_counter() - started)


class _server:
    """A preview server in its own process, on a free port, stopped on exit."""

    def __init__(self, project: Path, command: list[str], address: bool = False) -> None:
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}/"
        self.command = [*command, f"127.0.0.1:{port}" if address else str(port)]
        self.project = project

    def __enter__(self) -> str:
        log = (self.project / "serve.log").open("wb")
        self.process = subprocess.Popen(self.command, cwd=self.project, stdout=log, stderr=subprocess.STDOUT)
        return self.base

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
