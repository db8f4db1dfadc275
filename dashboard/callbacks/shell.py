"""The shell's callbacks: the address picks the page, the territory it names and where the
language switch and the Explore link come back to."""

from __future__ import annotations

import dash
from dash import Input, Output, State

from .. import ids, layout
from ..presenters import view_state
from ..presenters.explore import focus_view, territories_view
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the router to ``app``."""

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.NAV, "children"),
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
        State(ids.TERRITORY, "value"),
        State(ids.VIEW_STATE, "data"),
    )
    def route(pathname, search, territory, saved):
        source = sources.current()
        focus = focus_view(source, territory, search, sources.translator())
        back = view_state.explore_link(saved, territory)
        return layout.page_for(pathname, focus, territories_view(source)[0], sources, back)

    @app.callback(
        Output(ids.TERRITORY, "value"),
        Input(ids.URL, "search"),
        State(ids.TERRITORY, "options"),
        State(ids.TERRITORY, "value"),
    )
    def territory_from_address(search, options, territory):
        return view_state.territory_view(search, options, territory)

    @app.callback(
        Output(ids.NAV_EXPLORE, "href"),
        Input(ids.VIEW_STATE, "data"),
        Input(ids.TERRITORY, "value"),
    )
    def explore_link(saved, territory):
        return view_state.explore_link(saved, territory)

    @app.callback(
        Output(ids.LANGUAGE_SWITCH, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def languages(pathname, search):
        return layout.language_switch(pathname, search, sources.translator())
