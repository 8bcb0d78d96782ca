"""What the preview keeps between saves: a pure function's result, reused while its arguments are the same.

The core is pure and keeps nothing. At a few boundaries (a FAQ file's text to its category, an
article to its description and its page) it calls ``reuse(function, *arguments)``: a one-shot
build passes ``compute``, which just calls the function; the preview passes a ``Kept``, which
returns the result of the last call with equal arguments. The key is derived from the arguments
themselves (a hash of their pickled value, every field of every object included), never listed by
hand, so a field added to the model cannot be left out of it.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class Reuse(Protocol):
    def __call__(self, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T: ...


def compute(function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """No reuse: a one-shot build would only pay for the keys."""
    return function(*args, **kwargs)


def digest(value: Any) -> bytes:
    """The hash of a value's pickle: every field of every object in it, whatever its class declares."""
    return hashlib.blake2b(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).digest()


_NAMES: dict[Callable[..., Any], bytes] = {}


def _name(function: Callable[..., Any]) -> bytes:
    if (name := _NAMES.get(function)) is None:
        if "<locals>" in function.__qualname__ or "." in function.__qualname__:
            raise TypeError(f"{function.__qualname__}: only a module's function can be reused, since its result "
                            "must depend on its arguments alone (a method or closure reads more)")
        name = _NAMES[function] = f"{function.__module__}.{function.__qualname__}\0".encode()
    return name


_FROZEN: dict[type, bool] = {}
"""Whether instances of a type are frozen dataclasses, by type (asked for every argument of every call)."""


def _is_frozen(value: Any) -> bool:
    kind = type(value)
    if (frozen := _FROZEN.get(kind)) is None:
        params = getattr(kind, "__dataclass_params__", None)
        frozen = _FROZEN[kind] = params is not None and params.frozen
    return frozen


class Kept:
    """The preview's results, by content key; what a generation did not use is dropped after the next."""

    def __init__(self) -> None:
        self.previous: dict[bytes, Any] = {}
        self.current: dict[bytes, Any] = {}
        self.frozen: dict[int, tuple[Any, bytes]] = {}
        self.frozen_before: dict[int, tuple[Any, bytes]] = {}
        """The digest of each frozen argument, by its id (a locale's page context is one object shared by
        thousands of calls; a question of a file that did not change is the same object at the next save):
        it cannot change, so it is hashed once. Held, so that its id stays its own."""

    def next_generation(self) -> None:
        self.previous, self.current = self.current, {}
        self.frozen_before, self.frozen = self.frozen, {}

    def key(self, function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> bytes:
        """The function and the value of its arguments."""
        parts = [_name(function)]
        others = []
        for value in (*args, *sorted(kwargs.items())) if kwargs else args:
            if _is_frozen(value):
                if (known := self.frozen.get(id(value))) is None:
                    known = self.frozen_before.pop(id(value), None) or (value, digest(value))
                    self.frozen[id(value)] = known
                parts.append(known[1])
            else:
                others.append(value)
        parts.append(digest(others))
        return b"".join(parts)

    def __call__(self, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        key = self.key(function, args, kwargs)
        if key in self.current:
            result: T = self.current[key]
        elif key in self.previous:
            result = self.current[key] = self.previous.pop(key)
        else:
            result = self.current[key] = function(*args, **kwargs)
        return result
