"""The build's page cache: rendered pages by key, under ``.cache/helpcenter/``.

``pages.pack`` holds the entries, one after the other; ``pages.index`` says which of them the last
successful build used and where they are. A build appends its new entries to the pack and replaces
the index (atomically) only once it succeeded, so an interrupted or failed build leaves entries that
nothing names, and the next build writes over them. When most of the pack is such leftovers or
entries no build uses any more, the build writes a fresh pack instead.

Why not one file per page, or a new pack per build: at 5,000 pages creating files cost more than
storing pages, and copying every reused page into a new pack (170 MB) was most of a one-edit build.
Entries are not compressed (compressing every page cost a tenth of a cold build).

Each entry carries checksums of its page's state and of its HTML: a damaged entry is noticed when
it is read, reported and rendered again, never published. The index also records each published
page's file (size, modification time, inode) as the build wrote it, so that the next build can link
an unchanged page from the published site instead of writing it again (see ``published_copy``).
Deleting ``.cache/`` is always safe.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

INDEX_FORMAT = 1
_ID = 16
"""The pack starts with a random id the index names: an index never reads another pack's entries."""
_SUM = 32
FRESH_SHARE = 0.5
"""A build writes a fresh pack when what it reuses is less than this share of the old one."""


@dataclass(frozen=True)
class Entry:
    state: bytes
    html: bytes | None
    """None when not asked for."""


@dataclass(frozen=True)
class Part:
    """A fork's entries (forking.py): a file of its own, added to the pack by the parent."""

    path: str
    entries: dict[str, tuple[int, int, int]]


class PageCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pack_path = folder / "pages.pack"
        self.index_path = folder / "pages.index"
        self.reused = 0
        """Pages the build took from the cache (counted by the build)."""
        self.broken = 0
        """Damaged entries or files met; reported once, by the build (not as MkDocs' warning, which strict counts)."""
        self.entries: dict[str, tuple[int, int, int]] = {}
        """The last build's entries: key -> (offset, state size, HTML size)."""
        self.published: dict[str, list[Any]] = {}
        """The last build's pages: site path -> [key, size, mtime_ns, inode] of the file it wrote."""
        self._pack_id = b""
        self._length = 0
        self._view: memoryview | None = None
        self._used: dict[str, tuple[int, int, int]] = {}
        self._kept_bytes = 0
        self._out: IO[bytes] | None = None
        self._fresh = False
        self._writer = os.getpid()
        self._inherited: list[Any] = []
        self._remove_leftovers()
        self._load()

    # --- reading -------------------------------------------------------------------------------------

    def _remove_leftovers(self) -> None:
        """Parts and packs of interrupted builds (builds of one site take turns: see engine.build_lock)."""
        for leftover in self.folder.glob(".tmp-*"):
            leftover.unlink(missing_ok=True)

    def _load(self) -> None:
        try:
            index = json.loads(self.index_path.read_text("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            self.broken += 1
            return
        try:
            if index["format"] != INDEX_FORMAT:
                return
            pack_id, length = bytes.fromhex(index["pack"]), int(index["length"])
            entries = {str(k): (int(v[0]), int(v[1]), int(v[2])) for k, v in index["entries"].items()}
            published = {str(k): list(v) for k, v in index["published"].items()}
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            self.broken += 1
            return
        view = self._map(length)
        if view is None or bytes(view[:_ID]) != pack_id:
            self.broken += 1  # the pack was replaced, truncated or removed under its index
            return
        self._view, self._pack_id, self._length = view, pack_id, length
        self.entries, self.published = entries, published

    def _map(self, length: int) -> memoryview | None:
        """The pack's first ``length`` bytes, mapped: a build reads only what it reuses."""
        try:
            with self.pack_path.open("rb") as file:
                if os.fstat(file.fileno()).st_size < length or length < _ID:
                    return None
                return memoryview(mmap.mmap(file.fileno(), length, access=mmap.ACCESS_READ))
        except (OSError, ValueError):
            return None

    def get(self, key: str, with_html: bool = True) -> Entry | None:
        """The entry under ``key``, checked; None when there is none or it is damaged. Without
        ``with_html`` the page's HTML is neither read nor checked (the caller links the published file)."""
        where = self.entries.get(key)
        if where is None or self._view is None:
            return None
        offset, state_size, html_size = where
        end = offset + 2 * _SUM + state_size + html_size
        if end > self._length:
            self.broken += 1
            return None
        view = self._view
        state = bytes(view[offset + _SUM:offset + _SUM + state_size])
        html = None
        at = offset + _SUM + state_size
        ok = hashlib.sha256(state).digest() == view[offset:offset + _SUM]
        if ok and with_html:
            html = bytes(view[at + _SUM:end])
            ok = hashlib.sha256(html).digest() == view[at:at + _SUM]
        if not ok:
            self.broken += 1
            return None
        self._used[key] = where
        self._kept_bytes += end - offset
        return Entry(state, html)

    # --- writing -------------------------------------------------------------------------------------

    def put(self, key: str, state: bytes, html: bytes) -> None:
        out = self._output()
        offset = out.tell()
        out.write(hashlib.sha256(state).digest() + state + hashlib.sha256(html).digest() + html)
        self._used[key] = (offset, len(state), len(html))

    def _output(self) -> IO[bytes]:
        if self._out is not None and self._writer == os.getpid():
            return self._out
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._writer != os.getpid():  # in a fork: a part of its own, whose entries it sends back
            self._inherited.append(self._out)  # the parent's file object: never closed (nor flushed) here
            self._writer, self._used = os.getpid(), {}
            self._out = tempfile.NamedTemporaryFile(dir=self.folder, prefix=".tmp-part-", delete=False)  # noqa: SIM115 (closed by close_part)
            return self._out
        self._fresh = self._view is None or self._kept_bytes < FRESH_SHARE * (self._length - _ID)
        if self._fresh:  # most of the old pack is of no use any more: start a new one
            self._out = tempfile.NamedTemporaryFile(dir=self.folder, prefix=".tmp-pack-", delete=False)  # noqa: SIM115 (closed by commit or discard)
            self._pack_id = secrets.token_bytes(_ID)
            self._out.write(self._pack_id)
            self._copy_kept()
        else:  # after the last successful build's entries, over whatever a failed build left there
            self._out = self.pack_path.open("r+b")
            self._out.truncate(self._length)
            self._out.seek(self._length)
        return self._out

    def _copy_kept(self) -> None:
        """Into a fresh pack: the entries this build reused from the old one."""
        for key, (offset, state_size, html_size) in list(self._used.items()):
            assert self._view is not None and self._out is not None  # entries were reused from the old pack
            size = 2 * _SUM + state_size + html_size
            self._used[key] = (self._out.tell(), state_size, html_size)
            self._out.write(self._view[offset:offset + size])

    def flush(self) -> None:
        """Before forking: nothing of this process's buffer may be written again by a fork."""
        if self._out is not None:
            self._out.flush()

    def close_part(self) -> Part | None:
        """In a fork, after its share: its entries, for the parent's ``absorb``."""
        if self._out is None or self._writer != os.getpid():
            return None
        self._out.close()
        return Part(str(self._out.name), dict(self._used))

    def absorb(self, part: Part | None) -> None:
        """A fork's entries, into this build's pack."""
        if part is None:
            return
        out = self._output()
        base = out.tell()
        with open(part.path, "rb") as entries:
            shutil.copyfileobj(entries, out, 1 << 20)
        Path(part.path).unlink(missing_ok=True)
        for key, (offset, state_size, html_size) in part.entries.items():
            self._used[key] = (base + offset, state_size, html_size)

    def commit(self, site_dir: Path, pages: dict[str, str]) -> None:
        """The build succeeded: this build's entries become the cache. ``pages``: each page's key by its
        path in ``site_dir`` (the staging folder about to be published)."""
        if self._out is None:
            if self._view is None:
                return
            self._out = self.pack_path.open("r+b")  # nothing new: the same pack, the index of this build
            self._out.truncate(self._length)
            self._out.seek(self._length)
        self._out.flush()
        length = self._out.tell()
        name = self._out.name
        self._out.close()
        self._out = None
        published = {}
        for uri, key in pages.items():
            try:
                stat = os.stat(site_dir / uri)
            except OSError:
                continue
            published[uri] = [key, stat.st_size, stat.st_mtime_ns, stat.st_ino]
        index = {"format": INDEX_FORMAT, "pack": self._pack_id.hex(), "length": length,
                 "entries": {key: list(where) for key, where in self._used.items()}, "published": published}
        # Between these two replacements the index names the old pack: a cold build, never a wrong one.
        if self._fresh:
            os.replace(name, self.pack_path)
        self._write_index(index)

    def _write_index(self, index: dict[str, Any]) -> None:
        with tempfile.NamedTemporaryFile("w", dir=self.folder, prefix=".tmp-index-", delete=False,
                                         encoding="utf-8") as out:
            json.dump(index, out, separators=(",", ":"))
        os.replace(out.name, self.index_path)

    def discard(self) -> None:
        """A failed or interrupted build: the last successful build's index and entries stay as they were."""
        if self._out is None or self._writer != os.getpid():
            return
        name = self._out.name
        self._out.close()
        self._out = None
        if self._fresh:
            Path(name).unlink(missing_ok=True)
        else:
            os.truncate(self.pack_path, self._length)


def published_copy(published: Path, uri: str, record: list[Any] | None, key: str, target: Path) -> bool:
    """Link the page at ``uri`` of the published site into ``target`` when it is the page under ``key``,
    as the last build wrote it: same key, and the file untouched since (size, modification time, inode),
    as ``make`` and ``rsync`` compare files. Linking is a directory entry; writing 30 KB was most of
    reusing a page."""
    if record is None or record[0] != key:
        return False
    source = published / uri
    try:
        stat = os.stat(source)
        if [stat.st_size, stat.st_mtime_ns, stat.st_ino] != record[1:]:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
    except OSError:  # no published site, another file system, no hard links there: write the page
        return False
    return True
