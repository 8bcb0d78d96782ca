"""A busy port is one line that names it and a free one to pick: `helpcenter serve` (with `--demo-store`,
or `--built`) and `python -m devstore`, exit 1, no traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from generator.ports import bind_problem, free_port_near
from tests.conftest import REPO


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        yield taken.getsockname()[1]


def test_a_busy_port_is_named_with_a_free_one_to_pick(busy_port: int) -> None:
    problem = bind_problem("127.0.0.1", busy_port, "helpcenter serve")
    free = free_port_near("127.0.0.1", busy_port)
    assert free is not None and free > busy_port
    assert problem == (f"port {busy_port} on 127.0.0.1 is already in use (another preview or program is listening "
                       f"there); stop it, or pick another port: helpcenter serve --port {free}")


def test_a_free_port_and_port_zero_are_fine(busy_port: int) -> None:
    free = free_port_near("127.0.0.1", busy_port)
    assert free is not None
    assert bind_problem("127.0.0.1", free, "helpcenter serve") is None
    assert bind_problem("127.0.0.1", 0, "helpcenter serve") is None


def test_an_address_of_another_machine_is_one_line_too() -> None:
    problem = bind_problem("192.0.2.1", 8000, "helpcenter serve")  # TEST-NET-1: never this machine's
    assert problem is not None and problem.startswith("cannot listen on 192.0.2.1:8000: ")


@pytest.mark.parametrize(("command", "shown"), [
    (["-m", "generator", "serve"], "helpcenter serve --port"),
    (["-m", "generator", "serve", "--demo-store"], "helpcenter serve --demo-store --port"),
    (["-m", "devstore"], "python -m devstore --port"),
])
def test_each_server_says_it_in_one_line(busy_port: int, command: list[str], shown: str) -> None:
    result = subprocess.run([sys.executable, *command, "--port", str(busy_port)], cwd=REPO, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: port {busy_port} on 127.0.0.1 is already in use") and shown in lines[0]
    assert "Development store" not in result.stdout + result.stderr  # nothing was started first
