"""Compare (``/compare``): indicators of several territories side by side."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from .. import ids

DEFAULT_COUNT = 4


def layout(territories: Sequence[str]) -> html.Div:
    return html.Div(
        [
            html.H4("Compare territories"),
            html.Label("Territories", htmlFor=ids.COMPARE_PICK),
            dcc.Dropdown(
                id=ids.COMPARE_PICK,
                options=list(territories),
                value=list(territories[:DEFAULT_COUNT]),
                multi=True,
                placeholder="Pick territories…",
            ),
            html.Div(id=ids.COMPARE_ALERT, className="mt-2"),
            dash_table.DataTable(
                id=ids.COMPARE_TABLE,
                columns=[{"id": "indicator", "name": ["", "Indicator"]}],
                data=[],
                merge_duplicate_headers=True,
                tooltip_delay=300,
                tooltip_duration=None,
                style_table={"overflowX": "auto"},
                style_cell={"fontFamily": "inherit", "fontSize": "0.85rem", "padding": "4px"},
                style_header={"fontWeight": "bold", "textAlign": "center"},
                style_cell_conditional=[{"if": {"column_id": "indicator"}, "textAlign": "left"}],
            ),
            dbc.Row(
                [
                    dbc.Col(dcc.Graph(id=ids.COMPARE_CHART, config={"displaylogo": False}), md=7),
                    dbc.Col(
                        dcc.Graph(id=ids.COMPARE_RAW_CHART, config={"displaylogo": False}), md=5
                    ),
                ],
                className="g-3 mt-2",
            ),
        ],
        className="compare",
    )
