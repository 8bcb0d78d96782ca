"""The preview's cycle collector: paused during a rebuild, run once after it, never left off."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest

from generator.mkdocs import deferredgc
from generator.mkdocs.deferredgc import DeferredCollection


@pytest.fixture(autouse=True)
def collector_left_as_found(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(deferredgc, "COLLECT_AFTER", 0.05)
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


def wait_for(condition: object, timeout: float = 5) -> bool:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if callable(condition) and condition():
            return True
        time.sleep(0.01)
    return False


def cycle() -> None:
    a: list[object] = []
    a.append(a)


def test_a_rebuild_pauses_the_collector_and_it_runs_again_after_it() -> None:
    gc.enable()
    collection = DeferredCollection()
    collection.pause()
    assert not gc.isenabled()
    collection.resume_later()
    assert not gc.isenabled()  # still paused while the browser fetches the page
    assert wait_for(gc.isenabled)


def test_the_collection_after_a_rebuild_frees_its_cycles() -> None:
    gc.enable()
    collection = DeferredCollection()
    collection.pause()
    cycle()
    collection.resume_later()
    assert wait_for(gc.isenabled)
    assert gc.collect() == 0  # the deferred collection already found the cycle


def test_a_save_during_the_wait_postpones_the_collection() -> None:
    gc.enable()
    collection = DeferredCollection()
    collection.pause()
    collection.resume_later()
    collection.pause()  # the next save, before the collection ran
    time.sleep(0.2)
    assert not gc.isenabled()
    collection.resume_later()
    assert wait_for(gc.isenabled)


def test_saves_in_quick_succession_collect_now_and_then(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.enable()
    collection = DeferredCollection()
    for _ in range(deferredgc.MAX_PAUSED_REBUILDS):
        collection.pause()
        collection.resume_later()
    cycle()
    collections = gc.get_stats()[2]["collections"]
    collection.pause()  # one save too many without a pause: collects at its start
    assert gc.get_stats()[2]["collections"] == collections + 1
    collection.resume_later()
    assert wait_for(gc.isenabled)


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    collection = DeferredCollection()
    collection.pause()
    collection.resume_later()
    time.sleep(0.2)
    assert not gc.isenabled()
