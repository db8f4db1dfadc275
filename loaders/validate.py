"""Collecting every problem of an import, and the checks that span files.

Nothing stops at the first problem: readers report each one to a
:class:`ProblemLog` and carry on, and :func:`maillage.loaders.load` raises one
``ValidationError`` listing them all, ordered by file (in the order the files
were given) and line.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping

from ..graph.errors import Problem, ValidationError
from ..graph.problem_text import ACTOR_SET_ASIDE, EARLIER, LINE, UNKNOWN_ACTOR, render

Where = tuple[str, int | None]
"""Where a record came from: the file label and the 1-based line (None when unknown)."""


class ProblemLog:
    """Every problem found so far, in the order found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._file_rank: dict[str, int] = {}

    def add(self, file: str, line: int | None, column: str | None, message: str) -> None:
        self._file_rank.setdefault(file, len(self._file_rank))
        self.problems.append(Problem(file, line, column, message))

    def add_at(self, where: Where, column: str | None, message: str) -> None:
        self.add(where[0], where[1], column, message)

    def __len__(self) -> int:
        return len(self.problems)

    def raise_if_any(self) -> None:
        """Raise ``ValidationError`` with every problem, by file then line."""
        if self.problems:

            def order(p: Problem) -> tuple[int, int]:
                return self._file_rank[p.file], p.line or 0

            raise ValidationError(sorted(self.problems, key=order))


def describe(where: Where, here: str) -> str:
    """``line 5`` when ``where`` is in the file ``here``, else ``other.csv:5``."""
    file, line = where
    if file == here:
        return render(LINE, line=line) if line is not None else EARLIER
    return f"{file}:{line}" if line is not None else file


def check_references(
    references: Iterable[tuple[str, Where, str]],
    defined: Container[str],
    known: Container[str],
    rejected: Container[str],
    log: ProblemLog,
    set_aside: Mapping[str, Where] | None = None,
) -> frozenset[str]:
    """Report each reference to an actor that is neither defined here nor known to the store.

    ``references`` yields ``(actor_id, where, column)``. An id whose own row
    was rejected is not reported again; one whose row was set aside
    (``set_aside``) is reported with that reason. Returns the ids that only the store
    knows (the caller's store re-checks them inside its transaction).
    """
    external: set[str] = set()
    for actor_id, where, column in references:
        if actor_id in defined:
            continue
        if actor_id in known:
            external.add(actor_id)
        elif set_aside and actor_id in set_aside:
            row = describe(set_aside[actor_id], where[0])
            log.add_at(where, column, render(ACTOR_SET_ASIDE, actor=repr(actor_id), row=row))
        elif actor_id not in rejected:
            log.add_at(where, column, render(UNKNOWN_ACTOR, actor=repr(actor_id)))
    return frozenset(external)
