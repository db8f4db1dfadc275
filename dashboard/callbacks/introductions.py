"""Callbacks of the Introductions page (``/introductions``)."""

from __future__ import annotations

from datetime import date

import dash
from dash import Input, Output, State, ctx

from .. import ids
from ..presenters import introductions
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Introductions page's callbacks to ``app``."""

    @app.callback(
        Output(ids.INTRO_TABLE, "data"),
        Output(ids.INTRO_FUNNEL, "figure"),
        Output(ids.INTRO_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.INTRO_FILTER_STATUS, "value"),
        Input(ids.INTRO_FILTER_DUE, "value"),
        Input(ids.INTRO_CHANGED, "data"),
    )
    def follow_up(territory, status, due, _changed):
        source, t = sources.current(), sources.translator()
        return introductions.follow_up_view(source, territory, status, due, date.today(), t)

    @app.callback(
        Output(ids.INTRO_SOURCE, "options"),
        Output(ids.INTRO_TARGET, "options"),
        Output(ids.INTRO_VIA, "options"),
        Output(ids.INTRO_SOURCE, "value"),
        Output(ids.INTRO_TARGET, "value"),
        Output(ids.INTRO_PICK_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.URL, "search"),
    )
    def actors(territory, search):
        return introductions.form_view(sources.current(), territory, search, sources.translator())

    @app.callback(Output(ids.INTRO_FORMS, "style"), Input(ids.URL, "pathname"))
    def forms(_pathname):
        return introductions.editing_style(sources)

    @app.callback(
        output=[
            Output(ids.INTRO_CHANGED, "data"),
            Output(ids.INTRO_MESSAGE, "children"),
            Output(ids.INTRO_FORM_ALERT, "children"),
        ],
        inputs={
            "_record_clicks": Input(ids.INTRO_RECORD, "n_clicks"),
            "_move_clicks": Input(ids.INTRO_MOVE, "n_clicks"),
        },
        state={
            "territory": State(ids.TERRITORY, "value"),
            "record": {
                "source": State(ids.INTRO_SOURCE, "value"),
                "target": State(ids.INTRO_TARGET, "value"),
                "via": State(ids.INTRO_VIA, "value"),
                "date": State(ids.INTRO_DATE, "date"),
                "note": State(ids.INTRO_NOTE, "value"),
                "follow_up": State(ids.INTRO_FOLLOW_UP, "date"),
                "proposed": State(ids.INTRO_PROPOSED, "value"),
            },
            "move": {
                "status": State(ids.INTRO_MOVE_STATUS, "value"),
                "date": State(ids.INTRO_MOVE_DATE, "date"),
                "note": State(ids.INTRO_MOVE_NOTE, "value"),
                "follow_up": State(ids.INTRO_MOVE_FOLLOW_UP, "date"),
            },
            "rows": State(ids.INTRO_TABLE, "derived_viewport_data"),
            "selected": State(ids.INTRO_TABLE, "derived_viewport_selected_rows"),
        },
        prevent_initial_call=True,
    )
    def write(_record_clicks, _move_clicks, territory, record, move, rows, selected):
        trigger = ctx.triggered_id
        return introductions.write_view(
            sources, trigger, territory, record, move, rows, selected, date.today()
        )
