"""``render``: any analytics result in any output format, as bytes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .csv_export import to_csv
from .export_tables import flat_table, sheets
from .formats import check
from .html_report import render_html
from .json_export import to_json
from .report_sheets import report_sheets_in, report_title
from .terminal import to_text
from .xlsx_export import to_xlsx


def _title(kind: str, data: Mapping[str, Any]) -> str:
    if kind == "compare":
        return "Maillage comparison: " + ", ".join(map(str, data.get("territories", [])))
    return f"Maillage {kind}: {data.get('territory', '')}".rstrip(": ")


def render(
    kind: str,
    data: Mapping[str, Any],
    fmt: str,
    *,
    color: bool = False,
    lang: str = "en",
    width: int | None = None,
    csv_dialect: str = "standard",
) -> bytes:
    """Render an analytics result as the bytes of a file (text formats in UTF-8).

    Parameters
    ----------
    kind : {"report", "gaps", "compare", "bridges"}
        Which analytics result ``data`` is: ``territory_report``, ``gap_report``,
        ``compare_territories`` or ``bridge_changes``.
    data : dict
        The result, as the analytics function returned it.
    fmt : {"table", "csv", "json", "xlsx", "html"}
        ``table``: text tables, 120 columns wide; ``csv``: one flat table
        (UTF-8 with BOM); ``json``: the document itself; ``xlsx``: a workbook;
        ``html``: one self-contained page. See :mod:`maillage.reports`.
    color : bool
        ``table`` only: keep ANSI colours (for a terminal).
    lang : {"en", "fr"}
        ``compare`` in ``html`` (the coordinator's brief) and ``xlsx``, ``report``
        in ``xlsx`` (sheet names, heads, labels): the language of the document;
        ``gaps`` in ``html``: that of the introductions' reasons.
    width : int, optional
        ``table`` only: the width to fit (a terminal's), 120 columns by default.
    csv_dialect : {"standard", "excel-fr"}
        ``csv`` only: the dialect of :func:`~maillage.reports.csv_export.to_csv`
        (``excel-fr``: semicolons and decimal commas, for French Excel).

    Returns
    -------
    bytes
        The content to write to a file or send as a download, with
        ``MEDIA_TYPES[fmt]`` and ``EXTENSIONS[fmt]``.

    Raises
    ------
    ValueError
        When ``kind`` or ``fmt`` is unknown.

    Examples
    --------
    >>> changes = {"since": "2023-01-01", "until": "2024-06-30", "lost": [],
    ...            "gained": [{"type": "actor", "id": "a1", "name": "=1+1", "sector": "public",
    ...                        "sectors": [["business", "public"]]}]}
    >>> render("bridges", changes, "csv").decode("utf-8-sig").splitlines()[1]
    "gained,actor,a1,'=1+1,public,,,,,,,business–public"
    """
    check(kind, fmt)
    if fmt == "table":
        return to_text(kind, data, color=color, width=width).encode("utf-8")
    if fmt == "csv":
        return to_csv(flat_table(kind, data), dialect=csv_dialect)
    if fmt == "json":
        return to_json(data)
    if kind == "compare" and fmt in ("xlsx", "html"):
        from .brief import render_brief
        from .compare_tables import compare_sheets
        from .i18n import translator

        if fmt == "html":
            return render_brief(data, lang).encode("utf-8")
        return to_xlsx(compare_sheets(data, translator(lang)), title=_title(kind, data))
    if kind == "report" and fmt == "xlsx" and lang != "en":
        from .i18n import translator

        t = translator(lang)
        return to_xlsx(report_sheets_in(data, t), title=report_title(data, t))
    if fmt == "xlsx":
        return to_xlsx(sheets(kind, data), title=_title(kind, data))
    return render_html(kind, data, lang).encode("utf-8")
