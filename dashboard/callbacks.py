"""Every callback of the app. Each one is one to three lines: it calls a presenter.

Callbacks are registered on the app given to :func:`register`, with the
``Sources`` in their closure (no module-level state): each call reads
``sources.current()``, the data its user's role may see.
"""

from __future__ import annotations

import dash
from dash import ALL, MATCH, Input, Output, State, ctx

from . import ids, layout, presenters
from .sources import Sources

PICKERS = {"type": ids.PICKER, "role": MATCH}


def register(app: dash.Dash, sources: Sources, *, threshold: int) -> None:
    """Attach the callbacks of every page to ``app``."""

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.NAV, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.TERRITORY, "value"),
    )
    def route(pathname, search, territory):
        source = sources.current()
        focus = presenters.focus_view(source, territory, search)
        return layout.page_for(pathname, focus, presenters.territories_view(source)[0])

    # Explore

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
        controls = presenters.explore_controls_view(sources.current(), territory)
        return presenters.slider_outputs(controls)

    @app.callback(Output(ids.AS_OF, "data"), Input(ids.YEAR, "value"), State(ids.YEAR, "max"))
    def as_of(year, maximum):
        return presenters.as_of_for(year, maximum)

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
        return presenters.pick_view(sources.current(), territory, trigger, tap, searched, threshold)

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
        return presenters.network_view(sources.current(), territory, as_of, drill, threshold)

    @app.callback(
        Output(ids.LEGEND, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.DRILL, "data"),
        Input(ids.COLOUR_BY, "value"),
    )
    def legend(territory, as_of, drill, colour_by):
        return presenters.legend_view(
            sources.current(), territory, as_of, drill, colour_by, threshold
        )

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
        return presenters.stylesheet(size_by=size_by, colour_by=colour_by, **options)

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
        return presenters.card_view(
            sources.current(), territory, as_of, actor, hops, drill, threshold
        )

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
        return presenters.path_view(
            sources.current(), territory, as_of, start, end, drill, threshold
        )

    @app.callback(
        Output(PICKERS, "options"),
        Input(PICKERS, "search_value"),
        Input(ids.TERRITORY, "value"),
        State(PICKERS, "value"),
    )
    def picker_options(query, territory, value):
        return presenters.picker_view(sources.current(), territory, query, value)

    # Brokers

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
    def brokers(territory, measure, weighted):
        return presenters.brokers_view(sources.current(), territory, measure, weighted)

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Output(ids.BROKERS_ALERT, "children", allow_duplicate=True),
        Input({"type": ids.DOWNLOAD_BUTTON, "fmt": ALL}, "n_clicks"),
        State(ids.TERRITORY, "value"),
        State(ids.BROKERS_WEIGHTED, "value"),
        prevent_initial_call=True,
    )
    def download(clicks, territory, weighted):
        return presenters.download_view(
            sources.current(), territory, weighted, ctx.triggered_id, clicks
        )

    # Gaps

    @app.callback(
        Output(ids.GAPS_HEATMAP, "figure"),
        Output(ids.GAPS_LIST, "children"),
        Output(ids.GAPS_FRAGILE, "children"),
        Output(ids.GAPS_INTRODUCTIONS, "children"),
        Output(ids.GAPS_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
    )
    def gaps(territory):
        return presenters.gaps_view(sources.current(), territory)

    @app.callback(
        Output(ids.URL, "pathname"),
        Output(ids.URL, "search"),
        Input({"type": ids.INTRODUCTION, "index": ALL}, "n_clicks"),
        State(ids.TERRITORY, "value"),
        prevent_initial_call=True,
    )
    def introduce(clicks, territory):
        return presenters.introduction_view(sources.current(), territory, ctx.triggered_id, clicks)

    # Compare

    @app.callback(
        Output(ids.COMPARE_TABLE, "data"),
        Output(ids.COMPARE_TABLE, "columns"),
        Output(ids.COMPARE_TABLE, "tooltip_data"),
        Output(ids.COMPARE_CHART, "figure"),
        Output(ids.COMPARE_RAW_CHART, "figure"),
        Output(ids.COMPARE_ALERT, "children"),
        Input(ids.COMPARE_PICK, "value"),
    )
    def compare(territories):
        return presenters.compare_view(sources.current(), territories)
