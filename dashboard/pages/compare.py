"""Compare (``/compare``): indicators, partnership rates, years and crossings of territories."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from ...graph.model import TieKind
from ...reports.figures import graph_config
from ...reports.i18n import Translator, translator
from .. import ids
from ..presenters.formatting import dropdown, table_locale
from ..style import TABLE_CELL

DEFAULT_COUNT = 4
RATES_PER_PAGE = 16
"""Rows of the rates table per page (the ``business →`` pairs first, then the rest)."""
HEADER = {"fontWeight": "bold", "textAlign": "center"}


def _table(table_id: str, first: str, t: Translator, **extra: object) -> dash_table.DataTable:
    return dash_table.DataTable(
        **table_locale(t),
        id=table_id,
        columns=[],
        data=[],
        style_table={"overflowX": "auto"},
        style_cell={**TABLE_CELL, "whiteSpace": "normal", "height": "auto", "textAlign": "left"},
        style_header=HEADER,
        style_cell_conditional=[{"if": {"column_id": first}, "textAlign": "left"}],
        **extra,
    )


def _section(title: str, meaning: str, *children: object) -> html.Section:
    return html.Section(
        [html.H5(title, className="mt-4"), html.P(meaning, className="text-muted small"), *children]
    )


def layout(territories: Sequence[str], t: Translator | None = None) -> html.Div:
    t = t or translator()
    return html.Div(
        [
            html.H4(t.gettext("Compare territories")),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.Label(t.gettext("Territories"), htmlFor=ids.COMPARE_PICK),
                            dropdown(
                                ids.COMPARE_PICK,
                                t,
                                options=list(territories),
                                value=list(territories[:DEFAULT_COUNT]),
                                multi=True,
                                placeholder=t.gettext("Pick territories…"),
                            ),
                        ],
                        md=8,
                    ),
                    dbc.Col(
                        [
                            html.Label(
                                t.gettext("Ties counted in the rates"), htmlFor=ids.COMPARE_KIND
                            ),
                            dropdown(
                                ids.COMPARE_KIND,
                                t,
                                options=[
                                    {"label": t.gettext(k.value), "value": k.value} for k in TieKind
                                ],
                                value=None,
                                placeholder=t.gettext("every kind of tie"),
                            ),
                        ],
                        md=4,
                    ),
                ],
                className="g-3",
            ),
            html.Div(id=ids.COMPARE_ALERT, className="mt-2"),
            _section(
                t.gettext("What stands out"),
                t.gettext("Generated from the figures below, territory by territory."),
                html.Div(id=ids.COMPARE_SUMMARY),
            ),
            _section(
                t.gettext("Partnership rates"),
                t.gettext(
                    "For each ordered pair of sectors, the share of the first sector's actors "
                    "tied to at least one actor of the second, with its 95 % interval "
                    "(businesses → associations first)."
                ),
                _table(ids.COMPARE_RATES_TABLE, "pair", t, page_size=RATES_PER_PAGE),
                dcc.Graph(id=ids.COMPARE_RATES_CHART, config=graph_config(t)),
            ),
            _section(
                t.gettext("Compared with chance"),
                t.gettext(
                    "How far each indicator is from what the territory's numbers of ties alone "
                    "would give (z-score against randomised copies; beyond ±2 stands out). "
                    "Indicators that randomisation keeps fixed are left out."
                ),
                _table(ids.COMPARE_Z_TABLE, "indicator", t),
                dcc.Graph(id=ids.COMPARE_CHART, config=graph_config(t)),
            ),
            _section(
                t.gettext("Raw indicators"),
                t.gettext(
                    "Each indicator as measured, on its own axis (hover a name in the table "
                    "for its definition)."
                ),
                _table(
                    ids.COMPARE_TABLE,
                    "indicator",
                    t,
                    merge_duplicate_headers=True,
                    tooltip_delay=300,
                    tooltip_duration=None,
                ),
                dcc.Graph(id=ids.COMPARE_RAW_CHART, config=graph_config(t)),
            ),
            _section(
                t.gettext("Across territories"),
                t.gettext(
                    "Actors that belong to two territories and ties that cross from one to another."
                ),
                _table(ids.COMPARE_CROSSINGS_TABLE, "territories", t),
                dcc.Graph(id=ids.COMPARE_CROSSINGS_CHART, config=graph_config(t)),
            ),
            _section(
                t.gettext("Per year"),
                t.gettext(
                    "Each indicator and the key rate as of each 31 December, and the "
                    "cross-sector bridges gained and lost."
                ),
                dbc.Checklist(
                    id=ids.COMPARE_BY_YEAR,
                    options=[{"label": t.gettext("per year (takes longer)"), "value": "by_year"}],
                    value=[],
                    switch=True,
                ),
                html.Div(id=ids.COMPARE_YEARLY_ALERT, className="mt-2"),
                dcc.Loading(dcc.Graph(id=ids.COMPARE_YEARLY_CHART, config=graph_config(t))),
                _table(ids.COMPARE_BRIDGES_TABLE, "year", t),
            ),
        ],
        className="compare",
    )
