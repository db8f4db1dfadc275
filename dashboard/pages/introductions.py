"""Introductions (``/introductions``): record who was put in touch and follow it up."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from ...reports.figures import graph_config
from ...reports.i18n import Translator, translator
from .. import ids
from ..presenters.formatting import date_picker, dropdown, table_locale
from ..presenters.introductions import MOVES, status_options, table_columns
from ..style import TABLE_CELL


def _field(label: str, component: object, width: int = 12) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=getattr(component, "id", None)), component], md=width)


def _record_form(t: Translator) -> dbc.Card:
    actor, actors = t.gettext("Actor…"), t.gettext("Actors…")
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5(t.gettext("I made this introduction")),
                dbc.Row(
                    [
                        _field(
                            t.gettext("From"),
                            dropdown(ids.INTRO_SOURCE, t, placeholder=actor),
                            6,
                        ),
                        _field(
                            t.gettext("To"), dropdown(ids.INTRO_TARGET, t, placeholder=actor), 6
                        ),
                        _field(
                            t.gettext("Through (optional)"),
                            dropdown(ids.INTRO_VIA, t, multi=True, placeholder=actors),
                        ),
                        _field(t.gettext("On"), date_picker(ids.INTRO_DATE, t), 6),
                        _field(
                            t.gettext("Follow up on"),
                            date_picker(ids.INTRO_FOLLOW_UP, t),
                            6,
                        ),
                        _field(t.gettext("Note"), dbc.Textarea(id=ids.INTRO_NOTE, rows=2)),
                    ],
                    className="g-2",
                ),
                dbc.Checkbox(
                    id=ids.INTRO_PROPOSED,
                    label=t.gettext("Only proposed: they have not been told yet"),
                    value=False,
                    className="mt-2",
                ),
                dbc.Button(
                    t.gettext("Record"), id=ids.INTRO_RECORD, color="primary", className="mt-2"
                ),
            ]
        )
    )


def _move_form(t: Translator) -> dbc.Card:
    moves = status_options(t=t, statuses=MOVES)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5(t.gettext("Move the selected introduction on")),
                dbc.Row(
                    [
                        _field(
                            t.gettext("Status"),
                            dropdown(ids.INTRO_MOVE_STATUS, t, options=moves),
                            6,
                        ),
                        _field(t.gettext("On"), date_picker(ids.INTRO_MOVE_DATE, t), 6),
                        _field(
                            t.gettext("Next follow-up"),
                            date_picker(ids.INTRO_MOVE_FOLLOW_UP, t),
                        ),
                        _field(t.gettext("Note"), dbc.Textarea(id=ids.INTRO_MOVE_NOTE, rows=2)),
                    ],
                    className="g-2",
                ),
                dbc.Button(
                    t.gettext("Move on"), id=ids.INTRO_MOVE, color="primary", className="mt-2"
                ),
            ]
        )
    )


def layout(t: Translator | None = None) -> html.Div:
    t = t or translator()
    return html.Div(
        [
            html.H4(t.gettext("Introductions")),
            html.P(
                t.gettext(
                    "Who was put in touch with whom, and what came of it: made, met, "
                    "partnership or dropped. A partnership adds its tie to the network."
                ),
                className="text-muted",
            ),
            dcc.Store(id=ids.INTRO_CHANGED),
            html.Div(id=ids.INTRO_ALERT),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Row(
                                [
                                    _field(
                                        t.gettext("Status"),
                                        dropdown(
                                            ids.INTRO_FILTER_STATUS,
                                            t,
                                            options=status_options(include_all=True, t=t),
                                            value="",
                                            clearable=False,
                                        ),
                                        6,
                                    ),
                                    dbc.Col(
                                        dbc.Checkbox(
                                            id=ids.INTRO_FILTER_DUE,
                                            label=t.gettext("Only follow-ups due"),
                                            value=False,
                                        ),
                                        md=6,
                                        className="d-flex align-items-end",
                                    ),
                                ],
                                className="g-2 mb-2",
                            ),
                            dash_table.DataTable(
                                **table_locale(t),
                                id=ids.INTRO_TABLE,
                                columns=table_columns(t),
                                data=[],
                                row_selectable="single",
                                page_size=15,
                                # Dates read as text: the presenter orders the rows.
                                sort_action="none",
                                style_table={"overflowX": "auto"},
                                style_cell={**TABLE_CELL, "textAlign": "left"},
                                style_header={"fontWeight": "bold"},
                            ),
                            dcc.Graph(id=ids.INTRO_FUNNEL, config=graph_config(t)),
                        ],
                        md=7,
                    ),
                    dbc.Col(
                        html.Div(
                            [
                                html.Div(id=ids.INTRO_PICK_ALERT),
                                html.Div(id=ids.INTRO_FORM_ALERT),
                                html.Div(id=ids.INTRO_MESSAGE, className="text-success mb-2"),
                                _record_form(t),
                                html.Div(className="mt-3"),
                                _move_form(t),
                            ],
                            id=ids.INTRO_FORMS,
                        ),
                        md=5,
                    ),
                ],
                className="g-3",
            ),
        ],
        className="introductions",
    )
