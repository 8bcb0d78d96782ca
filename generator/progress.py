"""What a long build is doing, for the person waiting: one updating line on a terminal, a plain line
every few seconds in CI logs, nothing with ``--quiet``.

The core and the build report through the module-level functions (``stage``, ``step``), which do
nothing unless a command started a ``Progress``: the core stays free of printing and of MkDocs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

LOG_INTERVAL = 5.0
"""Seconds between two lines in a log (CI): often enough to show life, rarely enough to read."""


class Progress:
    def __init__(self, stream: TextIO, interactive: bool) -> None:
        self.stream = stream
        self.interactive = interactive
        self.name = ""
        self.last_line = 0.0
        self.started = time.monotonic()

    def stage(self, name: str) -> None:
        self.name = name
        self._show(name, force=True)

    def step(self, done: int, total: int) -> None:
        self._show(f"{self.name}: {done} of {total}", force=done == total)

    def _show(self, text: str, force: bool) -> None:
        now = time.monotonic()
        if self.interactive:
            if force or now - self.last_line >= 0.1:  # a terminal redraws cheaply, but not 5,000 times
                self.stream.write(f"\r\x1b[K{text} …")
                self.stream.flush()
                self.last_line = now
        elif force or now - self.last_line >= LOG_INTERVAL:
            self.stream.write(f"[{now - self.started:5.1f} s] {text}\n")
            self.stream.flush()
            self.last_line = now

    def clear(self) -> None:
        if self.interactive:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


_ACTIVE: list[Progress] = []


@contextmanager
def showing_progress(quiet: bool, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """Report the stages of what runs inside the block on ``stream`` (stderr), unless ``quiet``."""
    if quiet:
        yield None
        return
    stream = stream or sys.stderr
    progress = Progress(stream, interactive=stream.isatty())
    _ACTIVE.append(progress)
    try:
        yield progress
    finally:
        _ACTIVE.remove(progress)
        progress.clear()


def stage(name: str) -> None:
    for progress in _ACTIVE:
        progress.stage(name)


def step(done: int, total: int) -> None:
    for progress in _ACTIVE:
        progress.step(done, total)
