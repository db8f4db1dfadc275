"""The figures of a comparison, as plain plotly figure dicts, in the reader's language.

Raw values, z-scores and shares never share an axis: raw indicators are small
multiples (one panel and one axis per indicator), z-scores have their own chart
with the ``|z| = 2`` band, partnership rates are shares with their Wilson
intervals, and the per-year series are small multiples too. The brief, the
dashboard and any other page draw them with ``figures.figure_html`` or
``dcc.Graph``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .compare_tables import pair_text, territories_of
from .figures import base_layout, label_text, number, share_axis, share_hover, share_texts
from .i18n import Translator, translator

TERRITORY_COLOURS: tuple[str, ...] = (
    "#4E79A7",
    "#F28E2B",
    "#59A14F",
    "#E15759",
    "#B07AA1",
    "#76B7B2",
    "#EDC948",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)
"""One colour per territory, in the order compared (Tableau 10)."""

RATE_PAIRS = 16
PANEL_HEIGHT = 190
GRID = "#e5e7eb"


def territory_colour(position: int) -> str:
    return TERRITORY_COLOURS[position % len(TERRITORY_COLOURS)]


def grid_layout(
    titles: Sequence[str],
    columns: int,
    height: int = PANEL_HEIGHT,
    *,
    t: Translator | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A layout of ``len(titles)`` panels, ``columns`` a row, each with its own axes.

    >>> layout = grid_layout(["A", "B", "C"], 2)
    >>> layout["xaxis3"]["domain"], layout["yaxis3"]["anchor"], layout["height"]
    ([0.0, 0.46], 'x3', 480)
    """
    rows = max(1, math.ceil(len(titles) / columns))
    total = rows * height + 100
    layout = base_layout(total, t=t, **{"showlegend": True, **extra})
    layout["margin"] = {"l": 10, "r": 10, "t": 60, "b": 30}
    plot = total - 90
    title_space, tick_space = 30 / plot, 40 / plot
    gap_x = 0.08
    width = (1 - gap_x * (columns - 1)) / columns
    band = 1 / rows
    annotations = []
    for i, title in enumerate(titles):
        row, column = divmod(i, columns)
        left = column * (width + gap_x)
        top = 1 - row * band - title_space
        bottom = 1 - (row + 1) * band + tick_space
        suffix = "" if i == 0 else str(i + 1)
        layout[f"xaxis{suffix}"] = {
            "domain": [round(left, 6), round(left + width, 6)],
            "anchor": f"y{suffix}",
            "automargin": True,
        }
        layout[f"yaxis{suffix}"] = {
            "domain": [round(max(0.0, bottom), 6), round(max(bottom, top), 6)],
            "anchor": f"x{suffix}",
            "gridcolor": GRID,
            "automargin": True,
            "rangemode": "tozero",
        }
        annotations.append(
            {
                "text": f"<b>{label_text(title, 60)}</b>",
                "x": left,
                "xref": "paper",
                "xanchor": "left",
                "y": top + 4 / plot,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    layout["annotations"] = annotations
    return layout


def raw_figure(compare: Mapping[str, Any], t: Translator | None = None) -> dict[str, Any] | None:
    """Small multiples of the raw indicators: a panel and an axis each, a bar per territory."""
    t = t or translator("en")
    territories = territories_of(compare)
    indicators = [
        ind
        for ind in compare.get("indicators", [])
        if any(number((ind.get("values") or {}).get(name)) is not None for name in territories)
    ]
    if not indicators or not territories:
        return None
    titles = [t.gettext(str(ind.get("label") or ind.get("name"))) for ind in indicators]
    layout = grid_layout(titles, 3, t=t, showlegend=False)
    traces = []
    for i, ind in enumerate(indicators):
        suffix = "" if i == 0 else str(i + 1)
        values = ind.get("values") or {}
        traces.append(
            {
                "type": "bar",
                "x": [label_text(name, 24) for name in territories],
                "y": [number(values.get(name)) for name in territories],
                "marker": {"color": [territory_colour(p) for p in range(len(territories))]},
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
                "name": label_text(titles[i]),
                "hovertemplate": f"{label_text(titles[i])}<br>%{{x}}: %{{y:.3f}}<extra></extra>",
            }
        )
    return {"data": traces, "layout": layout}


def z_figure(compare: Mapping[str, Any], t: Translator | None = None) -> dict[str, Any] | None:
    """z-scores of the randomised indicators, one bar per territory, with the ``|z| < 2`` band."""
    t = t or translator("en")
    territories = territories_of(compare)
    readings = [
        row
        for row in compare.get("z_scores") or []
        if any(number((row.get("z") or {}).get(name)) is not None for name in territories)
    ]
    if not readings:
        return None
    labels = [label_text(t.gettext(str(row.get("label") or row.get("name")))) for row in readings]
    traces = []
    for position, name in enumerate(territories):
        meanings = [
            label_text(t.gettext(str((row.get("meaning") or {}).get(name) or "")), 120)
            for row in readings
        ]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label_text(name),
                "y": labels,
                "x": [number((row.get("z") or {}).get(name)) for row in readings],
                "customdata": meanings,
                "marker": {"color": territory_colour(position)},
                "hovertemplate": f"{label_text(name)}<br>%{{y}}: z = %{{x:.1f}}"
                "<br>%{customdata}<extra></extra>",
            }
        )
    layout = base_layout(
        140 + 22 * len(readings) * max(1, len(territories)),
        t=t,
        barmode="group",
        xaxis={
            "title": {"text": t.gettext("z-score against randomisations keeping each degree")},
            "gridcolor": GRID,
            "zeroline": True,
            "zerolinecolor": "#6b7280",
        },
        yaxis={"autorange": "reversed", "automargin": True},
        shapes=[
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": -2,
                "x1": 2,
                "y0": 0,
                "y1": 1,
                "fillcolor": "#f3f4f6",
                "line": {"width": 0},
                "layer": "below",
            }
        ],
    )
    return {"data": traces, "layout": layout}


def rates_figure(
    compare: Mapping[str, Any], t: Translator | None = None, limit: int = RATE_PAIRS
) -> dict[str, Any] | None:
    """Cross-sector shares with their 95 % Wilson intervals, a marker per territory."""
    t = t or translator("en")
    territories = territories_of(compare)
    rows = [
        row
        for row in compare.get("rates", [])
        if row.get("from") != row.get("to")
        and any(((row.get("values") or {}).get(n) or {}).get("actors") for n in territories)
    ][:limit]
    if not rows:
        return None
    labels = [label_text(pair_text(r.get("from"), r.get("to"), t), 60) for r in rows]
    traces = []
    for position, name in enumerate(territories):
        cells = [(row.get("values") or {}).get(name) or {} for row in rows]
        shares = [number(c.get("share")) for c in cells]
        texts = share_texts(shares, t) or []
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": label_text(name),
                "y": labels,
                "x": shares,
                "error_x": {
                    "type": "data",
                    "symmetric": False,
                    "array": [_gap(c.get("high"), s) for c, s in zip(cells, shares, strict=True)],
                    "arrayminus": [
                        _gap(s, c.get("low")) for c, s in zip(cells, shares, strict=True)
                    ],
                    "thickness": 1.5,
                    "width": 4,
                },
                "customdata": [
                    [c.get("tied"), c.get("actors"), *texts[i : i + 1]] for i, c in enumerate(cells)
                ],
                "marker": {"color": territory_colour(position), "size": 10},
                "hovertemplate": f"{label_text(name)}<br>%{{y}}: {share_hover('x', t, 2)}"
                " (%{customdata[0]} / %{customdata[1]})<extra></extra>",
            }
        )
    layout = base_layout(
        140 + 30 * len(rows),
        t=t,
        xaxis={
            "title": {"text": t.gettext("share with at least one tie (95 % Wilson interval)")},
            "range": [-0.02, 1.02],
            **share_axis(t),
            "gridcolor": GRID,
        },
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return {"data": traces, "layout": layout}


def _gap(upper: Any, lower: Any) -> float | None:
    upper, lower = number(upper), number(lower)
    return None if upper is None or lower is None else round(max(0.0, upper - lower), 6)


def yearly_figure(compare: Mapping[str, Any], t: Translator | None = None) -> dict[str, Any] | None:
    """Small multiples of the per-year series: each indicator and the key rate, a line a territory.

    The key rate (``business → association``, the first of the rates) comes
    first; then every indicator with a value in some year, each with its axis.
    """
    t = t or translator("en")
    years = compare.get("by_year") or {}
    x = list(years.get("years") or [])
    territories = territories_of(compare)
    if not x or not territories:
        return None
    panels: list[tuple[str, dict[str, list[Any]], bool]] = []
    for rate in (years.get("rates") or [])[:1]:
        series = {
            name: [
                number((cell or {}).get("share"))
                for cell in (rate.get("values") or {}).get(name) or []
            ]
            for name in territories
        }
        panels.append((pair_text(rate.get("from"), rate.get("to"), t), series, True))
    for ind in years.get("indicators", []):
        series = {name: list((ind.get("values") or {}).get(name) or []) for name in territories}
        if any(number(v) is not None for values in series.values() for v in values):
            panels.append((t.gettext(str(ind.get("label") or ind.get("name"))), series, False))
    layout = grid_layout([title for title, _, _ in panels], 3, t=t)
    traces = []
    for i, (title, series, share) in enumerate(panels):
        suffix = "" if i == 0 else str(i + 1)
        if share:
            layout[f"yaxis{suffix}"].update({**share_axis(t), "range": [0, 1.02]})
        layout[f"xaxis{suffix}"].update({"dtick": 1, "tickformat": "d"})
        for position, name in enumerate(territories):
            y = [number(v) for v in series[name]]
            texts = share_texts(y, t) if share else None
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "name": label_text(name),
                    "legendgroup": label_text(name),
                    "showlegend": i == 0,
                    "x": x,
                    "y": y,
                    "line": {"color": territory_colour(position)},
                    "xaxis": f"x{suffix}",
                    "yaxis": f"y{suffix}",
                    "hovertemplate": f"{label_text(name)} %{{x}}<br>{label_text(title)}: "
                    + (share_hover("y", t) if share else "%{y:.3f}")
                    + "<extra></extra>",
                    **({"customdata": [[text] for text in texts]} if texts is not None else {}),
                }
            )
    return {"data": traces, "layout": layout}


def crossings_figure(
    compare: Mapping[str, Any], t: Translator | None = None
) -> dict[str, Any] | None:
    """The inter-territorial network as a matrix: ties from the row's territory to the column's.

    Each cell also names the actors the two territories share.
    """
    t = t or translator("en")
    crossings = compare.get("crossings") or {}
    names = [str(n) for n in crossings.get("territories") or []]
    if len(names) < 2:
        return None
    shared: dict[tuple[str, str], int] = {}
    for pair in crossings.get("pairs") or []:
        a, b = (list(pair.get("territories") or []) + ["", ""])[:2]
        shared[a, b] = shared[b, a] = len(pair.get("shared") or [])
    leaving = crossings.get("leaving") or {}
    z, text = [], []
    for row in names:
        to = (leaving.get(row) or {}).get("to") or {}
        z.append([None if row == col else number(to.get(col)) for col in names])
        text.append(
            [
                ""
                if row == col
                else t.gettext("ties: {ties} · shared actors: {shared}").format(
                    ties=to.get(col, 0), shared=shared.get((row, col), 0)
                )
                for col in names
            ]
        )
    labels = [label_text(name, 30) for name in names]
    trace = {
        "type": "heatmap",
        "x": labels,
        "y": labels,
        "z": z,
        "text": text,
        "texttemplate": "%{text}",
        "colorscale": [[0.0, "#f7fbff"], [1.0, "#2171b5"]],
        "zmin": 0,
        "colorbar": {"title": {"text": t.gettext("ties")}},
        "hovertemplate": "%{y} → %{x}<br>%{text}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    layout = base_layout(
        160 + 60 * len(names),
        t=t,
        xaxis={"side": "top", "automargin": True, "showgrid": False},
        yaxis={"autorange": "reversed", "automargin": True, "showgrid": False},
    )
    return {"data": [trace], "layout": layout}
