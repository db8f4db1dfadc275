"""The callbacks of the Compare page (``/compare``)."""

from __future__ import annotations

import dash
from dash import Input, Output

from .. import ids
from ..presenters import compare
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Compare page's callbacks to ``app``."""

    @app.callback(
        Output(ids.COMPARE_TABLE, "data"),
        Output(ids.COMPARE_TABLE, "columns"),
        Output(ids.COMPARE_TABLE, "tooltip_data"),
        Output(ids.COMPARE_CHART, "figure"),
        Output(ids.COMPARE_RAW_CHART, "figure"),
        Output(ids.COMPARE_RATES_TABLE, "data"),
        Output(ids.COMPARE_RATES_TABLE, "columns"),
        Output(ids.COMPARE_RATES_CHART, "figure"),
        Output(ids.COMPARE_Z_TABLE, "data"),
        Output(ids.COMPARE_Z_TABLE, "columns"),
        Output(ids.COMPARE_SUMMARY, "children"),
        Output(ids.COMPARE_CROSSINGS_TABLE, "data"),
        Output(ids.COMPARE_CROSSINGS_TABLE, "columns"),
        Output(ids.COMPARE_CROSSINGS_CHART, "figure"),
        Output(ids.COMPARE_ALERT, "children"),
        Input(ids.COMPARE_PICK, "value"),
        Input(ids.COMPARE_KIND, "value"),
    )
    def indicators(territories, kind):
        return compare.compare_view(sources.current(), territories, kind, sources.translator())

    @app.callback(
        Output(ids.COMPARE_YEARLY_CHART, "figure"),
        Output(ids.COMPARE_BRIDGES_TABLE, "data"),
        Output(ids.COMPARE_BRIDGES_TABLE, "columns"),
        Output(ids.COMPARE_YEARLY_ALERT, "children"),
        Input(ids.COMPARE_PICK, "value"),
        Input(ids.COMPARE_KIND, "value"),
        Input(ids.COMPARE_BY_YEAR, "value"),
    )
    def years(territories, kind, by_year):
        t = sources.translator()
        return compare.yearly_view(sources.current(), territories, kind, by_year, t)
