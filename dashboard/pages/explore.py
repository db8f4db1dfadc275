"""Explore (``/``): the network, its filters, the actor card and the path finder."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from ...graph.saved_views import MAX_NAME_LENGTH
from ...graph.vocabulary import SECTORS, TIE_KINDS, TIE_WEIGHT_EXPLANATION
from ...reports.i18n import Translator, translator
from ...reports.labels import tie_kind_label
from .. import ids, menus
from ..network_view import NetworkView
from ..presenters.explore import year_slider
from ..presenters.explore_play import PLAY_INTERVAL_MS, PLAY_LABEL
from ..presenters.formatting import date_picker, dropdown, info_mark, sector_options
from ..presenters.network import network_labels, summary_explanations
from ..presenters.view_state import HOP_CHOICES


def _action_pair(
    main: tuple[str, str], other: tuple[str, str], title: str, *, disabled: bool = False
) -> tuple[dbc.Button, dbc.Button]:
    """A small primary button and, beside it, its outlined counterpart (label, id each)."""
    return (
        dbc.Button(main[0], id=main[1], size="sm", color="primary"),
        dbc.Button(
            other[0],
            id=other[1],
            size="sm",
            color="secondary",
            outline=True,
            className="ms-2",
            disabled=disabled,
            title=title,
        ),
    )


def _picker(
    role: str, placeholder: str, chosen: Mapping[str, Any] | None, t: Translator
) -> dcc.Dropdown:
    chosen = chosen or {}
    return dropdown(
        ids.picker(role),
        t,
        options=chosen.get("options", []),
        value=chosen.get("value"),
        placeholder=placeholder,
        searchable=True,
        clearable=True,
        className=f"actor-picker picker-{role}",
    )


def saved_views(t: Translator) -> html.Div:
    """Choose a saved view of the territory; name and save this one, or delete the chosen one.

    The save and delete controls show to the roles that may write (``presenters.saved_views``).
    """
    return html.Div(
        [
            html.Label(t.gettext("Saved views"), htmlFor=ids.SAVED_VIEW_PICK),
            dropdown(
                ids.SAVED_VIEW_PICK,
                t,
                options=[],
                placeholder=t.gettext("Choose a saved view…"),
                clearable=True,
                searchable=True,
            ),
            html.Div(
                [
                    dcc.Input(
                        id=ids.SAVED_VIEW_NAME,
                        type="text",
                        maxLength=MAX_NAME_LENGTH,
                        placeholder=t.gettext("Name of this view"),
                        className="form-control form-control-sm mt-2",
                    ),
                    *_action_pair(
                        (t.gettext("Save view"), ids.SAVED_VIEW_SAVE),
                        (t.gettext("Delete"), ids.SAVED_VIEW_DELETE),
                        t.gettext("Delete the saved view chosen above"),
                    ),
                ],
                id=ids.SAVED_VIEW_WRITE,
                style={"display": "none"},
                className="saved-view-write",
            ),
            html.Div(id=ids.SAVED_VIEW_MESSAGE, className="small mt-2", role="status"),
            html.Div(id=ids.SAVED_VIEW_ALERT),
            dcc.Store(id=ids.SAVED_VIEW_LINKS),
            dcc.Store(id=ids.SAVED_VIEW_OPENED),
        ],
        className="mt-3 saved-views",
    )


def controls(focus: Mapping[str, Any] | None = None, t: Translator | None = None) -> dbc.Card:
    """The filters and options, as the address asks (``focus``; default: everything)."""
    focus = focus or {}
    t = t or translator()
    sectors = list(SECTORS)
    kinds = list(TIE_KINDS)
    return dbc.Card(
        dbc.CardBody(
            [
                html.Label(t.gettext("Find an actor")),
                _picker(ids.SEARCH_ROLE, t.gettext("Type a name…"), None, t),
                html.Label(t.gettext("Size by")),
                dropdown(
                    ids.SIZE_BY,
                    t,
                    options=menus.size_options(t),
                    value="degree",
                    clearable=False,
                ),
                html.Label(t.gettext("Colour by")),
                dcc.RadioItems(
                    id=ids.COLOUR_BY,
                    options=[
                        {"label": " " + t.gettext("sector"), "value": "sector"},
                        {"label": " " + t.gettext("community"), "value": "community"},
                    ],
                    value=focus.get("colour", "sector"),
                    inline=True,
                    className="radio-inline",
                ),
                html.Label(t.gettext("Sectors")),
                dcc.Checklist(
                    id=ids.SECTOR_FILTER,
                    options=sector_options(t),
                    value=list(focus.get("sectors", sectors)),
                    className="checks",
                ),
                html.Label(t.gettext("Tie kinds")),
                dcc.Checklist(
                    id=ids.KIND_FILTER,
                    options=[{"label": tie_kind_label(kind, t), "value": kind} for kind in kinds],
                    value=list(focus.get("kinds", kinds)),
                    className="checks",
                ),
                html.Label(
                    [
                        t.gettext("Minimum tie weight"),
                        " ",
                        info_mark(t.gettext(TIE_WEIGHT_EXPLANATION)),
                    ]
                ),
                dcc.Slider(
                    id=ids.MIN_WEIGHT,
                    min=0,
                    max=1,
                    step=1,
                    value=0,
                    marks={},
                    allow_direct_input=False,
                ),
                html.Label(t.gettext("As of (end of year)")),
                dcc.Slider(
                    id=ids.YEAR,
                    min=0,
                    max=1,
                    step=1,
                    value=1,
                    marks=year_slider([], t)["marks"],
                    allow_direct_input=False,
                ),
                dbc.Button(
                    t.gettext(PLAY_LABEL),
                    id=ids.PLAY,
                    size="sm",
                    color="secondary",
                    outline=True,
                    title=t.gettext("Show the network year by year, from the first year to all"),
                ),
                dcc.Interval(id=ids.PLAY_TICK, interval=PLAY_INTERVAL_MS, disabled=True),
                html.Div(
                    [
                        dbc.Button(
                            t.gettext("Copy link"),
                            id=ids.COPY_LINK,
                            size="sm",
                            color="secondary",
                            outline=True,
                            title=t.gettext(
                                "Copy the address of this view: territory, filters, "
                                "colouring, selection, path and date"
                            ),
                        ),
                        html.Span(id=ids.COPY_LINK_NOTE, className="small ms-2", role="status"),
                        dcc.Store(id=ids.COPY_LINK_DONE, data=t.gettext("Link copied")),
                    ],
                    className="mt-3",
                ),
                saved_views(t),
            ]
        ),
        className="controls",
    )


def network_panel(
    selected: str | None = None,
    colouring: str = "sector",
    t: Translator | None = None,
    community: int | None = None,
) -> html.Div:
    return html.Div(
        [
            html.Div(id=ids.NETWORK_ALERT),
            html.Div(id=ids.NETWORK_PROGRESS, className="progress-note", role="status"),
            dcc.Interval(id=ids.NETWORK_PROGRESS_TICK, interval=1000, disabled=True),
            html.Div(id=ids.NETWORK_SUMMARY, className="summary", title=summary_explanations(t)),
            dcc.Loading(
                NetworkView(
                    id=ids.NETWORK,
                    selected=selected,
                    colouring=colouring,
                    community=community,
                    labels=network_labels(t or translator()),
                    style={"width": "100%", "height": "68vh"},
                    className="network",
                ),
                target_components={ids.NETWORK: "payload"},
                type="circle",
                delay_show=150,
            ),
        ],
        className="network-panel",
    )


def path_finder(focus: Mapping[str, Any], t: Translator | None = None) -> dbc.Card:
    t = t or translator()
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5(t.gettext("Path between two actors"), className="card-title"),
                html.P(t.gettext("Who can introduce one actor to another?"), className="small"),
                _picker(ids.SOURCE_ROLE, t.gettext("From…"), focus.get("from"), t),
                _picker(ids.TARGET_ROLE, t.gettext("To…"), focus.get("to"), t),
                html.Div(id=ids.PATH_ALERT),
                html.Div(id=ids.PATH_STEPS, className="mt-2"),
            ]
        ),
        className="mt-3",
    )


def side_panel(t: Translator | None = None, focus: Mapping[str, Any] | None = None) -> html.Div:
    t = t or translator()
    focus = focus or {}
    return html.Div(
        [
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H5(t.gettext("Actor"), className="card-title"),
                        html.Div(
                            [
                                html.Label(t.gettext("Highlight ties within")),
                                dcc.RadioItems(
                                    id=ids.HOPS,
                                    options=[
                                        {"label": " " + hops_label(k, t), "value": k}
                                        for k in HOP_CHOICES
                                    ],
                                    value=focus.get("hops", HOP_CHOICES[0]),
                                    inline=True,
                                    className="radio-inline",
                                ),
                            ]
                        ),
                        html.Div(id=ids.CARD_ALERT),
                        html.Div(id=ids.CARD),
                    ]
                ),
                className="mb-3",
            ),
            edit_panel(t),
        ],
        className="side-panel",
    )


def hops_label(hops: int, t: Translator) -> str:
    """ "1 hop", "2 hops": the ego network's reach, in ``t``'s language."""
    return t.ngettext("{n} hop", "{n} hops", hops).format(n=hops)


def _field(label: str, control: Any) -> html.Div:
    return html.Div([html.Label(label, className="small mb-0"), control], className="mb-2")


def _text_input(component_id: str) -> dcc.Input:
    return dcc.Input(id=component_id, type="text", className="form-control")


def add_actor_form(t: Translator) -> html.Div:
    """Add an actor to the territory shown: name and sector needed, kind and city optional."""
    return html.Div(
        [
            html.H6(t.gettext("Add an actor"), className="mt-3"),
            _field(t.gettext("Name"), _text_input(ids.ADD_NAME)),
            _field(
                t.gettext("Sector"),
                dropdown(ids.ADD_SECTOR, t, options=sector_options(t), clearable=False),
            ),
            _field(t.gettext("Kind (optional)"), _text_input(ids.ADD_KIND)),
            _field(t.gettext("City (optional)"), _text_input(ids.ADD_CITY)),
            *_action_pair(
                (t.gettext("Add to this territory"), ids.ADD_SUBMIT),
                (t.gettext("Undo"), ids.EDIT_UNDO),
                t.gettext("Undo the last change made here (the history lists every change)"),
                disabled=True,
            ),
        ]
    )


def participation_form(t: Translator) -> html.Div:
    """Record that the selected actor took part in an activity of the territory, or in a
    new one (its name, and its date if known)."""
    return html.Div(
        [
            html.H6(t.gettext("Record a participation"), className="mt-3"),
            _field(
                t.gettext("Activity"),
                dropdown(
                    ids.PART_ACTIVITY,
                    t,
                    options=[],
                    placeholder=t.gettext("An activity of this territory…"),
                    searchable=True,
                    clearable=True,
                ),
            ),
            _field(t.gettext("Or a new activity"), _text_input(ids.PART_NAME)),
            _field(
                t.gettext("Its date (optional)"),
                date_picker(ids.PART_DATE, t),
            ),
            dbc.Button(
                t.gettext("Record the participation"),
                id=ids.PART_SUBMIT,
                size="sm",
                color="primary",
            ),
        ]
    )


def edit_panel(t: Translator | None = None) -> dbc.Card:
    """Correct the selected actor, or add one (shown to the roles that may write).

    The part about the selected actor shows once one is selected; Undo, under the form
    that adds an actor, undoes the last change made from this panel.
    """
    t = t or translator()
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        html.H6(t.gettext("Correct this actor"), className="card-title"),
                        _field(t.gettext("Name"), _text_input(ids.EDIT_NAME)),
                        _field(
                            t.gettext("Sector"),
                            dropdown(
                                ids.EDIT_SECTOR, t, options=sector_options(t), clearable=False
                            ),
                        ),
                        _field(t.gettext("Kind"), _text_input(ids.EDIT_KIND)),
                        _field(t.gettext("City"), _text_input(ids.EDIT_CITY)),
                        dbc.Button(t.gettext("Save"), id=ids.EDIT_SAVE, size="sm", color="primary"),
                        html.H6(t.gettext("A tie of this actor"), className="mt-3"),
                        _field(
                            t.gettext("With"),
                            _picker(ids.PARTNER_ROLE, t.gettext("Type a name…"), None, t),
                        ),
                        _field(
                            t.gettext("Kind"),
                            dropdown(
                                ids.EDIT_TIE_KIND,
                                t,
                                options=[
                                    {"label": tie_kind_label(k, t), "value": k} for k in TIE_KINDS
                                ],
                                value="partnership",
                                clearable=False,
                            ),
                        ),
                        _field(
                            t.gettext("Since (record) or until (end)"),
                            date_picker(ids.EDIT_TIE_DATE, t),
                        ),
                        _field(t.gettext("Note"), _text_input(ids.EDIT_TIE_NOTE)),
                        *_action_pair(
                            (t.gettext("Record tie"), ids.EDIT_TIE_ADD),
                            (t.gettext("End tie"), ids.EDIT_TIE_END),
                            t.gettext(
                                "The tie stays in the history of the network, "
                                "ended on the date given"
                            ),
                        ),
                        participation_form(t),
                    ],
                    id=ids.EDIT_ACTOR_PART,
                    style={"display": "none"},
                ),
                add_actor_form(t),
                html.Div(id=ids.EDIT_MESSAGE, className="small mt-2", role="status"),
                html.Div(id=ids.EDIT_ALERT),
            ]
        ),
        id=ids.EDIT_PANEL,
        style={"display": "none"},
    )


def layout(focus: Mapping[str, Any] | None = None, t: Translator | None = None) -> html.Div:
    """The Explore page, showing the view ``focus`` names (``focus_from_search``).

    Without a selected actor, the path's start is selected.
    """
    focus = focus or {}
    t = t or translator()
    selected = focus.get("actor") or (focus.get("from") or {}).get("value")
    return html.Div(
        [
            dcc.Store(id=ids.AS_OF),
            dcc.Store(id=ids.SELECTED, data=selected),
            dcc.Store(id=ids.EDITED),
            dbc.Row(
                [
                    dbc.Col([controls(focus, t), path_finder(focus, t)], md=3),
                    dbc.Col(
                        network_panel(
                            selected, focus.get("colour", "sector"), t, focus.get("community")
                        ),
                        md=6,
                    ),
                    dbc.Col(side_panel(t, focus), md=3),
                ],
                className="g-3",
            ),
        ],
        className="explore",
    )
