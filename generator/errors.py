"""The few error types the CLI turns into one clean message and an exit code."""

from __future__ import annotations

from dataclasses import dataclass


class HelpCenterError(Exception):
    """Base of every error the CLI reports without a traceback."""


class ConfigError(HelpCenterError):
    """mkdocs.yml (or an environment override) is wrong."""


class BuildError(HelpCenterError):
    """The site could not be built; the previous site is left as it was."""


@dataclass(frozen=True, order=True)
class Problem:
    """One content problem, reported as ``path:line:col: field: message``."""

    path: str
    line: int
    col: int
    field: str
    """The field as editors name it: ``question 3 (forgot-password) › answer``."""
    message: str
    json_path: str = ""
    """The same place for tools, zero-based: ``$.questions[2].answer`` (empty when not in the data)."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(HelpCenterError):
    """The content has problems; all of them are carried, to be reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(problems)} content problem(s)")
