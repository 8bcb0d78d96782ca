"""Results the core computed for an earlier version of the same content, reused by value.

The preview (``helpcenter serve``) generates the site again in one process after every save, and
most files, pages and search documents have not changed. A memo maps a key that holds *every* input
of a pure computation to its result, so a hit is exactly what computing again would give; nothing is
invalidated by hand. Only what the last generation used is kept, so memory stays at one site's worth.
Off unless ``enable()`` was called: a one-shot build would pay for the keys and gain nothing.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

V = TypeVar("V")

class _Switch:
    on = False
    saved_only = False


_SWITCH = _Switch()
_MEMOS: list[Memo[Any]] = []
_HEADER = 32  # sha256 of the pickled entries
_MISSING: Any = object()


class Memo(Generic[V]):
    def __init__(self, name: str, saved: bool = True) -> None:
        self.name = name
        """Names the memo's entries in a saved file."""
        self.saved = saved
        """Whether ``save`` keeps it: not for results bigger on disk than they are slow to compute."""
        self._previous: dict[Hashable, V] = {}
        self._current: dict[Hashable, V] = {}
        self._computed: set[Hashable] | None = None
        """Keys computed (not taken from the last generation) since ``marks``, in a fork: see ``added_since``."""
        _MEMOS.append(self)

    @property
    def active(self) -> bool:
        """Whether ``get`` keeps results; when not, a caller can skip preparing them for keeping."""
        return _SWITCH.on and not (_SWITCH.saved_only and not self.saved)

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        if not _SWITCH.on or (_SWITCH.saved_only and not self.saved):
            return compute()
        # Two dictionary operations at most: a tuple's hash is computed again by each one, and a
        # generation asks tens of thousands of times.
        value = self._current.get(key, _MISSING)
        if value is _MISSING:
            value = self._previous.pop(key, _MISSING)
            if value is _MISSING:
                value = compute()
                if self._computed is not None:
                    self._computed.add(key)
            self._current[key] = value
        return cast(V, value)

    def _next_generation(self) -> None:
        self._previous, self._current = self._current, {}



def enable(saved_only: bool = False) -> None:
    """Keep results across generations: all of them in the preview's process; in a build, only those
    ``save`` writes (keeping the others alive would only slow the garbage collector down)."""
    _SWITCH.on = True
    _SWITCH.saved_only = saved_only


def next_generation() -> None:
    """Start generating the site again: what this generation does not use is dropped after it."""
    for memo in _MEMOS:
        memo._next_generation()


Added = dict[str, list[tuple[Hashable, Any]]]
"""Entries a generation added to each memo, by the memo's name (``added_since``)."""


def marks() -> dict[str, int]:
    """How many entries each memo holds now; ``added_since`` gives what came after."""
    for memo in _MEMOS:
        memo._computed = set()
    return {memo.name: len(memo._current) for memo in _MEMOS}


def added_since(marks: dict[str, int]) -> Added:
    """What this generation added since ``marks``, in a fork of the process, to send back to it: the
    value of what was computed, only the key of what came from the last generation (the parent has
    it too). A generation only adds to ``_current``, and dicts keep their order: the new are last."""
    added: Added = {}
    for memo in _MEMOS:
        start = marks.get(memo.name, 0)
        if memo.active and len(memo._current) > start:
            computed = memo._computed or set()
            added[memo.name] = [(key, value if key in computed else _FROM_LAST)
                                for key, value in list(memo._current.items())[start:]]
    return added


class _FromLast:
    """Stands for a value the receiving process has in its last generation (pickled as itself)."""

    def __reduce__(self) -> str:
        return "_FROM_LAST"


_FROM_LAST = _FromLast()


def adopt(added: Added) -> None:
    """Keep what a fork used for this generation as if used here."""
    by_name = {memo.name: memo for memo in _MEMOS}
    for name, entries in added.items():
        memo = by_name[name]
        for key, value in entries:
            kept = memo._previous.pop(key, _MISSING)
            if value is not _FROM_LAST:
                memo._current[key] = value
            elif kept is not _MISSING:
                memo._current[key] = kept
            # else this process used it too, meanwhile: it is in _current already


def save(path: Path) -> None:
    """Write what the last generation used, whole or not at all (``helpcenter build``'s cache).

    Pickled straight into the file, checksum first: a pickle in memory, then a compressed copy of
    it, was most of a cold build's extra peak memory, and compressing cost more than it saved."""
    entries = {memo.name: memo._current for memo in _MEMOS if memo.saved}
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as out, _collector_paused():
        out.write(bytes(_HEADER))
        digest = hashlib.sha256()
        pickle.Pickler(_Hashing(out, digest), protocol=pickle.HIGHEST_PROTOCOL).dump(entries)
        out.seek(0)
        out.write(digest.digest())
    os.replace(out.name, path)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a memo file is written or read: unpickling a site's worth of
    objects (tens of thousands of pages, documents and tuples) set it off again and again, and it took
    two thirds of the time; nothing made meanwhile is garbage."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _Hashing:
    """A file that hashes what is written to it."""

    def __init__(self, out: Any, digest: Any) -> None:
        self.out, self.digest = out, digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return int(self.out.write(data))


def load(path: Path) -> bool:
    """Start from the entries ``save`` wrote; False (and nothing loaded) when the file is damaged.

    The file is our own, under the project's .cache/, and checked against its checksum before it is
    unpickled; its name carries the version of the code that wrote it (see the callers)."""
    try:
        stored = path.read_bytes()
    except OSError:
        return True  # no cache yet: nothing is wrong
    if hashlib.sha256(stored[_HEADER:]).digest() != stored[:_HEADER]:
        return False
    # What is loaded lives as long as the build (a site's worth of objects, none in a cycle): frozen out
    # of the cycle collector's reach, else its first collections walk all of it again and again (0.15 s
    # CPU of a one-edit build's generator stage at 5,000 articles). Garbage is collected first, so none
    # is frozen with it (a process that builds several times, like the tests, would keep it).
    gc.collect()
    with _collector_paused():
        entries = pickle.loads(memoryview(stored)[_HEADER:])
    for memo in _MEMOS:
        memo._current = dict(entries.get(memo.name, {}))
    gc.freeze()
    return True
