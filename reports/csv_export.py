"""CSV export: one flat table, UTF-8 with a byte-order mark, comma-separated, CRLF rows.

The byte-order mark makes Excel read accents right when the file is
double-clicked; Python (``encoding="utf-8-sig"``), pandas, R and LibreOffice
skip it. Text cells that a spreadsheet would run as formulas are neutralised
(:func:`maillage.graph.cells.neutralise_formula`); missing values are empty,
booleans ``true`` / ``false``, numbers full precision.
"""

from __future__ import annotations

import csv
import io

from .safe import cell
from .tables import Table


def _csv_cell(value: object) -> object:
    value = cell(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def to_csv(table: Table) -> bytes:
    """``table`` as the bytes of a CSV file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_cell(c) for c in table.columns])
    writer.writerows([_csv_cell(v) for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")
