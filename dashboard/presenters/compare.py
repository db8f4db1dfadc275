"""The Compare page: indicators, partnership rates, z-scores, years and crossings of territories."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
from dash import html

from ..sources import Source
from . import compare_observatory as observatory
from .formatting import number
from .guard import NothingToShow, guarded

# ---------------------------------------------------------------------------
# Compare


def compare_tooltips(comparison: Mapping[str, Any]) -> list[dict[str, str]]:
    """What each indicator means, shown when hovering its name in the table."""
    return [
        {"indicator": str(i.get("description") or "")} for i in comparison.get("indicators", [])
    ]


def compare_table(comparison: Mapping[str, Any]) -> tuple[list[dict], list[dict]]:
    """Rows (one per indicator) and two-level columns (territory: raw, normalised)."""
    territories = list(comparison.get("territories", []))
    columns: list[dict[str, Any]] = [{"id": "indicator", "name": ["", "Indicator"]}]
    for i, territory in enumerate(territories):
        columns.append({"id": f"raw{i}", "name": [str(territory), "raw"]})
        columns.append({"id": f"norm{i}", "name": [str(territory), "normalised"]})
    rows = []
    for indicator in comparison.get("indicators", []):
        row: dict[str, Any] = {"indicator": indicator.get("label") or indicator.get("name")}
        for i, territory in enumerate(territories):
            row[f"raw{i}"] = number(indicator.get("values", {}).get(territory))
            row[f"norm{i}"] = number(indicator.get("normalised", {}).get(territory))
        rows.append(row)
    return rows, columns


def _figure(figure: go.Figure | None) -> go.Figure:
    return figure if figure is not None else go.Figure()


def summary_list(comparison: Mapping[str, Any]) -> html.Ul | html.P:
    """What stands out, as a bulleted list (a sentence when nothing does)."""
    items = observatory.summary_items(comparison)
    if not items:
        return html.P("Nothing stands out between these territories.", className="text-muted")
    return html.Ul([html.Li(item) for item in items])


@guarded(
    list,
    list,
    list,
    go.Figure,
    go.Figure,
    list,
    list,
    go.Figure,
    list,
    list,
    None,
    list,
    list,
    go.Figure,
)
def compare_view(
    source: Source, territories: Sequence[str] | None, kind: str | None = None
) -> tuple[Any, ...]:
    """Everything the Compare page shows but the years (+ alert).

    The indicators' table (rows, columns, tooltips), the z-score and raw
    charts, the partnership rates (rows, columns, chart) for ties of ``kind``
    (every kind when None), the z-scores in words (rows, columns), the summary,
    the crossings between territories (rows, columns, chart).
    """
    if not territories:
        raise NothingToShow("Pick one or more territories to compare.")
    comparison = source.compare(list(territories), kind=kind or None)
    rows, columns = compare_table(comparison)
    rate_rows, rate_columns = observatory.rates_table(comparison)
    z_rows, z_columns = observatory.z_table(comparison)
    crossing_rows, crossing_columns = observatory.crossings_table(comparison)
    return (
        rows,
        columns,
        compare_tooltips(comparison),
        _figure(observatory.z_figure(comparison)),
        _figure(observatory.raw_figure(comparison)),
        rate_rows,
        rate_columns,
        _figure(observatory.rates_figure(comparison)),
        z_rows,
        z_columns,
        summary_list(comparison),
        crossing_rows,
        crossing_columns,
        _figure(observatory.crossings_figure(comparison)),
    )


@guarded(go.Figure, list, list)
def yearly_view(
    source: Source, territories: Sequence[str] | None, kind: str | None, by_year: Any
) -> tuple[go.Figure, list, list]:
    """The per-year small multiples and the bridges gained and lost, only when asked (+ alert)."""
    if not by_year:
        raise NothingToShow(
            "Tick “per year” to see each indicator and rate as of each 31 December "
            "(it takes longer)."
        )
    if not territories:
        raise NothingToShow("Pick one or more territories to compare.")
    comparison = source.compare(list(territories), kind=kind or None, by_year=True)
    figure = observatory.yearly_figure(comparison)
    if figure is None:
        raise NothingToShow("These territories have no dated ties: no year to show.")
    rows, columns = observatory.bridges_table(comparison)
    return figure, rows, columns
