"""Errors every layer may raise and every front end knows how to show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class MaillageError(Exception):
    """Base of the errors a user can act on: shown without a traceback."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in an input file, located as ``file:line: column: message``."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        column = f" {self.column}:" if self.column else ""
        return f"{where}:{column} {self.message}"


class ValidationError(MaillageError):
    """The input was rejected whole; ``problems`` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} found; nothing was imported"
        super().__init__("\n".join([header, *map(str, self.problems)]))


class InvalidEdit(MaillageError):
    """An edit made by hand (in the web app) that cannot be written as given."""


class StoreUnavailable(MaillageError):
    """The store cannot be reached or opened; the message names the remedy."""


class NotFound(MaillageError):
    """A territory or actor that the user named does not exist."""


class ConcurrentChange(MaillageError):
    """Someone else changed the record meanwhile: reload it and try again."""
