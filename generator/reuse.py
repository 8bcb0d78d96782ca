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


def content_key(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> bytes:
    """The function and the value of its arguments (all of it: pickle writes every field of an object)."""
    if "<locals>" in function.__qualname__ or "." in function.__qualname__:
        raise TypeError(f"{function.__qualname__}: only a module's function can be reused, since its result "
                        "must depend on its arguments alone (a method or closure reads more)")
    value = pickle.dumps((function.__module__, function.__qualname__, args, sorted(kwargs.items())),
                         protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(value, digest_size=20).digest()


class Kept:
    """The preview's results, by content key; what a generation did not use is dropped after the next."""

    def __init__(self) -> None:
        self.previous: dict[bytes, Any] = {}
        self.current: dict[bytes, Any] = {}

    def next_generation(self) -> None:
        self.previous, self.current = self.current, {}

    def __call__(self, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        key = content_key(function, args, kwargs)
        if key in self.current:
            result: T = self.current[key]
        elif key in self.previous:
            result = self.current[key] = self.previous.pop(key)
        else:
            result = self.current[key] = function(*args, **kwargs)
        return result
