"""Callbacks of the Gaps page (``/gaps``): the analysis, and an introduction opened in Explore."""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, ctx

from .. import ids
from ..presenters import gaps
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Gaps page's callbacks to ``app``."""

    @app.callback(
        Output(ids.GAPS_HEATMAP, "figure"),
        Output(ids.GAPS_LIST, "children"),
        Output(ids.GAPS_FRAGILE, "children"),
        Output(ids.GAPS_INTRODUCTIONS, "children"),
        Output(ids.GAPS_METHOD, "children"),
        Output(ids.GAPS_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
    )
    def analysis(territory):
        return gaps.gaps_view(sources.current(), territory, sources.translator())

    @app.callback(
        Output(ids.URL, "pathname"),
        Output(ids.URL, "search"),
        Input({"type": ids.INTRODUCTION, "index": ALL}, "n_clicks"),
        State(ids.TERRITORY, "value"),
        prevent_initial_call=True,
    )
    def introduce(clicks, territory):
        return gaps.introduction_view(sources.current(), territory, ctx.triggered_id, clicks)
