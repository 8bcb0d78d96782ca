"""The page cache gives back exactly what a successful build stored, or nothing (never a damaged page)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.forking import fork_map
from generator.mkdocs.pagecache import PageCache, published_copy


def stored(folder: Path, pages: dict[str, bytes], site: Path | None = None) -> None:
    cache = PageCache(folder)
    for key, html in pages.items():
        cache.put(key, b"state of " + key.encode(), html)
    cache.commit(site or folder, {})


def test_a_committed_build_s_entries_come_back_in_the_next_build(tmp_path: Path) -> None:
    stored(tmp_path, {"a": b"<p>A</p>", "b": b"<p>B</p>"})
    cache = PageCache(tmp_path)
    entry = cache.get("a")
    assert entry is not None and (entry.state, entry.html) == (b"state of a", b"<p>A</p>")
    assert cache.get("c") is None and cache.broken == 0


def test_only_what_the_last_successful_build_used_is_kept(tmp_path: Path) -> None:
    stored(tmp_path, {"a": b"A" * 100, "b": b"B" * 100})
    cache = PageCache(tmp_path)
    assert cache.get("a") is not None  # a reused, b not: b is no longer part of the cache
    cache.put("c", b"s", b"C" * 100)
    cache.commit(tmp_path, {})
    again = PageCache(tmp_path)
    assert again.get("a") is not None and again.get("c") is not None and again.get("b") is None


def test_a_failed_build_leaves_the_last_successful_cache_as_it_was(tmp_path: Path) -> None:
    stored(tmp_path, {"a": b"A" * 100, "b": b"B" * 100})
    size = (tmp_path / "pages.pack").stat().st_size
    cache = PageCache(tmp_path)
    cache.get("a"), cache.get("b")
    cache.put("c", b"s", b"a page that rendered with a warning")
    cache.discard()
    assert (tmp_path / "pages.pack").stat().st_size == size
    again = PageCache(tmp_path)
    assert again.get("c") is None and again.get("a") is not None and again.get("b") is not None


def test_a_build_that_reuses_little_writes_a_fresh_pack(tmp_path: Path) -> None:
    stored(tmp_path, {f"old{n}": b"x" * 1000 for n in range(10)})
    cache = PageCache(tmp_path)
    assert cache.get("old1") is not None
    cache.put("new", b"s", b"y" * 1000)
    cache.commit(tmp_path, {})
    assert (tmp_path / "pages.pack").stat().st_size < 3000  # old1 and new, not the ten old entries
    again = PageCache(tmp_path)
    assert again.get("old1") is not None and again.get("new") is not None


def test_damaged_entries_are_reported_and_never_given_back(tmp_path: Path) -> None:
    stored(tmp_path, {"a": b"<p>AAAA</p>", "b": b"<p>BBBB</p>"})
    pack = tmp_path / "pages.pack"
    data = bytearray(pack.read_bytes())
    data[data.index(b"AAAA")] ^= 0xFF  # a page's HTML
    data[data.index(b"state of b")] ^= 0xFF  # another page's state
    pack.write_bytes(bytes(data))
    cache = PageCache(tmp_path)
    assert cache.get("a") is None and cache.get("b") is None and cache.broken == 2
    # Without its HTML (linked from the published site instead), a's state is still good.
    assert PageCache(tmp_path).get("a", with_html=False) is not None


def test_a_pack_replaced_or_truncated_under_its_index_is_not_read(tmp_path: Path) -> None:
    stored(tmp_path, {"a": b"A" * 100})
    pack = tmp_path / "pages.pack"
    pack.write_bytes(pack.read_bytes()[:-10])
    cache = PageCache(tmp_path)
    assert cache.get("a") is None and cache.broken == 1
    stored(tmp_path / "other", {"a": b"A" * 100})
    os.replace(tmp_path / "other" / "pages.pack", pack)  # well formed, but another build's pack
    cache = PageCache(tmp_path)
    assert cache.get("a") is None and cache.broken == 1
    (tmp_path / "pages.index").write_text("{not json", "utf-8")
    assert PageCache(tmp_path).broken == 1


def test_entries_written_by_forks_join_the_pack(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    cache.put("first", b"s", b"rendered here before the forks")
    cache.flush()
    keys = [f"page{n}" for n in range(12)]
    _, parts = fork_map(lambda key: cache.put(key, b"s", key.encode() * 50), keys, workers=3,
                        finish=cache.close_part)
    for part in parts:
        cache.absorb(part)
    cache.commit(tmp_path, {})
    again = PageCache(tmp_path)
    for key in keys:
        entry = again.get(key)
        assert entry is not None and entry.html == key.encode() * 50
    assert again.get("first") is not None and again.broken == 0
    assert not list(tmp_path.glob(".tmp-*"))


def test_an_unchanged_published_page_is_linked_not_written(tmp_path: Path) -> None:
    published, staging = tmp_path / "site", tmp_path / "staging"
    (published / "a").mkdir(parents=True)
    (published / "a" / "index.html").write_text("<p>A</p>", "utf-8")
    stored(tmp_path / "cache", {"key-a": b"<p>A</p>"})
    cache = PageCache(tmp_path / "cache")
    cache.get("key-a")
    cache.commit(published, {"a/index.html": "key-a"})
    record = PageCache(tmp_path / "cache").published["a/index.html"]
    target = staging / "a" / "index.html"
    assert not published_copy(published, "a/index.html", record, "another key", target)
    assert published_copy(published, "a/index.html", record, "key-a", target)
    assert target.read_text("utf-8") == "<p>A</p>" and target.stat().st_nlink == 2
    target.unlink()
    (published / "a" / "index.html").write_text("<p>edited by hand</p>", "utf-8")
    assert not published_copy(published, "a/index.html", record, "key-a", target)
