"""Python's cycle collector moved out of the preview's save-to-served path.

A save at 5,000 articles allocates a new site (the core's output, 5,000 files and pages) beside
the previous one, which crosses the collector's thresholds two or three times per save: each full
collection walks every live object, a quarter of the rebuild's CPU time, measured. With the
collector paused during a rebuild and the browser's first requests after it, one collection a
moment later frees the previous site instead, off the path (about half the time of those
collections together, since it runs once).
"""

from __future__ import annotations

import gc
import threading

COLLECT_AFTER = 1.0
"""Seconds after a rebuild: time for the browser to reload and fetch the page and its files."""
MAX_PAUSED_REBUILDS = 4
"""Saves in quicker succession than that collect at the start of the next rebuild, so memory stays bounded."""


class DeferredCollection:
    """Pauses the collector from the start of a rebuild until ``COLLECT_AFTER`` seconds after its end."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.paused_rebuilds = 0
        self.was_enabled = gc.isenabled()

    def pause(self) -> None:
        """Called as a rebuild starts (a collection already running finishes first)."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.paused_rebuilds == 0:
                self.was_enabled = gc.isenabled()
            elif self.paused_rebuilds >= MAX_PAUSED_REBUILDS:
                gc.collect()
                self.paused_rebuilds = 0
            gc.disable()
            self.paused_rebuilds += 1

    def resume_later(self) -> None:
        """Called as a rebuild ends: collect once the browser has been served."""
        with self.lock:
            self.timer = threading.Timer(COLLECT_AFTER, self._collect)
            self.timer.daemon = True
            self.timer.start()

    def _collect(self) -> None:
        with self.lock:
            if self.timer is None or self.timer is not threading.current_thread():
                return  # a rebuild started meanwhile: it collects later
            self.timer = None
            gc.collect()
            self.paused_rebuilds = 0
            if self.was_enabled:
                gc.enable()


DEFERRED_COLLECTION = DeferredCollection()
"""One per process: the collector is global, and tests run several previews in one process."""
