"""``create_app``: the Dash app of a Maillage instance."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import dash

from . import callbacks, layout, presenters
from .source import Source

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(
    maillage: Source,
    *,
    aggregate_above: int = presenters.AGGREGATE_ABOVE,
    external_stylesheets: Sequence[str] = (),
    title: str = "Maillage",
) -> dash.Dash:
    """Build the dashboard of ``maillage`` (a ``maillage.app.Maillage``).

    Parameters
    ----------
    maillage : Maillage
        Where every network and analysis comes from, through its cache.
    aggregate_above : int, default 1500
        Territories with more actors are first drawn as one circle per
        community; clicking a circle opens that community.
    external_stylesheets : sequence of str
        Extra CSS URLs (for instance a Bootstrap theme). The app ships its
        own stylesheet and needs no network access.
    title : str
        The browser tab's title.
    """
    app = dash.Dash(
        __name__,
        title=title,
        assets_folder=str(ASSETS),
        external_stylesheets=list(external_stylesheets),
        update_title=None,
        serve_locally=True,
    )
    app.layout = lambda: layout.shell(*presenters.territories_view(maillage))
    app.validation_layout = layout.validation_layout()
    callbacks.register(app, maillage, threshold=aggregate_above)
    return app
