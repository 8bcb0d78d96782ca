"""fork_map shares work with forks of this process and gives back what a plain loop would."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.forking import Background, WorkerFailed, fork_map


def test_results_come_back_in_the_items_order_from_every_process() -> None:
    results, finished = fork_map(lambda n: (n * n, os.getpid()), list(range(20)), workers=3,
                                 finish=os.getpid)
    assert [square for square, _ in results] == [n * n for n in range(20)]
    pids = {pid for _, pid in results}
    assert len(pids) == 3 and os.getpid() in pids  # this process did its share, and two forks theirs
    assert sorted(finished) == sorted(pids - {os.getpid()})  # each fork's finish() came back


def test_one_worker_or_few_items_run_here_without_forking() -> None:
    for workers, items in ((1, range(10)), (4, range(5))):
        results, finished = fork_map(lambda _: os.getpid(), list(items), workers=workers)
        assert set(results) == {os.getpid()} and finished == []


def test_progress_counts_every_process_items_up_to_the_total() -> None:
    seen: list[int] = []
    fork_map(lambda n: n, list(range(12)), workers=2, progress=seen.append)
    assert seen[-1] == 12 and seen == sorted(seen)


def test_an_exception_in_a_fork_is_raised_here_as_itself() -> None:
    def work(n: int) -> int:
        if n == 7:  # 7 % 2 == 1: the fork's share
            raise ValueError(f"page {n} failed")
        return n

    with pytest.raises(ValueError, match="page 7 failed"):
        fork_map(work, list(range(10)), workers=2)


class _Unpicklable(Exception):
    def __init__(self, message: str, extra: object) -> None:
        super().__init__(message)
        self.extra = extra

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle")


def test_an_exception_that_cannot_travel_comes_back_described() -> None:
    def work(n: int) -> int:
        if n == 3:
            raise _Unpicklable("template broke", extra=lambda: None)
        return n

    with pytest.raises(WorkerFailed, match="_Unpicklable: template broke"):
        fork_map(work, list(range(6)), workers=2)


def test_a_fork_that_dies_is_a_failure_not_a_hang() -> None:
    def work(n: int) -> int:
        if n == 1:
            os._exit(3)
        return n

    with pytest.raises(WorkerFailed, match="without a result"):
        fork_map(work, list(range(6)), workers=2)


SLOW_MAP = """
import os, sys, time
from pathlib import Path
from generator.forking import fork_map

def work(n):
    Path(sys.argv[1], str(os.getpid())).touch()
    time.sleep(0.2)
    return n

fork_map(work, list(range(200)), workers=3)
"""


def test_forks_end_with_a_killed_parent(tmp_path: Path) -> None:
    """A killed build's forks must not go on writing into a staging folder the next build removes."""
    parent = subprocess.Popen([sys.executable, "-c", SLOW_MAP, str(tmp_path)], cwd=Path(__file__).parents[1])
    deadline = time.monotonic() + 30
    while len(list(tmp_path.iterdir())) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    forks = {int(p.name) for p in tmp_path.iterdir()} - {parent.pid}
    assert len(forks) == 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in forks) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in forks)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def test_background_work_runs_in_another_process_and_comes_back() -> None:
    job = Background(lambda: (os.getpid(), sum(range(1000))))
    pid, total = job.result()
    assert pid != os.getpid() and total == sum(range(1000))


def test_background_work_s_exception_is_raised_by_result() -> None:
    def fail() -> int:
        raise KeyError("search index")

    job = Background(fail)
    with pytest.raises(KeyError, match="search index"):
        job.result()


def test_cancelled_background_work_leaves_no_process() -> None:
    job = Background(lambda: time.sleep(30))
    assert job._child is not None
    pid = job._child[0]
    job.cancel()
    assert not _alive(pid)


def test_background_work_nobody_asks_for_ends_on_its_own() -> None:
    """A build that fails elsewhere never asks for its search index: the fork must not wait to hand it over."""
    job = Background(lambda: b"x" * 5_000_000)  # far more than a pipe holds
    assert job._child is not None
    pid = job._child[0]
    del job
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
