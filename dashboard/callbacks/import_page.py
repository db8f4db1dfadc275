"""Callbacks of the Import page (``/import``): every one asks ``sources.writer()`` first."""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, ctx

from .. import ids
from ..presenters import import_page
from ..sources import Sources

UPLOAD = State(ids.IMPORT_UPLOAD, "contents")
FILENAME = State(ids.IMPORT_UPLOAD, "filename")


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Import page's callbacks to ``app``."""

    @app.callback(
        Output(ids.IMPORT_FILE, "children"),
        Output(ids.IMPORT_BUILDER, "style"),
        Output(ids.IMPORT_NEEDS_MAPPING, "data"),
        Output(ids.import_column(ALL), "options"),
        Output(ids.import_column(ALL), "value"),
        Output(ids.IMPORT_ALERT, "children"),
        Input(ids.IMPORT_UPLOAD, "contents"),
        FILENAME,
        prevent_initial_call=True,
    )
    def upload(contents, filename):
        return import_page.upload_view(sources, contents, filename)

    @app.callback(
        Output(ids.IMPORT_SECTORS, "data"),
        Output(ids.IMPORT_PREVIEW_ALERT, "children", allow_duplicate=True),
        Input(ids.import_column("sector"), "value"),
        Input(ids.IMPORT_SAVED_SECTORS, "data"),
        UPLOAD,
        FILENAME,
        prevent_initial_call=True,
    )
    def sectors(column, saved, contents, filename):
        return import_page.sectors_view(sources, contents, filename, column, saved)

    @app.callback(
        Output(ids.import_column(ALL), "value", allow_duplicate=True),
        Output(ids.IMPORT_SAVED_SECTORS, "data"),
        Output(ids.IMPORT_DEFAULT_TERRITORY, "value"),
        Output(ids.IMPORT_ALERT, "children", allow_duplicate=True),
        Input(ids.IMPORT_MAPPING_UPLOAD, "contents"),
        prevent_initial_call=True,
    )
    def saved_mapping(contents):
        return import_page.saved_mapping_view(sources, contents)

    @app.callback(
        Output(ids.IMPORT_MAPPING, "data"),
        Output(ids.IMPORT_MAPPING_TEXT, "children"),
        Output(ids.IMPORT_DEFAULT_TERRITORY_ROW, "style"),
        Input(ids.IMPORT_NEEDS_MAPPING, "data"),
        Input(ids.import_column(ALL), "value"),
        Input(ids.IMPORT_SECTORS, "data"),
        Input(ids.IMPORT_DEFAULT_TERRITORY, "value"),
        prevent_initial_call=True,
    )
    def mapping(needs, columns, sector_rows, territory):
        return import_page.mapping_view(sources, needs, columns, sector_rows, territory)

    @app.callback(
        Output(ids.IMPORT_MAPPING_FILE, "data"),
        Input(ids.IMPORT_MAPPING_BUTTON, "n_clicks"),
        State(ids.IMPORT_MAPPING, "data"),
        FILENAME,
        prevent_initial_call=True,
    )
    def mapping_file(_clicks, text, filename):
        return import_page.mapping_download(text, filename)

    @app.callback(
        Output(ids.IMPORT_PROBLEMS, "data"),
        Output(ids.IMPORT_PLAN, "children"),
        Output(ids.IMPORT_MERGE_ROW, "style"),
        Output(ids.IMPORT_PREVIEW_ALERT, "children"),
        Input(ids.IMPORT_PREVIEW, "n_clicks"),
        UPLOAD,
        FILENAME,
        State(ids.IMPORT_MAPPING, "data"),
        State(ids.IMPORT_MERGE, "value"),
        State(ids.IMPORT_PREFIX, "value"),
        prevent_initial_call=True,
    )
    def preview(_clicks, contents, filename, text, merge, prefix):
        return import_page.preview_view(sources, contents, filename, text, merge, prefix)

    @app.callback(
        Output(ids.IMPORT_RESULT, "children"),
        Output(ids.IMPORT_REJECTS, "data"),
        Output(ids.IMPORT_REJECTS_BUTTON, "style"),
        Output(ids.TERRITORY, "options", allow_duplicate=True),
        Output(ids.IMPORT_RUN_ALERT, "children"),
        Input(ids.IMPORT_RUN, "n_clicks"),
        Input(ids.IMPORT_RUN_SET_ASIDE, "n_clicks"),
        UPLOAD,
        FILENAME,
        State(ids.IMPORT_MAPPING, "data"),
        State(ids.IMPORT_MERGE, "value"),
        State(ids.IMPORT_PREFIX, "value"),
        prevent_initial_call=True,
    )
    def run(_run, _set_aside, contents, filename, text, merge, prefix):
        args = (contents, filename, text, merge, prefix)
        return import_page.import_view(sources, ctx.triggered_id, *args)

    @app.callback(
        Output(ids.IMPORT_REJECTS_FILE, "data"),
        Input(ids.IMPORT_REJECTS_BUTTON, "n_clicks"),
        State(ids.IMPORT_REJECTS, "data"),
        FILENAME,
        prevent_initial_call=True,
    )
    def rejects_file(_clicks, rejects, filename):
        return import_page.rejects_download(rejects, filename)
