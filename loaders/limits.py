"""How much one imported file may hold: bytes, expanded bytes, rows and a cell's characters.

A small file must not cost the importer a lot: a workbook of 22 kB can hold a
shared string of 20 MB used by every cell, or expand to half a gigabyte of
XML. Each reader checks its file against :class:`FileLimits` before the work
grows with it, and reports a problem naming the limit and the variable that
raises it (``maillage.settings.Limits`` reads them from the environment).
"""

from __future__ import annotations

import zipfile
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..graph.problem_text import (
    OVER_CELL_CHARS,
    OVER_FILE_BYTES,
    OVER_ROWS,
    OVER_ROWS_AT_LINE,
    OVER_UNZIPPED_BYTES,
    render,
)
from .csv_reader import SplitRows
from .raw_table import Table
from .validate import ProblemLog

CELL_CHARS_ENV = "MAILLAGE_MAX_CELL_CHARS"
FILE_ROWS_ENV = "MAILLAGE_MAX_FILE_ROWS"
FILE_BYTES_ENV = "MAILLAGE_MAX_FILE_BYTES"
EXPANDED_BYTES_ENV = "MAILLAGE_MAX_EXPANDED_BYTES"


@dataclass(frozen=True)
class FileLimits:
    """The most one input file may hold; the defaults are what every import gets.

    Attributes
    ----------
    cell_chars : int
        Characters in one cell, attribute or XML text value (32,767, as in Excel).
    file_rows : int
        Rows of a table or sheet, nodes and edges of a graph file.
    file_bytes : int
        Bytes of a file as stored on disk.
    expanded_bytes : int
        Bytes of a file once unzipped: the XML parts of a workbook, summed.
    """

    cell_chars: int = 32_767
    file_rows: int = 2_000_000
    file_bytes: int = 256 * 1024 * 1024
    expanded_bytes: int = 512 * 1024 * 1024


def over(template: str, size: int, limit: int, env: str, **fields: object) -> str:
    """The message of a problem: a size over ``limit`` (``template``), raised with ``env``.

    >>> over(OVER_CELL_CHARS, 40_000, 32_767, "MAILLAGE_MAX_CELL_CHARS")[:60]
    'a value in characters of 40,000 is over the limit of 32,767 '
    """
    return render(template, size=f"{size:,}", limit=f"{limit:,}", env=env, **fields)


def check_file_size(path: Path, label: str, limits: FileLimits, log: ProblemLog) -> bool:
    """True if ``path`` is not larger than ``limits.file_bytes``, else a problem is logged."""
    try:
        size = path.stat().st_size
    except OSError:
        return True  # the reader reports why it cannot read the file
    if size <= limits.file_bytes:
        return True
    log.add(label, None, None, over(OVER_FILE_BYTES, size, limits.file_bytes, FILE_BYTES_ENV))
    return False


def check_expanded_size(path: Path, label: str, limits: FileLimits, log: ProblemLog) -> bool:
    """True unless the zip at ``path`` expands to more than ``limits.expanded_bytes``.

    The sizes come from the zip's directory; Python's zip reader never inflates a
    member beyond its declared size, so a lying directory cannot get past it. A
    file that is not a zip is left to the workbook reader to report.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return True
    if expanded <= limits.expanded_bytes:
        return True
    message = over(OVER_UNZIPPED_BYTES, expanded, limits.expanded_bytes, EXPANDED_BYTES_ENV)
    log.add(label, None, None, message)
    return False


def too_many_rows(label: str, line: int | None, limits: FileLimits, log: ProblemLog) -> None:
    """The file goes on beyond ``limits.file_rows`` rows: a problem of the whole file."""
    rows = limits.file_rows + 1
    if line is None:
        message = over(OVER_ROWS, rows, limits.file_rows, FILE_ROWS_ENV)
    else:
        at = {"line": line, "row": f"{rows:,}"}
        message = over(OVER_ROWS_AT_LINE, rows, limits.file_rows, FILE_ROWS_ENV, **at)
    log.add(label, None, None, message)


def cell_too_long(
    label: str, line: int | None, column: str | None, size: int, limits: FileLimits, log: ProblemLog
) -> None:
    log.add(label, line, column, over(OVER_CELL_CHARS, size, limits.cell_chars, CELL_CHARS_ENV))


def bounded_table(
    table: Table, limits: FileLimits, log: ProblemLog, skip: Container[int | None] = ()
) -> Table:
    """``table`` without the rows that hold a cell over ``limits``, and no more rows than allowed.

    Each such row and the first row beyond the count is a problem; rows in
    ``skip`` (set aside by an earlier pass) are passed on unchecked. A CSV
    body already split in lines (``SplitRows``) that is within the limits is
    returned as it is, so that the fast column paths keep working.
    """
    for value in table.header:
        if len(value) > limits.cell_chars:
            cell_too_long(table.label, table.header_line, None, len(value), limits, log)
            table.rows = iter(())
            return table
    rows = table.rows
    if (
        isinstance(rows, SplitRows)
        and len(rows.lines) <= limits.file_rows
        and rows.longest() <= limits.cell_chars
    ):
        return table
    table.rows = _bounded_rows(rows, table.label, table.header, limits, log, skip)
    return table


def _bounded_rows(
    rows: Iterator[tuple[int, list[str]]],
    label: str,
    header: list[str],
    limits: FileLimits,
    log: ProblemLog,
    skip: Container[int | None],
) -> Iterator[tuple[int, list[str]]]:
    longest, most = limits.cell_chars, limits.file_rows
    for count, (line, cells) in enumerate(rows, start=1):
        if count > most:
            too_many_rows(label, line, limits, log)
            return
        if line in skip:
            yield line, cells
            continue
        fits = True
        for index, value in enumerate(cells):
            if len(value) > longest:
                column = header[index] if index < len(header) else None
                cell_too_long(label, line, column, len(value), limits, log)
                fits = False
        if fits:
            yield line, cells
