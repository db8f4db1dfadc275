"""Map (``/map``): the territory's actors at their coordinates, over France's outlines."""

from __future__ import annotations

from dash import dcc, html

from ...reports.figures import graph_config
from ...reports.i18n import Translator, translator
from .. import ids
from ..presenters.territory_map import level_options


def layout(t: Translator | None = None) -> html.Div:
    """The outline layer picker, the note of actors left off, and the map."""
    t = t or translator()
    return html.Div(
        [
            html.H4(t.gettext("Map")),
            html.P(
                t.gettext(
                    "Each actor at its coordinates, coloured by sector, with its ties; "
                    "the outlines are drawn from the IGN's open data (ADMIN EXPRESS)."
                ),
                className="text-muted",
            ),
            dcc.RadioItems(
                id=ids.MAP_LEVEL,
                options=level_options(t),
                value="regions",
                inline=True,
                className="radio-inline mb-2",
            ),
            html.Div(id=ids.MAP_ALERT),
            html.Div(id=ids.MAP_NOTE, className="small text-muted", role="status"),
            dcc.Loading(dcc.Graph(id=ids.MAP_GRAPH, config=graph_config(t, responsive=True))),
        ],
        className="territory-map",
    )
