"""Gaps (``/gaps``): sector × sector heatmap, fragile bridges and suggested introductions."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from ...reports.figures import graph_config
from ...reports.i18n import Translator, translator
from .. import ids


def layout(t: Translator | None = None) -> html.Div:
    t = t or translator()
    return html.Div(
        [
            html.H4(t.gettext("Gaps")),
            html.P(
                t.gettext(
                    "Which sectors work together less than their size predicts, who holds them "
                    "together, and which introductions would close the gaps."
                ),
                className="text-muted",
            ),
            html.Div(id=ids.GAPS_ALERT),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Loading(dcc.Graph(id=ids.GAPS_HEATMAP, config=graph_config(t))),
                        md=7,
                    ),
                    dbc.Col(
                        [
                            html.H5(t.gettext("Sector pairs with too few ties")),
                            html.Div(id=ids.GAPS_LIST),
                            html.H5(t.gettext("Fragile bridges")),
                            html.Div(id=ids.GAPS_FRAGILE),
                        ],
                        md=5,
                    ),
                ],
                className="g-3",
            ),
            html.H5(t.gettext("Suggested introductions")),
            html.Div(id=ids.GAPS_INTRODUCTIONS),
            html.Div(id=ids.GAPS_METHOD, className="mt-3"),
        ],
        className="gaps",
    )
