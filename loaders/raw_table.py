"""A table read from a file: a header and rows of text cells, each with its line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class Table:
    """Rows of text cells as read, before any meaning is given to them.

    ``rows`` yields ``(line, cells)`` with the 1-based physical line on which
    the row starts; it may yield blank rows (no cells, or only empty ones),
    which the consumer skips. ``size_hint`` is an estimate of the row count,
    for progress reports.
    """

    label: str
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    size_hint: int = 0
    header_line: int = 1
