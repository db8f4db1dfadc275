"""Brokers (``/brokers``): the report as a sortable table, a chart, and downloads."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from ...reports.figures import graph_config
from ...reports.i18n import Translator, translator
from .. import ids, menus
from ..presenters.brokers import broker_columns, broker_header_tips
from ..presenters.formatting import dropdown, table_locale
from ..style import TABLE_CELL


def layout(t: Translator | None = None) -> html.Div:
    t = t or translator()
    return html.Div(
        [
            html.H4(t.gettext("Brokers")),
            html.P(
                t.gettext(
                    "Who links whom: centrality and the five brokerage roles of Gould and "
                    "Fernandez, with sectors as groups. Sort and filter the table by any column."
                ),
                className="text-muted",
            ),
            html.Div(
                [
                    html.Label(t.gettext("Rank by"), htmlFor=ids.BROKERS_MEASURE),
                    dropdown(
                        ids.BROKERS_MEASURE,
                        t,
                        options=menus.broker_options(t),
                        value="betweenness",
                        clearable=False,
                        className="measure-picker",
                    ),
                    dbc.Checkbox(
                        id=ids.BROKERS_WEIGHTED,
                        label=t.gettext("weighted by tie strength"),
                        value=False,
                    ),
                    html.Span(t.gettext("Download:"), className="ms-3"),
                    *[
                        dbc.Button(
                            label,
                            id=ids.download_button(fmt),
                            className=f"ms-1 download-{fmt}",
                            size="sm",
                            outline=True,
                            color="primary",
                        )
                        for fmt, label in menus.DOWNLOAD_FORMATS.items()
                    ],
                    dcc.Download(id=ids.DOWNLOAD),
                ],
                className="toolbar",
            ),
            html.Div(id=ids.BROKERS_ALERT),
            html.P(id=ids.BROKERS_SUMMARY, className="summary"),
            dcc.Loading(dcc.Graph(id=ids.BROKERS_CHART, config=graph_config(t))),
            dash_table.DataTable(
                **table_locale(t),
                id=ids.BROKERS_TABLE,
                columns=broker_columns(t),
                tooltip_header=broker_header_tips(t),
                tooltip_delay=300,
                tooltip_duration=None,
                data=[],
                sort_action="native",
                sort_mode="multi",
                filter_action="native",
                page_action="native",
                page_size=20,
                style_table={"overflowX": "auto"},
                style_cell=TABLE_CELL,
                style_header={"fontWeight": "bold"},
                style_cell_conditional=[
                    {"if": {"column_id": column}, "textAlign": "left"}
                    for column in ("name", "sector")
                ],
            ),
        ],
        className="brokers",
    )
