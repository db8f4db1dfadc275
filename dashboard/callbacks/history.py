"""Callbacks of the History page (``/history``)."""

from __future__ import annotations

import dash
from dash import Input, Output, State

from .. import ids
from ..presenters import history
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the History page's callbacks to ``app``."""

    @app.callback(
        Output(ids.HISTORY_TABLE, "data"),
        Output(ids.HISTORY_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.HISTORY_SCOPE, "value"),
        Input(ids.HISTORY_CHANGED, "data"),
    )
    def rows(territory, scope, _changed):
        return history.rows_view(sources, territory, scope)

    @app.callback(Output(ids.HISTORY_UNDO, "style"), Input(ids.HISTORY_SCOPE, "value"))
    def undo_shown(_scope):
        return None if sources.may_administer() else {"display": "none"}

    @app.callback(
        Output(ids.HISTORY_CHANGED, "data"),
        Output(ids.HISTORY_MESSAGE, "children"),
        Output(ids.HISTORY_UNDO_ALERT, "children"),
        Input(ids.HISTORY_UNDO, "n_clicks"),
        State(ids.HISTORY_TABLE, "derived_viewport_data"),
        State(ids.HISTORY_TABLE, "derived_viewport_selected_rows"),
        prevent_initial_call=True,
    )
    def undo(clicks, rows, selected):
        return history.undo_view(sources, rows, selected, clicks)
