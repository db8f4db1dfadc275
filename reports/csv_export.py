"""CSV export: one flat table, UTF-8 with a byte-order mark, comma-separated, CRLF rows.

The byte-order mark makes Excel read accents right when the file is
double-clicked; Python (``encoding="utf-8-sig"``), pandas, R and LibreOffice
skip it. Text cells that a spreadsheet would run as formulas are neutralised
(:func:`maillage.graph.cells.neutralise_formula`); missing values are empty,
booleans ``true`` / ``false``, numbers full precision.

French Excel expects another dialect (``excel-fr``): semicolons between
cells and a decimal comma, still UTF-8 with a byte-order mark, so that a
double-click opens numbers as numbers in a French locale.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from .export_tables import ExportTable
from .safe import cell

DIALECTS = ("standard", "excel-fr")


def _csv_cell(value: object, *, decimal_comma: bool = False) -> object:
    value = cell(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if decimal_comma and isinstance(value, float):
        return repr(value).replace(".", ",")
    return "" if value is None else value


def to_csv(table: ExportTable, *, dialect: str = "standard") -> bytes:
    """``table`` as the bytes of a CSV file, in ``dialect`` (``standard`` or ``excel-fr``).

    >>> from maillage.reports.export_tables import ExportTable
    >>> table = ExportTable("t", ("name", "share"), [("Brest", 0.38)])
    >>> to_csv(table, dialect="excel-fr").decode("utf-8-sig").splitlines()
    ['name;share', 'Brest;0,38']
    """
    french = dialect == "excel-fr"
    rows = [[_csv_cell(v, decimal_comma=french) for v in row] for row in table.rows]
    return csv_bytes([[_csv_cell(c) for c in table.columns], *rows], dialect=dialect)


def csv_bytes(rows: Iterable[Sequence[object]], *, dialect: str = "standard") -> bytes:
    """``rows`` (cells already made safe) as a CSV file's bytes in ``dialect``'s separator.

    >>> text = csv_bytes([["file", "problem"], ["a.csv", "no"]], dialect="excel-fr")
    >>> text.decode("utf-8")[0] == chr(0xFEFF), text.decode("utf-8-sig").splitlines()
    (True, ['file;problem', 'a.csv;no'])
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r} (expected one of {', '.join(DIALECTS)})")
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=";" if dialect == "excel-fr" else ",", lineterminator="\r\n"
    )
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
