"""Work shared between this process and forked copies of it, one per core.

A build spends most of its time rendering pages, each on its own; MkDocs renders them one after the
other on one core. Forking after MkDocs has gathered the site gives each copy the whole site at no
cost (copy-on-write) and no setup to repeat: each renders its share of the pages into the same staging
folder and sends back only what the build needs of them afterwards (small picklable results).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import mmap
import os
import pickle
import signal
import struct
import sys
import tempfile
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 8


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's)."""
    try:
        return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))
    except AttributeError:  # not Linux
        return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


class WorkerFailed(Exception):
    """A forked worker failed with an exception that could not travel back as itself."""


def fork_map(work: Callable[[T], R], items: Sequence[T], workers: int,
             finish: Callable[[], Any] = lambda: None,
             progress: Callable[[int], None] = lambda done: None) -> tuple[list[R], list[Any]]:
    """``[work(item) for item in items]``, shared between this process and ``workers - 1`` forks.

    Each fork runs ``finish()`` after its share and sends its result back (whatever it holds that
    the parent lacks: counts of warnings, files it wrote). Returns the results in the items' order
    and the forks' ``finish`` results. An exception in a fork is raised again here, after every
    fork has ended. ``progress`` gets the number of items done by all processes so far.
    """
    if workers <= 1 or len(items) < 2 * workers or not hasattr(os, "fork"):
        return _run_here(work, items, progress), []
    counters = mmap.mmap(-1, 8 * workers)  # shared with the forks: each counts its own items
    children: list[tuple[int, int]] = []
    parent = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # objects made before the fork stay out of the forks' collections: fewer pages copied
    try:
        for slot in range(1, workers):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the fork: never returns
                os.close(read_end)
                _run_fork(work, items[slot::workers], finish, write_end, counters, slot, parent)
            os.close(write_end)
            children.append((pid, read_end))
        mine = items[0::workers]
        results: list[Any] = [None] * len(items)
        for done, item in enumerate(mine, start=1):
            results[(done - 1) * workers] = work(item)
            struct.pack_into("<Q", counters, 0, done)
            progress(sum(struct.unpack_from(f"<{workers}Q", counters)))
        finished, failure = [], None
        for slot, (pid, read_end) in enumerate(children, start=1):
            outcome, payload = _collect(pid, read_end)
            if outcome == "ok":
                part, finish_result = payload
                for index, result in enumerate(part):
                    results[slot + index * workers] = result
                finished.append(finish_result)
            elif failure is None:
                failure = payload
        children.clear()
        if failure is not None:
            raise failure
        progress(len(items))
        return results, finished
    finally:
        gc.unfreeze()
        for pid, read_end in children:  # interrupted: stop the forks and reap them
            _stop(pid, read_end)


class Background(Generic[R]):
    """``work()`` running in a fork of this process while this one goes on; ``result()`` waits for it.

    The fork writes its result into an unnamed file, not a pipe, and ends: a result nobody asks for
    (a build that failed elsewhere) never keeps the fork, and the files it inherited, alive."""

    def __init__(self, work: Callable[[], R]) -> None:
        self._work = work
        self._child: tuple[int, int] | None = None
        if hasattr(os, "fork"):
            _reap_abandoned()
            sys.stdout.flush()
            sys.stderr.flush()
            output = tempfile.TemporaryFile()  # noqa: SIM115 (its descriptor is handed over below)
            handle = os.dup(output.fileno())
            output.close()
            parent = os.getpid()
            pid = os.fork()
            if pid == 0:
                _run_fork(lambda _: work(), [None], lambda: None, handle, mmap.mmap(-1, 8), 0, parent)
            self._child = (pid, handle)

    def result(self) -> R:
        """The work's result, or its exception raised here; computed here when this system cannot fork."""
        if self._child is None:
            return self._work()
        pid, handle = self._child
        self._child = None
        os.waitpid(pid, 0)
        with os.fdopen(handle, "rb") as output:
            output.seek(0)
            message = output.read()
        if not message:
            raise WorkerFailed("the search index's process ended without a result")
        outcome, payload = pickle.loads(message)
        if outcome != "ok":
            raise payload
        results, _ = payload
        return results[0]  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the fork (the work is no longer wanted: this process failed meanwhile)."""
        if self._child is not None:
            _stop(*self._child)
            self._child = None

    def __del__(self) -> None:
        if getattr(self, "_child", None) is not None:  # never asked for: ended or ending on its own
            pid, handle = self._child  # type: ignore[misc]
            with contextlib.suppress(OSError):
                os.close(handle)
            _ABANDONED.add(pid)


_ABANDONED: set[int] = set()
"""Forks whose result nobody asked for: reaped once they end (see ``_reap_abandoned``)."""


def _reap_abandoned() -> None:
    for pid in list(_ABANDONED):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _ABANDONED.discard(pid)


def _run_here(work: Callable[[T], R], items: Sequence[T], progress: Callable[[int], None]) -> list[R]:
    results = []
    for done, item in enumerate(items, start=1):
        results.append(work(item))
        progress(done)
    return results


def _run_fork(work: Callable[[Any], Any], share: Sequence[Any], finish: Callable[[], Any], write_end: int,
              counters: mmap.mmap, slot: int, parent: int) -> None:
    """The fork's life: its share, then its results down the pipe; it ends here, never returning into
    the parent's code (whose ``finally`` blocks would release the build's lock and remove its folders)."""
    status = 1
    _die_with(parent)
    try:
        results = []
        for done, item in enumerate(share, start=1):
            if os.getppid() != parent:  # the build was killed: its staging folder is no one's any more
                os._exit(1)
            results.append(work(item))
            struct.pack_into("<Q", counters, 8 * slot, done)
        message = pickle.dumps(("ok", (results, finish())), protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BaseException as err:  # everything goes back to the parent, which raises it
        message = _pickled_failure(err)
    try:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(message)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


def _die_with(parent: int) -> None:
    """Linux ends the fork the moment its parent dies (a killed build), not a page later."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # died before that took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _pickled_failure(err: BaseException) -> bytes:
    try:
        message = pickle.dumps(("failed", err), protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(message)  # some exceptions pickle but cannot be rebuilt
        return message
    except Exception:
        return pickle.dumps(("failed", WorkerFailed(f"{type(err).__name__}: {err}")))


def _collect(pid: int, read_end: int) -> tuple[str, Any]:
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not message:
        return "failed", WorkerFailed(f"a page-rendering process ended without a result (status {status})")
    outcome, payload = pickle.loads(message)
    return outcome, payload


def _stop(pid: int, read_end: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.close(read_end)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
