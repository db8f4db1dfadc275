"""The Compare page: indicators, partnership rates, z-scores, years and crossings of territories."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
from dash import html

from ...graph.vocabulary import NETWORK_MEASURES
from ...reports.i18n import Translator, translator
from ...reports.labels import readable
from ..sources import Source
from . import compare_observatory as observatory
from .formatting import measure_number
from .guard import NothingToShow, guarded

# ---------------------------------------------------------------------------
# Compare


def compare_tooltips(
    comparison: Mapping[str, Any], t: Translator | None = None
) -> list[dict[str, str]]:
    """What each indicator means, shown when hovering its name in the table.

    The measure registry's plain explanation, then how the comparison computes it.
    """
    t = t or translator()
    tips = []
    for indicator in comparison.get("indicators", []):
        described = t.gettext(str(indicator.get("description") or ""))
        measure = NETWORK_MEASURES.get(str(indicator.get("name")))
        explained = t.gettext(measure.explanation) if measure is not None else ""
        tips.append({"indicator": " — ".join(s for s in (explained, described) if s)})
    return tips


def compare_table(
    comparison: Mapping[str, Any], t: Translator | None = None
) -> tuple[list[dict], list[dict]]:
    """Rows (one per indicator) and two-level columns (territory: raw, normalised)."""
    t = t or translator()
    territories = list(comparison.get("territories", []))
    raw, normalised = t.gettext("raw"), t.gettext("normalised")
    columns: list[dict[str, Any]] = [{"id": "indicator", "name": ["", t.gettext("Indicator")]}]
    for i, territory in enumerate(territories):
        columns.append({"id": f"raw{i}", "name": [str(territory), raw]})
        columns.append({"id": f"norm{i}", "name": [str(territory), normalised]})
    rows = []
    for indicator in comparison.get("indicators", []):
        label = str(indicator.get("label") or indicator.get("name"))
        row: dict[str, Any] = {"indicator": t.gettext(label)}
        measure = NETWORK_MEASURES.get(str(indicator.get("name")))
        for i, territory in enumerate(territories):
            value = indicator.get("values", {}).get(territory)
            row[f"raw{i}"] = (
                measure_number(value, measure, t) if measure is not None else readable(value, t)
            )
            row[f"norm{i}"] = readable(indicator.get("normalised", {}).get(territory), t)
        rows.append(row)
    return rows, columns


def _figure(figure: go.Figure | None) -> go.Figure:
    return figure if figure is not None else go.Figure()


def summary_list(comparison: Mapping[str, Any], t: Translator | None = None) -> html.Ul | html.P:
    """What stands out, as a bulleted list (a sentence when nothing does)."""
    t = t or translator()
    items = observatory.summary_items(comparison, t.language)
    if not items:
        nothing = t.gettext("Nothing stands out between these territories.")
        return html.P(nothing, className="text-muted")
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
    source: Source,
    territories: Sequence[str] | None,
    kind: str | None = None,
    t: Translator | None = None,
) -> tuple[Any, ...]:
    """Everything the Compare page shows but the years (+ alert).

    The indicators' table (rows, columns, tooltips), the z-score and raw
    charts, the partnership rates (rows, columns, chart) for ties of ``kind``
    (every kind when None), the z-scores in words (rows, columns), the summary,
    the crossings between territories (rows, columns, chart).
    """
    t = t or translator()
    if not territories:
        raise NothingToShow(t.gettext("Pick one or more territories to compare."))
    comparison = source.compare(list(territories), kind=kind or None)
    lang = t.language
    rows, columns = compare_table(comparison, t)
    rate_rows, rate_columns = observatory.rates_table(comparison, lang)
    z_rows, z_columns = observatory.z_table(comparison, lang)
    crossing_rows, crossing_columns = observatory.crossings_table(comparison, lang)
    return (
        rows,
        columns,
        compare_tooltips(comparison, t),
        _figure(observatory.z_figure(comparison, lang)),
        _figure(observatory.raw_figure(comparison, lang)),
        rate_rows,
        rate_columns,
        _figure(observatory.rates_figure(comparison, lang)),
        z_rows,
        z_columns,
        summary_list(comparison, t),
        crossing_rows,
        crossing_columns,
        _figure(observatory.crossings_figure(comparison, lang)),
    )


@guarded(go.Figure, list, list)
def yearly_view(
    source: Source,
    territories: Sequence[str] | None,
    kind: str | None,
    by_year: Any,
    t: Translator | None = None,
) -> tuple[go.Figure, list, list]:
    """The per-year small multiples and the bridges gained and lost, only when asked (+ alert)."""
    t = t or translator()
    if not by_year:
        raise NothingToShow(
            t.gettext(
                "Tick “per year” to see each indicator and rate as of each 31 December "
                "(it takes longer)."
            )
        )
    if not territories:
        raise NothingToShow(t.gettext("Pick one or more territories to compare."))
    comparison = source.compare(list(territories), kind=kind or None, by_year=True)
    figure = observatory.yearly_figure(comparison, t.language)
    if figure is None:
        raise NothingToShow(t.gettext("These territories have no dated ties: no year to show."))
    rows, columns = observatory.bridges_table(comparison, t.language)
    return figure, rows, columns
