"""The shell's callbacks: the address picks the page and where the language switch comes back to."""

from __future__ import annotations

import dash
from dash import Input, Output, State

from .. import ids, layout
from ..presenters.explore import focus_view, territories_view
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the router to ``app``."""

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.NAV, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.TERRITORY, "value"),
    )
    def route(pathname, search, territory):
        source = sources.current()
        focus = focus_view(source, territory, search)
        return layout.page_for(pathname, focus, territories_view(source)[0], sources)

    @app.callback(
        Output(ids.LANGUAGE_SWITCH, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def languages(pathname, search):
        return layout.language_switch(pathname, search, sources.translator())
