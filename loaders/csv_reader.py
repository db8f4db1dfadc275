"""Delimited text files: encoding and delimiter detection, rows with their physical lines."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import count
from operator import methodcaller
from pathlib import Path
from typing import Any

from ..graph.cells import restore_formula
from ..graph.problem_text import CANNOT_DECODE, CANNOT_READ, EMPTY_FILE, render
from ..graph.warning_text import NOT_UTF8
from .raw_table import Table
from .validate import ProblemLog

DELIMITERS = (",", ";", "\t")


def read_csv(
    path: Path,
    label: str,
    log: ProblemLog,
    warnings: list[str],
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
) -> Table | None:
    """Open a delimited file as a :class:`Table`; ``None`` (with a problem logged) if unusable.

    Without ``encoding``: UTF-8 with or without BOM, UTF-16 with a BOM, else
    Windows-1252/Latin-1 with a warning. Without ``delimiter``: whichever of
    ``,`` ``;`` and tab the header line holds most of.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.add(label, None, None, render(CANNOT_READ, reason=exc.strerror or exc))
        return None
    text = _decode(data, encoding, label, log, warnings)
    if text is None:
        return None
    if not text.strip():
        log.add(label, None, None, EMPTY_FILE)
        return None
    text = text.removesuffix("\x1a")  # the end-of-file mark of old DOS programs
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        message = "NUL character: binary data, or UTF-16 without a byte-order mark?"
        log.add(label, line, None, f"{message} (name the encoding in a mapping file)")
        return None
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter, strict=False)
    try:
        header: list[str] = []
        while not "".join(header).strip():
            header = next(reader)
    except StopIteration:
        log.add(label, None, None, EMPTY_FILE)
        return None
    except csv.Error as exc:
        log.add(label, reader.line_num, None, f"unreadable CSV: {exc}")
        return None
    header_line = reader.line_num
    rows: Iterator[tuple[int, list[str]]]
    if '"' in text or text.count("\r") != text.count("\r\n"):
        rows = _rows(reader, label, log)
    else:
        # No quotes and no lone CR: one record per physical line, blank lines included.
        # csv.reader reads the header line by line: the rest of the stream is the body.
        body = stream.read()
        split = SplitRows(body, delimiter, header_line + 1)
        if split.longest() <= csv.field_size_limit():
            rows = split
        else:  # csv.reader tells which field is too long
            reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=False)
            try:
                rows = iter(list(zip(count(header_line + 1), reader)))
            except csv.Error as exc:
                log.add(label, header_line + reader.line_num, None, f"unreadable CSV: {exc}")
                return None
    return Table(
        label,
        [restore_formula(cell.strip()) for cell in header],
        rows,
        size_hint=max(text.count("\n") - header_line, 0),
        header_line=header_line,
    )


class SplitRows(Iterator[tuple[int, list[str]]]):
    """The rows of a body without quotes nor lone CRs: each line split on the delimiter.

    Exactly what ``csv.reader`` yields for such a text (one record per physical
    line, a blank line as a row without cells), as ``(line, cells)`` pairs made
    on demand; :meth:`columns` gives the cells column by column instead, without
    a list per row, when every line has the same number of cells: the fast
    paths of ``column_parsers`` then need no transposition of every row.
    """

    def __init__(self, body: str, delimiter: str, first_line: int) -> None:
        if "\r" in body:
            body = body.replace("\r\n", "\n")
        self.lines = body.split("\n")
        if self.lines[-1] == "":  # the end of the last line, or an empty body
            self.lines.pop()
        self.delimiter = delimiter
        self.first_line = first_line
        self._rows: Iterator[tuple[int, list[str]]] | None = None
        self._longest: int | None = None

    def longest(self) -> int:
        """The length of the longest line (no field is longer); measured once."""
        if self._longest is None:
            self._longest = max(map(len, self.lines), default=0)
        return self._longest

    def __next__(self) -> tuple[int, list[str]]:
        if self._rows is None:
            delimiter = self.delimiter
            self._rows = (
                (number, line.split(delimiter) if line else [])
                for number, line in zip(count(self.first_line), self.lines)
            )
        return next(self._rows)

    def columns(self, width: int) -> tuple[range, list[list[str]]] | None:
        """The line numbers and the ``width`` columns of the cells, if every line has that many.

        None when a line is blank or has another number of cells, or once rows have
        been read.
        """
        lines, delimiter = self.lines, self.delimiter
        if self._rows is not None or not lines or "" in lines:
            return None
        if set(map(methodcaller("count", delimiter), lines)) != {width - 1}:
            return None
        cells = delimiter.join(lines).split(delimiter)
        numbers = range(self.first_line, self.first_line + len(lines))
        return numbers, [cells[i::width] for i in range(width)]


def _rows(reader: Any, label: str, log: ProblemLog) -> Iterator[tuple[int, list[str]]]:
    previous = reader.line_num
    try:
        for row in reader:
            start = previous + 1
            previous = reader.line_num
            yield start, row
    except csv.Error as exc:
        log.add(label, reader.line_num, None, f"unreadable CSV: {exc}")


def _decode(
    data: bytes, encoding: str | None, label: str, log: ProblemLog, warnings: list[str]
) -> str | None:
    if not encoding and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding:
        if codecs.lookup(encoding).name == "utf-8":
            encoding = "utf-8-sig"
        try:
            return data.decode(encoding)
        except (UnicodeError, LookupError) as exc:
            start = getattr(exc, "start", None)
            line = None if start is None else _line_of(data, start, encoding)
            log.add(label, line, None, render(CANNOT_DECODE, encoding=encoding, reason=exc))
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        warnings.append(render(NOT_UTF8, file=label, line=line))
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _line_of(data: bytes, offset: int, encoding: str = "ascii") -> int:
    """The line holding byte ``offset`` of ``data`` (counted in ``encoding``'s own newlines)."""
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return data[:offset].decode(encoding, errors="replace").count("\n") + 1
    return data.count(b"\n", 0, offset) + 1


def sniff_delimiter(text: str) -> str:
    """The delimiter the first non-blank line holds most of (``,`` on a tie or none).

    >>> sniff_delimiter("id;name;sector\\n"), sniff_delimiter("id\\tname\\n")
    (';', '\\t')
    """
    first = next((line for line in io.StringIO(text) if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","
