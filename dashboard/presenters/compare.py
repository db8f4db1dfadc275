"""The Compare page: indicators of several territories, table and charts."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.colors
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ...reports.figures import indicator_bars, label_text
from ..sources import Source
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


def compare_figure(comparison: Mapping[str, Any]) -> go.Figure:
    """Grouped bars of the size-normalised indicators: the reports' :func:`indicator_bars`."""
    figure = indicator_bars(comparison, title="Indicators, normalised for territory size")
    return go.Figure(figure) if figure is not None else go.Figure()


def compare_raw_figure(comparison: Mapping[str, Any], columns: int = 4) -> go.Figure:
    """One small bar chart per indicator with the raw values, territories side by side."""
    indicators = comparison.get("indicators", [])
    territories = [str(t) for t in comparison.get("territories", [])]
    names = [label_text(t) for t in territories]
    if not indicators:
        return go.Figure()
    rows = math.ceil(len(indicators) / columns)
    titles = [label_text(i.get("label") or i.get("name")) for i in indicators]
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=titles, vertical_spacing=0.12)
    colours = plotly.colors.qualitative.Plotly
    for k, indicator in enumerate(indicators):
        figure.add_bar(
            x=names,
            y=[indicator.get("values", {}).get(t) for t in territories],
            marker_color=[colours[i % len(colours)] for i in range(len(territories))],
            showlegend=False,
            hovertemplate="%{x}: %{y}<extra>" + titles[k] + "</extra>",
            row=k // columns + 1,
            col=k % columns + 1,
        )
    figure.update_xaxes(showticklabels=False)
    figure.update_annotations(font_size=12)
    figure.update_layout(
        title="Raw values (one colour per territory, in the order of the table)",
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        height=max(300, 170 * rows + 60),
        template="plotly_white",
    )
    return figure


@guarded(list, list, list, go.Figure, go.Figure)
def compare_view(
    source: Source, territories: Sequence[str] | None
) -> tuple[list, list, list, go.Figure, go.Figure]:
    """Table rows, columns and tooltips, normalised and raw charts (+ alert)."""
    if not territories:
        raise NothingToShow("Pick one or more territories to compare.")
    comparison = source.compare(list(territories))
    rows, columns = compare_table(comparison)
    tooltips = compare_tooltips(comparison)
    return rows, columns, tooltips, compare_figure(comparison), compare_raw_figure(comparison)
