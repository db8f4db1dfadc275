"""Import (``/import``): upload a file, map its columns, preview, import (writers only)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from ...reports.i18n import Translator, translator
from .. import ids
from ..presenters.formatting import dropdown, sector_options, table_locale
from ..presenters.import_page import (
    ABSENT_HINTS,
    FIELD_LABELS,
    HIDDEN,
    PROBLEMS_PER_PAGE,
    problem_columns,
)


def _upload(t: Translator, limit: str) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5(t.gettext("The file"), className="import-step"),
                dcc.Upload(
                    id=ids.IMPORT_UPLOAD,
                    children=html.Div(
                        [t.gettext("Drop a file here or "), html.A(t.gettext("choose one"))]
                    ),
                    accept=".csv,.tsv,.txt,.xlsx,.xlsm,.gexf,.graphml",
                    multiple=False,
                    className="import-drop",
                ),
                html.Small(limit, id=ids.IMPORT_LIMIT, className="text-muted"),
                html.Div(id=ids.IMPORT_FILE, className="mt-2"),
                html.Div(id=ids.IMPORT_ALERT),
            ]
        ),
        className="mb-3",
    )


def _builder(t: Translator) -> html.Div:
    dropdowns = [
        dbc.Col(
            [
                dbc.Label(t.gettext(label)),
                dropdown(
                    ids.import_column(name),
                    t,
                    options=[],
                    placeholder=t.gettext(ABSENT_HINTS.get(name, "(not in the file)")),
                ),
            ],
            md=4,
        )
        for name, label in FIELD_LABELS.items()
    ]
    sectors = dash_table.DataTable(
        **table_locale(t),
        id=ids.IMPORT_SECTORS,
        columns=[
            {"id": "value", "name": t.gettext("In the file"), "editable": False},
            {"id": "sector", "name": t.gettext("Sector"), "presentation": "dropdown"},
        ],
        data=[],
        editable=True,
        dropdown={"sector": {"options": sector_options(t), "clearable": True}},
        page_size=20,
        style_cell={"textAlign": "left"},
        css=[{"selector": ".Select-menu-outer", "rule": "display: block !important"}],
    )
    return html.Div(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H5(t.gettext("Which column holds what"), className="import-step"),
                    dcc.Upload(
                        id=ids.IMPORT_MAPPING_UPLOAD,
                        children=html.A(t.gettext("Use a mapping file you saved")),
                        accept=".toml",
                        className="import-mapping-upload small mb-2",
                    ),
                    dcc.Store(id=ids.IMPORT_SAVED_SECTORS),
                    dbc.Row(dropdowns, className="g-2"),
                    html.Div(
                        [
                            dbc.Label(
                                t.gettext("Territory of every row (no column holds it)"),
                                html_for=ids.IMPORT_DEFAULT_TERRITORY,
                            ),
                            dbc.Input(id=ids.IMPORT_DEFAULT_TERRITORY, type="text", size="sm"),
                        ],
                        id=ids.IMPORT_DEFAULT_TERRITORY_ROW,
                        className="mt-2 import-default-territory",
                    ),
                    html.H6(
                        t.gettext("Sectors: what each value of the file means"), className="mt-3"
                    ),
                    html.P(
                        t.gettext(
                            "Pre-filled from the sector names and their usual aliases; "
                            "a value left blank is a problem on its rows."
                        ),
                        className="text-muted small",
                    ),
                    sectors,
                    html.Details(
                        [
                            html.Summary(t.gettext("The mapping file")),
                            html.Pre(id=ids.IMPORT_MAPPING_TEXT, className="import-mapping"),
                        ],
                        className="mt-2",
                    ),
                    dbc.Button(
                        t.gettext("Download the mapping file"),
                        id=ids.IMPORT_MAPPING_BUTTON,
                        color="secondary",
                        outline=True,
                        size="sm",
                        className="mt-2",
                    ),
                    html.Small(
                        " "
                        + t.gettext("Reuse it with `maillage import --mapping FILE` next time."),
                        className="text-muted",
                    ),
                    dcc.Download(id=ids.IMPORT_MAPPING_FILE),
                ]
            ),
            className="mb-3",
        ),
        id=ids.IMPORT_BUILDER,
        style={"display": "none"},
    )


def _preview(t: Translator) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5(t.gettext("Preview"), className="import-step"),
                dbc.Row(
                    [
                        dbc.Col(
                            dbc.Input(
                                id=ids.IMPORT_PREFIX,
                                placeholder=t.gettext("Id prefix (optional)"),
                                size="sm",
                            ),
                            md=6,
                        ),
                        dbc.Col(
                            dbc.Checkbox(
                                id=ids.IMPORT_MERGE,
                                label=t.gettext("They are the same actors (merge ids in common)"),
                                value=False,
                            ),
                            id=ids.IMPORT_MERGE_ROW,
                            style=HIDDEN,
                            md=6,
                        ),
                    ],
                    className="g-2 mb-2",
                ),
                dbc.Button(t.gettext("Preview"), id=ids.IMPORT_PREVIEW, color="primary"),
                html.Div(id=ids.IMPORT_PREVIEW_ALERT, className="mt-2"),
                dash_table.DataTable(
                    **table_locale(t),
                    id=ids.IMPORT_PROBLEMS,
                    columns=problem_columns(t),
                    data=[],
                    page_size=PROBLEMS_PER_PAGE,
                    page_action="native",
                    style_cell={"textAlign": "left", "whiteSpace": "normal", "height": "auto"},
                ),
                html.Div(id=ids.IMPORT_PLAN, className="mt-2"),
            ]
        ),
        className="mb-3",
    )


def _run(t: Translator) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H5(t.gettext("Import"), className="import-step"),
                dbc.Button(t.gettext("Import"), id=ids.IMPORT_RUN, color="primary"),
                dbc.Button(
                    t.gettext("Import and set aside the bad rows"),
                    id=ids.IMPORT_RUN_SET_ASIDE,
                    color="warning",
                    className="ms-2",
                ),
                html.Div(id=ids.IMPORT_RESULT, className="mt-2"),
                html.Div(id=ids.IMPORT_RUN_ALERT),
                dbc.Button(
                    t.gettext("Download the rows set aside"),
                    id=ids.IMPORT_REJECTS_BUTTON,
                    color="secondary",
                    outline=True,
                    style={"display": "none"},
                ),
                dcc.Download(id=ids.IMPORT_REJECTS_FILE),
                dcc.Store(id=ids.IMPORT_REJECTS),
                dcc.Store(id=ids.IMPORT_MAPPING),
                dcc.Store(id=ids.IMPORT_NEEDS_MAPPING),
            ]
        )
    )


def layout(t: Translator | None = None, limit: str = "") -> html.Div:
    """The Import page; ``limit`` says which files it takes and how large."""
    t = t or translator()
    return html.Div(
        [
            html.H3(t.gettext("Import a file")),
            html.P(
                t.gettext(
                    "The same import as `maillage import`: nothing is written before you "
                    "choose, and each import is a revision that can be undone."
                ),
                className="text-muted",
            ),
            _upload(t, limit),
            _builder(t),
            _preview(t),
            _run(t),
        ],
        className="p-3 import-page",
    )
