"""Callbacks of the Map page (``/map``)."""

from __future__ import annotations

import dash
from dash import Input, Output

from .. import ids
from ..presenters.territory_map import map_view
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Map page's callback to ``app``."""

    @app.callback(
        Output(ids.MAP_GRAPH, "figure"),
        Output(ids.MAP_NOTE, "children"),
        Output(ids.MAP_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.MAP_LEVEL, "value"),
    )
    def drawn(territory, level):
        return map_view(sources.current(), sources.translator(), territory, level)
