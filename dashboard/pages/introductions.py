"""Introductions (``/introductions``): record who was put in touch and follow it up."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from .. import ids
from ..presenters.introductions import MOVES, STATUS_LABELS, status_options, table_columns
from ..style import TABLE_CELL


def _field(label: str, component: object, width: int = 12) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=getattr(component, "id", None)), component], md=width)


def _record_form() -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5("I made this introduction"),
                dbc.Row(
                    [
                        _field("From", dcc.Dropdown(id=ids.INTRO_SOURCE, placeholder="Actor…"), 6),
                        _field("To", dcc.Dropdown(id=ids.INTRO_TARGET, placeholder="Actor…"), 6),
                        _field(
                            "Through (optional)",
                            dcc.Dropdown(id=ids.INTRO_VIA, multi=True, placeholder="Actors…"),
                        ),
                        _field("On", dcc.DatePickerSingle(id=ids.INTRO_DATE), 6),
                        _field("Follow up on", dcc.DatePickerSingle(id=ids.INTRO_FOLLOW_UP), 6),
                        _field("Note", dbc.Textarea(id=ids.INTRO_NOTE, rows=2)),
                    ],
                    className="g-2",
                ),
                dbc.Checkbox(
                    id=ids.INTRO_PROPOSED,
                    label="Only proposed: they have not been told yet",
                    value=False,
                    className="mt-2",
                ),
                dbc.Button("Record", id=ids.INTRO_RECORD, color="primary", className="mt-2"),
            ]
        )
    )


def _move_form() -> dbc.Card:
    moves = [{"label": STATUS_LABELS[s.value], "value": s.value} for s in MOVES]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5("Move the selected introduction on"),
                dbc.Row(
                    [
                        _field("Status", dcc.Dropdown(id=ids.INTRO_MOVE_STATUS, options=moves), 6),
                        _field("On", dcc.DatePickerSingle(id=ids.INTRO_MOVE_DATE), 6),
                        _field("Next follow-up", dcc.DatePickerSingle(id=ids.INTRO_MOVE_FOLLOW_UP)),
                        _field("Note", dbc.Textarea(id=ids.INTRO_MOVE_NOTE, rows=2)),
                    ],
                    className="g-2",
                ),
                dbc.Button("Move on", id=ids.INTRO_MOVE, color="primary", className="mt-2"),
            ]
        )
    )


def layout() -> html.Div:
    return html.Div(
        [
            html.H4("Introductions"),
            html.P(
                "Who was put in touch with whom, and what came of it: made, met, "
                "partnership or dropped. A partnership adds its tie to the network.",
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
                                        "Status",
                                        dcc.Dropdown(
                                            id=ids.INTRO_FILTER_STATUS,
                                            options=status_options(include_all=True),
                                            value="",
                                            clearable=False,
                                        ),
                                        6,
                                    ),
                                    dbc.Col(
                                        dbc.Checkbox(
                                            id=ids.INTRO_FILTER_DUE,
                                            label="Only follow-ups due",
                                            value=False,
                                        ),
                                        md=6,
                                        className="d-flex align-items-end",
                                    ),
                                ],
                                className="g-2 mb-2",
                            ),
                            dash_table.DataTable(
                                id=ids.INTRO_TABLE,
                                columns=table_columns(),
                                data=[],
                                row_selectable="single",
                                page_size=15,
                                sort_action="native",
                                style_table={"overflowX": "auto"},
                                style_cell={**TABLE_CELL, "textAlign": "left"},
                                style_header={"fontWeight": "bold"},
                            ),
                            dcc.Graph(id=ids.INTRO_FUNNEL, config={"displaylogo": False}),
                        ],
                        md=7,
                    ),
                    dbc.Col(
                        html.Div(
                            [
                                html.Div(id=ids.INTRO_PICK_ALERT),
                                html.Div(id=ids.INTRO_FORM_ALERT),
                                html.Div(id=ids.INTRO_MESSAGE, className="text-success mb-2"),
                                _record_form(),
                                html.Div(className="mt-3"),
                                _move_form(),
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
