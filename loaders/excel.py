"""Excel workbooks: each sheet read as a :class:`Table` of text cells."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..graph.cells import restore_formula
from ..graph.problem_text import (
    CANNOT_READ,
    CANNOT_READ_DAMAGED_WORKBOOK,
    CANNOT_READ_WORKBOOK,
    EMPTY_SHEET,
    OUT_OF_MEMORY,
    render,
)
from .cell_values import format_number
from .raw_table import Table
from .validate import ProblemLog

CANONICAL_SHEETS = ("actors", "ties", "participations")


class Workbook:
    """A read-only workbook; use as a context manager so the file is closed."""

    def __init__(self, path: Path, label: str, log: ProblemLog) -> None:
        self.path = path
        self.label = label
        self.log = log
        self.book: Any = None

    def __enter__(self) -> Workbook:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self.book = load_workbook(self.path, read_only=True, data_only=True)
        except OSError as exc:
            self.log.add(self.label, None, None, render(CANNOT_READ, reason=exc.strerror or exc))
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
            self.log.add(self.label, None, None, render(CANNOT_READ_WORKBOOK, reason=exc))
        except Exception as exc:  # a damaged file breaks openpyxl in many ways
            self.log.add(self.label, None, None, _damaged(exc))
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.book is not None:
            self.book.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self.book.sheetnames) if self.book is not None else []

    def find_sheet(self, name: str) -> str | None:
        """The sheet called ``name``, compared case-insensitively and ignoring blanks."""
        wanted = name.strip().casefold()
        return next((s for s in self.sheet_names if s.strip().casefold() == wanted), None)

    def table(self, sheet: str) -> Table | None:
        """The sheet as a table whose label is ``book.xlsx[sheet]``; ``None`` if it is empty."""
        label = f"{self.label}[{sheet}]"
        try:
            worksheet = self.book[sheet]
            worksheet.reset_dimensions()
            values = worksheet.iter_rows(min_row=1, values_only=True)
        except Exception as exc:  # as in __enter__
            self.log.add(label, None, None, _damaged(exc))
            return None
        rows = _text_rows(values, label, self.log)
        for line, cells in rows:
            if "".join(cells).strip():
                header = [restore_formula(c.strip()) for c in cells]
                return Table(label, header, rows, size_hint=0, header_line=line)
        if not any(p.file == label for p in self.log.problems):  # unreadable, not empty
            self.log.add(label, None, None, EMPTY_SHEET)
        return None


def _damaged(exc: Exception) -> str:
    if isinstance(exc, MemoryError):
        return OUT_OF_MEMORY
    return render(CANNOT_READ_DAMAGED_WORKBOOK, reason=f"{type(exc).__name__}: {exc}")


def _text_rows(rows: Any, label: str, log: ProblemLog) -> Iterator[tuple[int, list[str]]]:
    """Each row's cells as text; a sheet that cannot be read to the end is a problem there."""
    line = 0
    try:
        for line, values in enumerate(rows, start=1):
            yield line, [cell_text(v) for v in values]
    except Exception as exc:  # as in Workbook.__enter__
        log.add(label, line + 1, None, _damaged(exc))


def cell_text(value: object) -> str:
    """The text a cell value stands for: dates in ISO form, whole numbers without ``.0``.

    >>> cell_text(3.0), cell_text(datetime(2020, 5, 1)), cell_text(None)
    ('3', '2020-05-01', '')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value)
    return str(value)
