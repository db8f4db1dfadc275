"""Callbacks of the Explore page (``/``): sliders, selection, network, card, path, pickers."""

from __future__ import annotations

import dash
from dash import ALL, MATCH, Input, Output, State, ctx

from .. import ids
from ..presenters import (
    editing,
    explore,
    explore_clientside,
    explore_community,
    saved_views,
    view_state,
)
from ..presenters.explore_play import play_step
from ..presenters.progress import progress_view
from ..sources import Sources

PICKERS = {"type": ids.PICKER, "role": MATCH}
SEARCH = ids.picker(ids.SEARCH_ROLE)
OPEN_BUTTONS = {"type": ids.OPEN_COMMUNITY, "number": ALL}
EDIT_BUTTONS = (ids.EDIT_SAVE, ids.EDIT_UNDO, ids.EDIT_TIE_ADD, ids.EDIT_TIE_END)
#: The form that adds an actor: ``editing.add_actor``'s field -> its component.
ADD_FIELDS = {
    "new_name": ids.ADD_NAME,
    "new_sector": ids.ADD_SECTOR,
    "new_kind": ids.ADD_KIND,
    "new_city": ids.ADD_CITY,
}
#: The form that records a participation: ``editing.record_participation``'s field -> its
#: component and property.
PART_FIELDS = {
    "part_activity": (ids.PART_ACTIVITY, "value"),
    "part_name": (ids.PART_NAME, "value"),
    "part_date": (ids.PART_DATE, "date"),
}
WRITE_BUTTONS = (*EDIT_BUTTONS, ids.ADD_SUBMIT, ids.PART_SUBMIT)


def register(app: dash.Dash, sources: Sources) -> None:
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
        State(ids.URL, "search"),
    )
    def sliders(territory, search):
        controls = explore.explore_controls_view(sources.current(), territory, sources.translator())
        return explore.slider_outputs(controls, search, territory)

    app.clientside_callback(
        explore_clientside.AS_OF_FOR,
        Output(ids.AS_OF, "data"),
        Output(ids.NETWORK, "year"),
        Input(ids.YEAR, "value"),
        State(ids.YEAR, "max"),
    )

    @app.callback(
        Output(ids.SELECTED, "data"),
        Output(ids.NETWORK, "selected"),
        Output(ids.NETWORK, "focus"),
        Output(SEARCH, "value"),
        Input(ids.NETWORK, "n_clicks"),
        Input(ids.NETWORK, "n_cleared"),
        Input(SEARCH, "value"),
        Input(ids.TERRITORY, "value"),
        State(ids.NETWORK, "clickedNode"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def pick(_clicks, _cleared, searched, territory, clicked, search):
        return explore.pick_view(ctx.triggered_id, clicked, searched, search, territory)

    @app.callback(
        Output(ids.VIEW_STATE, "data"),
        Input(ids.COLOUR_BY, "value"),
        Input(ids.SECTOR_FILTER, "value"),
        Input(ids.YEAR, "value"),
        Input(ids.SELECTED, "data"),  # also set on a change of territory (see ``pick``)
        Input(ids.picker(ids.SOURCE_ROLE), "value"),
        Input(ids.picker(ids.TARGET_ROLE), "value"),
        Input(ids.KIND_FILTER, "value"),
        Input(ids.MIN_WEIGHT, "value"),
        Input(ids.HOPS, "value"),
        Input(ids.NETWORK, "community"),
        State(ids.TERRITORY, "value"),  # an input would fire it on pages without Explore
        State(ids.YEAR, "max"),
    )
    def view(colour, sectors, year, actor, start, end, kinds, weight, hops, opened, place, last):
        drawing = {"kinds": kinds, "min_weight": weight, "hops": hops, "community": opened}
        return view_state.current(place, colour, sectors, year, last, actor, start, end, **drawing)

    @app.callback(
        Output(ids.NETWORK, "community"),
        Input(OPEN_BUTTONS, "n_clicks"),
        Input(ids.TERRITORY, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def open_community(clicks, territory, search):
        return explore_community.opened(ctx.triggered_id, clicks, search, territory)

    @app.callback(
        Output(ids.YEAR, "value", allow_duplicate=True),
        Output(ids.PLAY_TICK, "disabled"),
        Output(ids.PLAY, "children"),
        Input(ids.PLAY, "n_clicks"),
        Input(ids.PLAY_TICK, "n_intervals"),
        State(ids.PLAY_TICK, "disabled"),
        State(ids.YEAR, "value"),
        State(ids.YEAR, "min"),
        State(ids.YEAR, "max"),
        prevent_initial_call=True,
    )
    def play(_clicks, _ticks, stopped, year, first, last):
        return play_step(ctx.triggered_id, not stopped, year, first, last, sources.translator())

    @app.callback(
        Output(ids.EDIT_NAME, "value"),
        Output(ids.EDIT_SECTOR, "value"),
        Output(ids.EDIT_KIND, "value"),
        Output(ids.EDIT_CITY, "value"),
        Output(ids.EDIT_PANEL, "style"),
        Output(ids.EDIT_ACTOR_PART, "style"),
        Output(ids.PART_ACTIVITY, "options"),
        Output(ids.EDIT_ALERT, "children"),
        Input(ids.SELECTED, "data"),
        Input(ids.EDITED, "data"),
        State(ids.TERRITORY, "value"),
    )
    def edit_form(actor, _edited, territory):
        t = sources.translator()
        return editing.form_view(sources.current(), sources.may_write(), actor, territory, t)

    @app.callback(
        output=[
            Output(ids.EDITED, "data"),
            Output(ids.EDIT_MESSAGE, "children"),
            Output(ids.EDIT_UNDO, "disabled"),
            *(Output(component, "value") for component in ADD_FIELDS.values()),
            *(Output(*component) for component in PART_FIELDS.values()),
            Output(ids.EDIT_ALERT, "children", allow_duplicate=True),
        ],
        inputs={"_clicks": [Input(button, "n_clicks") for button in WRITE_BUTTONS]},
        state={
            "actor": State(ids.SELECTED, "data"),
            "fields": {
                "name": State(ids.EDIT_NAME, "value"),
                "sector": State(ids.EDIT_SECTOR, "value"),
                "kind": State(ids.EDIT_KIND, "value"),
                "city": State(ids.EDIT_CITY, "value"),
                "partner": State(ids.picker(ids.PARTNER_ROLE), "value"),
                "tie_kind": State(ids.EDIT_TIE_KIND, "value"),
                "date": State(ids.EDIT_TIE_DATE, "date"),
                "note": State(ids.EDIT_TIE_NOTE, "value"),
                **{field: State(component, "value") for field, component in ADD_FIELDS.items()},
                **{field: State(*component) for field, component in PART_FIELDS.items()},
            },
            "last": State(ids.EDITED, "data"),
            "territory": State(ids.TERRITORY, "value"),
        },
        prevent_initial_call=True,
    )
    def edit_write(_clicks, actor, fields, last, territory):
        return editing.write_view(sources, ctx.triggered_id, actor, fields, last, territory)

    app.clientside_callback(
        view_state.SHOW_IN_ADDRESS,
        Output(ids.VIEW_STATE_SHOWN, "data"),
        Input(ids.VIEW_STATE, "data"),
    )
    app.clientside_callback(
        view_state.COPY_LINK,
        Output(ids.COPY_LINK_NOTE, "children"),
        Input(ids.COPY_LINK, "n_clicks"),
        State(ids.COPY_LINK_DONE, "data"),
    )

    @app.callback(
        Output(ids.SAVED_VIEW_PICK, "options"),
        Output(ids.SAVED_VIEW_LINKS, "data"),
        Output(ids.SAVED_VIEW_MESSAGE, "children"),
        Output(ids.SAVED_VIEW_WRITE, "style"),
        Output(ids.SAVED_VIEW_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.SAVED_VIEW_SAVE, "n_clicks"),
        Input(ids.SAVED_VIEW_DELETE, "n_clicks"),
        State(ids.VIEW_STATE, "data"),  # what Save saves; the browser names it (below)
        State(ids.SAVED_VIEW_NAME, "value"),
        State(ids.SAVED_VIEW_PICK, "value"),
    )
    def saved(territory, _saves, _deletes, search, name, picked):
        trigger = ctx.triggered_id
        return saved_views.saved_views_view(sources, trigger, territory, name, search, picked)

    app.clientside_callback(
        saved_views.NAME_ON_SCREEN,
        Output(ids.SAVED_VIEW_PICK, "value"),
        Input(ids.VIEW_STATE, "data"),
        Input(ids.SAVED_VIEW_LINKS, "data"),
    )
    app.clientside_callback(
        saved_views.OPEN_SAVED_VIEW,
        Output(ids.SAVED_VIEW_OPENED, "data"),
        Input(ids.SAVED_VIEW_PICK, "value"),
        State(ids.SAVED_VIEW_LINKS, "data"),
        State(ids.VIEW_STATE, "data"),
    )

    @app.callback(
        Output(ids.NETWORK, "payload"),
        Output(ids.NETWORK, "filename"),
        Output(ids.NETWORK, "caption"),
        Output(ids.NETWORK_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.SIZE_BY, "value"),
        Input(ids.EDITED, "data"),
        Input(ids.NETWORK, "community"),
    )
    def network(territory, as_of, size_by, _edited, community):
        t = sources.translator()
        return explore.network_view(sources.current(), territory, as_of, size_by, t, community)

    @app.callback(
        Output(ids.NETWORK_SUMMARY, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.SECTOR_FILTER, "value"),
        Input(ids.KIND_FILTER, "value"),
        Input(ids.MIN_WEIGHT, "value"),
        Input(ids.NETWORK, "community"),
    )
    def summary(territory, as_of, sectors, kinds, weight, community):
        t, source = sources.translator(), sources.current()
        return explore.summary_view(source, territory, as_of, sectors, t, kinds, weight, community)

    @app.callback(
        Output(ids.NETWORK_PROGRESS, "children"),
        Output(ids.NETWORK_PROGRESS_TICK, "disabled"),
        Input(ids.TERRITORY, "value"),
        Input(ids.NETWORK_PROGRESS_TICK, "n_intervals"),
    )
    def progress(territory, _tick):
        return progress_view(sources.current(), sources.translator(), territory)

    # What only restyles the drawing runs in the browser: no round trip to the server.
    app.clientside_callback(
        explore_clientside.SECTORS_IN_SYNC,
        Output(ids.SECTOR_FILTER, "value"),
        Output(ids.NETWORK, "visibleSectors"),
        Input(ids.SECTOR_FILTER, "value"),
        Input(ids.NETWORK, "visibleSectors"),
    )
    app.clientside_callback(
        explore_clientside.DRAWING_OPTIONS,
        Output(ids.NETWORK, "colouring"),
        Output(ids.NETWORK, "visibleKinds"),
        Output(ids.NETWORK, "minWeight"),
        Input(ids.COLOUR_BY, "value"),
        Input(ids.KIND_FILTER, "value"),
        Input(ids.MIN_WEIGHT, "value"),
    )

    @app.callback(
        Output(ids.CARD, "children"),
        Output(ids.NETWORK, "neighbourhood"),
        Output(ids.CARD_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.HOPS, "value"),
        Input(ids.EDITED, "data"),
    )
    def card(territory, as_of, actor, hops, _edited):
        return explore.card_view(
            sources.current(), territory, as_of, actor, hops, sources.translator()
        )

    @app.callback(
        Output(ids.PATH_STEPS, "children"),
        Output(ids.NETWORK, "path"),
        Output(ids.PATH_ALERT, "children"),
        Input(ids.TERRITORY, "value"),
        Input(ids.AS_OF, "data"),
        Input(ids.picker(ids.SOURCE_ROLE), "value"),
        Input(ids.picker(ids.TARGET_ROLE), "value"),
        Input(ids.NETWORK, "community"),
    )
    def path(territory, as_of, start, end, community):
        t = sources.translator()
        return explore.path_view(sources.current(), territory, as_of, start, end, t, community)

    @app.callback(
        Output(PICKERS, "options"),
        Input(PICKERS, "search_value"),
        Input(ids.TERRITORY, "value"),
        State(PICKERS, "value"),
    )
    def picker_options(query, territory, value):
        return explore.picker_view(sources.current(), territory, query, value, sources.translator())
