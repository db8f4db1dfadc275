"""Callbacks of the Explore page (``/``): sliders, selection, network, card, path, pickers."""

from __future__ import annotations

import dash
from dash import MATCH, Input, Output, State, ctx

from .. import ids
from ..presenters import explore
from ..presenters.network import stylesheet
from ..sources import Sources

PICKERS = {"type": ids.PICKER, "role": MATCH}


def register(app: dash.Dash, sources: Sources, *, threshold: int) -> None:
    """Attach the Explore page's callbacks to ``app``."""

    @app.callback(
        Output(ids.YEAR, "min"),
        Output(ids.YEAR, "max"),
        Output(ids.YEAR, "marks"),
        Output(ids.YEAR, "value"),
        Output(ids.YEAR, "disabled"),
        Output(ids.MIN_WEIGHT, "min"),
        Output(ids.MIN_WEIGHT, "max"),
        Output(ids.MIN_WEIGHT, "step"),
        Output(ids.MIN_WEIGHT, "marks"),
        Output(ids.MIN_WEIGHT, "value"),
        Input(ids.TERRITORY, "value"),
    )
    def sliders(territory):
        controls = explore.explore_controls_view(sources.current(), territory)
        return explore.slider_outputs(controls)

    @app.callback(Output(ids.AS_OF, "data"), Input(ids.YEAR, "value"), State(ids.YEAR, "max"))
    def as_of(year, maximum):
        return explore.as_of_for(year, maximum)

    @app.callback(
        Output(ids.SELECTED, "data"),
        Output(ids.DRILL, "data"),
        Input(ids.NETWORK, "tapNodeData"),
        Input(ids.picker(ids.SEARCH_ROLE), "value"),
        Input(ids.BACK, "n_clicks"),
        Input(ids.TERRITORY, "value"),
        prevent_initial_call=True,
    )
    def pick(tap, searched, _back, territory):
        trigger = ctx.triggered_id
        return explore.pick_view(sources.current(), territory, trigger, tap, searched, threshold)

    @app.callback(
        Output(ids.NETWORK, "elements"),
        Output(ids.NETWORK_SUMMARY, "children"),
        Output(ids.BACK, "style"),
        Output(ids.NETWORK_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.DRILL, "data"),
    )
    def network(territory, as_of, drill):
        return explore.network_view(sources.current(), territory, as_of, drill, threshold)

    @app.callback(
        Output(ids.LEGEND, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.DRILL, "data"),
        Input(ids.COLOUR_BY, "value"),
    )
    def legend(territory, as_of, drill, colour_by):
        source = sources.current()
        return explore.legend_view(source, territory, as_of, drill, colour_by, threshold)

    @app.callback(
        Output(ids.NETWORK, "stylesheet"),
        Input(ids.SIZE_BY, "value"),
        Input(ids.COLOUR_BY, "value"),
        Input(ids.SECTOR_FILTER, "value"),
        Input(ids.KIND_FILTER, "value"),
        Input(ids.MIN_WEIGHT, "value"),
        Input(ids.EGO, "data"),
        Input(ids.PATH, "data"),
    )
    def restyle(size_by, colour_by, sectors, kinds, min_weight, ego, path):
        options = dict(sectors=sectors, kinds=kinds, min_weight=min_weight, ego=ego, path=path)
        return stylesheet(size_by=size_by, colour_by=colour_by, **options)

    @app.callback(
        Output(ids.CARD, "children"),
        Output(ids.EGO, "data"),
        Output(ids.CARD_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.HOPS, "value"),
        Input(ids.DRILL, "data"),
    )
    def card(territory, as_of, actor, hops, drill):
        source = sources.current()
        return explore.card_view(source, territory, as_of, actor, hops, drill, threshold)

    @app.callback(
        Output(ids.PATH_STEPS, "children"),
        Output(ids.PATH, "data"),
        Output(ids.PATH_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.picker(ids.SOURCE_ROLE), "value"),
        Input(ids.picker(ids.TARGET_ROLE), "value"),
        Input(ids.DRILL, "data"),
    )
    def path(territory, as_of, start, end, drill):
        source = sources.current()
        return explore.path_view(source, territory, as_of, start, end, drill, threshold)

    @app.callback(
        Output(PICKERS, "options"),
        Input(PICKERS, "search_value"),
        Input(ids.TERRITORY, "value"),
        State(PICKERS, "value"),
    )
    def picker_options(query, territory, value):
        return explore.picker_view(sources.current(), territory, query, value)
