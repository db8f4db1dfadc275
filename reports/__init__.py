"""Renders analytics results as table, CSV, JSON, Excel and HTML reports.

One entry point, :func:`render` ``(kind, data, fmt) -> bytes``, for the four
results of ``maillage.graph.analytics`` (``report``: ``territory_report``,
``gaps``: ``gap_report``, ``compare``: ``compare_territories``, ``bridges``:
``bridge_changes``) in five formats. Every format returns bytes (text formats
UTF-8 encoded), ready for ``Path.write_bytes`` or a download;
:data:`MEDIA_TYPES`, :data:`EXTENSIONS` and :func:`filename` describe them.

``table``
    rich tables as plain text, 120 columns or ``width`` (a terminal's); ANSI
    colours only with ``color=True``.
``csv``
    One flat table a spreadsheet opens: UTF-8 with a byte-order mark (Excel
    reads accents right), comma-separated, CRLF rows, empty cells for missing
    values, ``true`` / ``false``. Report: one row per actor, brokerage roles
    as ``brokerage_<role>`` columns. Gaps: one row per sector pair and
    suggested introduction (a left join: pairs without introduction have
    one row). Compare: one row per indicator then per partnership rate, one
    column per territory, then the normalised values, z-scores, counts and
    intervals; with ``by_year``, one row per year, territory and measure.
    Bridges: one row per bridge gained or lost, sector pairs as
    ``business–public``.
``json``
    The result itself (for ``report``: the ``report --format json`` document
    of DATA-FORMAT.md), NaN and infinities as ``null``, dates ISO 8601.
``xlsx``
    Sheets ``network``, ``actors``, ``sector_mixing``, ``sectors``, ``method``
    (report); ``gaps``, ``introductions``, ``observed``, ``expected``, ``z``,
    ``fragile_bridges``, ``method`` (gaps); ``summary``, ``indicators``,
    ``shares`` (with a chart), ``rates``, ``share_by_year``, ``by_year``,
    ``bridges_by_year``, ``shared_actors``, ``crossing_ties``, ``leaving``,
    ``method`` (compare, in ``lang``); ``bridges``, ``period`` (bridges).
``html``
    One self-contained page (plotly.js inlined once, no request to the
    network); :func:`render_html_report` combines a report and its gaps; a
    comparison is the coordinator's brief (:mod:`maillage.reports.brief`).

CSV and XLSX exports neutralise spreadsheet formulas (:func:`neutralise_formula`).
"""

from maillage.graph.cells import neutralise_formula

from .formats import EXTENSIONS, FORMATS, KINDS, MEDIA_TYPES, filename
from .html_report import render_html_report
from .rendering import render

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "KINDS",
    "MEDIA_TYPES",
    "filename",
    "neutralise_formula",
    "render",
    "render_html_report",
]
