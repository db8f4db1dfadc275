"""Rows set aside by ``load(..., keep_valid=True)`` and the CSV file that lists them.

Without ``keep_valid`` a file with any invalid row is rejected whole. With
it, every row that has a problem is set aside: ``load`` reads the files
again without those rows, until no new problem appears (a tie whose actor
was set aside is set aside in turn, with that reason), and the valid rows
form the dataset. A problem that belongs to no row (an unreadable file, a
missing column, a bad mapping) still rejects the import whole.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..graph.cells import neutralise_reversibly
from ..graph.errors import Problem
from .validate import Where

REJECT_COLUMNS = ("file", "line", "column", "problem")


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """One row set aside: where it was, every problem it had, and its cells as read."""

    file: str
    line: int
    columns: tuple[str, ...]
    problems: tuple[str, ...]
    cells: tuple[str, ...] = ()


def rejected_rows(
    problems: Mapping[Where, list[Problem]],
    cells: Mapping[Where, Sequence[str]],
) -> tuple[RejectedRow, ...]:
    """One :class:`RejectedRow` per row of ``problems``, in file then line order."""
    rows = []
    for (file, line), found in problems.items():
        columns = tuple(dict.fromkeys(p.column for p in found if p.column))
        messages = tuple(dict.fromkeys(p.message for p in found))
        rows.append(
            RejectedRow(file, line or 0, columns, messages, tuple(cells.get((file, line), ())))
        )
    order = {file: rank for rank, file in enumerate(dict.fromkeys(f for f, _ in problems))}
    return tuple(sorted(rows, key=lambda r: (order[r.file], r.line)))


def rejects_header(
    rows: Sequence[RejectedRow], headers: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """The header of the rejects file: file, line, column, problem, then the rows' cells.

    When every row comes from one table whose header is in ``headers``, the
    cells keep that header's column names (the file can be fixed and
    imported again with the same mapping, once the four first columns are
    removed); otherwise they are ``cell 1``, ``cell 2``, ….
    """
    files = {row.file for row in rows}
    width = max((len(row.cells) for row in rows), default=0)
    header = list((headers or {}).get(next(iter(files)), ())) if len(files) == 1 else []
    if len(header) < width or not header:
        header = [f"cell {i}" for i in range(1, width + 1)]
    return (*REJECT_COLUMNS, *header)


def rejects_table(
    rows: Iterable[RejectedRow],
    header: Sequence[str],
    problem_text: Callable[[Sequence[str]], str] = "; ".join,
) -> list[list[Any]]:
    """The rejects file as rows of cells: ``header``, then one line per row set aside.

    ``problem_text`` words a row's problems (English ones joined with ``; `` by
    default; the web import passes the reader's language). Cells a spreadsheet
    would run as a formula are neutralised, as every export does.
    """
    lines: list[list[Any]] = [list(header)]
    for row in rows:
        lines.append(
            [
                neutralise_reversibly(row.file),
                row.line,
                neutralise_reversibly("; ".join(row.columns)),
                neutralise_reversibly(problem_text(row.problems)),
                *map(neutralise_reversibly, row.cells),
            ]
        )
    return lines


def write_rejects(
    path: Path | str,
    rows: Iterable[RejectedRow],
    headers: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Write ``rows`` as CSV (:func:`rejects_table` under :func:`rejects_header`).

    Several problems of one row are joined with ``; ``.
    """
    rows = list(rows)
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rejects_table(rows, rejects_header(rows, headers)))
    return target
