"""A busy port said in one line: which one is taken, and a free one to pick instead.

``helpcenter serve`` (with or without ``--demo-store``, or ``--built``) and ``python -m devstore`` share it,
so a second preview left running costs the editor one line to read, not a traceback.
"""

from __future__ import annotations

import errno
import socket

_NEARBY = 20


def bind_problem(host: str, port: int, command: str) -> str | None:
    """Why ``command`` could not listen on host:port, in one line; None when it can (or port is 0: any).
    The check binds as the servers do (address reuse on), so it refuses exactly what they would refuse."""
    if port == 0:
        return None
    try:
        _bind(host, port)
    except OSError as err:
        return describe(err, host, port, command)
    return None


def describe(err: OSError, host: str, port: int, command: str) -> str:
    """The one line for a failed bind of host:port."""
    if err.errno != errno.EADDRINUSE:
        return f"cannot listen on {host}:{port}: {err.strerror or err}; check --host and --port"
    free = free_port_near(host, port)
    choice = f"{command} --port {free}" if free else f"{command} --port with another number"
    return f"port {port} on {host} is already in use (another preview or program is listening there); " \
           f"stop it, or pick another port: {choice}"


def free_port_near(host: str, port: int) -> int | None:
    """The first port after ``port`` this machine lets us listen on, to suggest."""
    for candidate in range(port + 1, min(port + _NEARBY, 65535) + 1):
        try:
            _bind(host, candidate)
        except OSError:
            continue
        return candidate
    return None


def _bind(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
        probe.listen(1)
