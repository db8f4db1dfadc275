"""XLSX export: one sheet per table, styled header, frozen panes, autofilter, fitted widths."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .export_tables import ExportTable
from .safe import cell, xml_text

HEADER_FONT = Font(bold=True, color="1F2937")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADER_BORDER = Border(bottom=Side(style="thin", color="7F8FA6"))
MIN_WIDTH, MAX_WIDTH = 8, 60


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return min(len(f"{value:.6g}"), 12)
    return max((len(line) for line in str(value).splitlines()), default=0)


def add_sheet(workbook: Workbook, table: ExportTable) -> None:
    sheet = workbook.create_sheet(table.name[:31])
    sheet.append([cell(c) for c in table.columns])
    widths = [_width(c) + 2 for c in table.columns]
    for row in table.rows:
        values = [cell(v) for v in row]
        sheet.append(values)
        for i, value in enumerate(values):
            widths[i] = max(widths[i], _width(value))
    for column in sheet[1]:
        column.font = HEADER_FONT
        column.fill = HEADER_FILL
        column.border = HEADER_BORDER
        column.alignment = Alignment(vertical="top", wrap_text=False)
    for i, width in enumerate(widths, 1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
        if table.row_labels and i == 1:
            for (label,) in sheet.iter_rows(min_row=2, max_col=1):
                label.font = Font(bold=True)
    if table.chart and table.rows and len(table.columns) > 1:
        add_chart(sheet, table)
    sheet.freeze_panes = "B2" if table.row_labels else "A2"
    if table.columns:
        last = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"


def add_chart(sheet, table: ExportTable) -> None:
    """A native bar or line chart beside the table: column A as categories, one series a column."""
    from openpyxl.chart import BarChart, LineChart, Reference

    chart = BarChart() if table.chart == "bar" else LineChart()
    if isinstance(chart, BarChart):
        chart.type = "bar"  # horizontal: long category names stay readable
    last_row = len(table.rows) + 1
    data = Reference(sheet, min_col=2, max_col=len(table.columns), min_row=1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last_row))
    chart.title = xml_text(table.chart_title or table.name)
    chart.height, chart.width = max(7.5, 0.6 * len(table.rows) + 3), 18
    sheet.add_chart(chart, f"{get_column_letter(len(table.columns) + 2)}2")


def to_xlsx(tables: Iterable[ExportTable], *, title: str | None = None) -> bytes:
    """The bytes of a workbook holding ``tables`` as sheets, in order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        add_sheet(workbook, table)
    workbook.properties.creator = "Maillage"
    if title:
        workbook.properties.title = xml_text(title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
