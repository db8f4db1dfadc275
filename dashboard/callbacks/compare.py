"""The callback of the Compare page (``/compare``)."""

from __future__ import annotations

import dash
from dash import Input, Output

from .. import ids
from ..presenters import compare
from ..sources import Sources


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the Compare page's callback to ``app``."""

    @app.callback(
        Output(ids.COMPARE_TABLE, "data"),
        Output(ids.COMPARE_TABLE, "columns"),
        Output(ids.COMPARE_TABLE, "tooltip_data"),
        Output(ids.COMPARE_CHART, "figure"),
        Output(ids.COMPARE_RAW_CHART, "figure"),
        Output(ids.COMPARE_ALERT, "children"),
        Input(ids.COMPARE_PICK, "value"),
    )
    def indicators(territories):
        return compare.compare_view(sources.current(), territories)
