"""Callbacks of the Brokers page (``/brokers``): table, chart, summary, downloads."""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, ctx

from .. import ids
from ..presenters import brokers
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Brokers page's callbacks to ``app``."""

    @app.callback(
        Output(ids.BROKERS_TABLE, "data"),
        Output(ids.BROKERS_TABLE, "columns"),
        Output(ids.BROKERS_CHART, "figure"),
        Output(ids.BROKERS_SUMMARY, "children"),
        Output(ids.BROKERS_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.BROKERS_MEASURE, "value"),
        Input(ids.BROKERS_WEIGHTED, "value"),
    )
    def table(territory, measure, weighted):
        t = sources.translator()
        return brokers.brokers_view(sources.current(), territory, measure, weighted, t)

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Output(ids.BROKERS_ALERT, "children", allow_duplicate=True),
        Input({"type": ids.DOWNLOAD_BUTTON, "fmt": ALL}, "n_clicks"),
        State(ids.TERRITORY, "value"),
        State(ids.BROKERS_WEIGHTED, "value"),
        prevent_initial_call=True,
    )
    def download(clicks, territory, weighted):
        source = sources.current()
        t = sources.translator()
        return brokers.download_view(source, territory, weighted, ctx.triggered_id, clicks, t)
