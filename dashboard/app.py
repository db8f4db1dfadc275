"""``create_app``: the Dash app of a Maillage instance."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import dash

from . import callbacks, layout, presenters
from .access import Access
from .source import Source
from .sources import Sources

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(
    maillage: Source,
    *,
    access: Access | None = None,
    aggregate_above: int = presenters.AGGREGATE_ABOVE,
    external_stylesheets: Sequence[str] = (),
    title: str = "Maillage",
) -> dash.Dash:
    """Build the dashboard of ``maillage`` (a ``maillage.app.Maillage``).

    Parameters
    ----------
    maillage : Maillage
        Where every network and analysis comes from, through its cache.
    access : Access, optional
        Sign-in and roles. Without it the app is open and everyone sees
        everything (for a single user on loopback). With it, every route but
        the sign-in page and static assets needs a session, and viewers read
        ``maillage.pseudonymised()``.
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
        compress=True,
    )
    sources = Sources(maillage) if access is None else Sources(maillage, access.role)
    identity = (lambda: None) if access is None else access.identity
    app.layout = lambda: layout.shell(
        *presenters.territories_view(sources.current()), identity=identity()
    )
    app.validation_layout = layout.validation_layout()
    callbacks.register(app, sources, threshold=aggregate_above)
    if access is not None:
        access.install(app.server)
    return app
