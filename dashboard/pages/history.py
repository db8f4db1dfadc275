"""History (``/history``): every change to the data, who made it and when; undo (admins)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from ...reports.i18n import Translator, translator
from .. import ids
from ..presenters.formatting import table_locale
from ..presenters.history import scope_options, table_columns
from ..style import TABLE_CELL


def layout(t: Translator | None = None) -> html.Div:
    """The list of changes, newest first, and the undo of the one selected."""
    t = t or translator()
    return html.Div(
        [
            dcc.Store(id=ids.HISTORY_CHANGED),
            html.H4(t.gettext("Changes to the data")),
            html.P(
                t.gettext(
                    "Every import, correction, partnership and undo is one change. Undoing a "
                    "change restores the data as it was before it, and undoes the later "
                    "changes too; the undo is a change of its own, which can be undone."
                ),
                className="small text-muted",
            ),
            dcc.RadioItems(
                id=ids.HISTORY_SCOPE,
                options=scope_options(t),
                value="territory",
                inline=True,
                className="radio-inline mb-2",
            ),
            html.Div(id=ids.HISTORY_ALERT),
            dash_table.DataTable(
                **table_locale(t),
                id=ids.HISTORY_TABLE,
                columns=table_columns(t),
                data=[],
                row_selectable="single",
                page_size=20,
                style_table={"overflowX": "auto"},
                style_cell={**TABLE_CELL, "textAlign": "left", "whiteSpace": "normal"},
            ),
            dbc.Button(
                t.gettext("Undo the selected change"),
                id=ids.HISTORY_UNDO,
                color="danger",
                outline=True,
                size="sm",
                className="mt-2",
            ),
            html.Div(id=ids.HISTORY_MESSAGE, className="small mt-2", role="status"),
            html.Div(id=ids.HISTORY_UNDO_ALERT),
        ],
        className="history",
    )
