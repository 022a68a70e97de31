"""User-facing errors. Each one knows where the problem is and prints as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status of every ``checker`` command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column, either optional."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class CheckerError(Exception):
    """A problem with the user's input (corpus, rules, flags, paths), not a bug.

    ``hint`` tells the user what to do about it.
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Errors cross process boundaries (parallel extraction) with their location.
        return (self.__class__, (self.message, self.location, self.hint))

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class CorpusError(CheckerError):
    """An article or corpus file that cannot be read as the corpus format says."""


class RuleError(CheckerError):
    """A rule file that is malformed or does not follow the rule schema."""


class UsageError(CheckerError):
    """A command-line flag or path that does not make sense."""


class ErrorList(CheckerError):
    """Several problems found in one pass, reported together."""

    def __init__(self, errors: list[CheckerError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (self.__class__, (self.errors,))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
