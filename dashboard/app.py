"""``create_app``: the Dash app of a Maillage instance."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import dash

from . import callbacks, layout
from .presenters.explore import territories_view
from .presenters.first_picture import first_picture
from .sources import Source, Sources

HTML_TAG = "<html>"

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(
    maillage: Source,
    *,
    sees_everything: Callable[[], bool] | None = None,
    identity: Callable[[], Mapping[str, str] | None] | None = None,
    may_write: Callable[[], bool] | None = None,
    may_administer: Callable[[], bool] | None = None,
    language: Callable[[], str] | None = None,
    user: Callable[[], str] | None = None,
    external_stylesheets: Sequence[str] = (),
    title: str = "Maillage",
) -> dash.Dash:
    """Build the dashboard of ``maillage`` (a ``maillage.app.Maillage``).

    Parameters
    ----------
    maillage : Maillage
        Where every network and analysis comes from, through its cache.
    sees_everything : callable, optional
        Whether the request being served may read ``maillage`` itself; when it
        says no, it reads ``maillage.pseudonymised()``. Without it everyone
        sees everything (the open app, for a single user on loopback). Sign-in
        itself is put in front by ``maillage.serving.web.web_app``.
    identity : callable, optional
        The signed-in user's name, role and CSRF token, for the sign-out form;
        its name is the author of the request's writes.
    may_write : callable, optional
        Whether the request being served may change data (record and move
        introductions); without it, whoever sees everything may write.
    may_administer : callable, optional
        Whether the request being served may undo any change (the History page);
        without it, whoever may write.
    language : callable, optional
        The language (``"fr"`` or ``"en"``) of the request being served; without
        it, French (``reports.i18n.DEFAULT_LANGUAGE``).
    user : callable, optional
        Who the request's writes are by, for the revisions; without it, the signed-in
        name (``identity``'s).
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
    who = identity or (lambda: None)
    sources = Sources(
        maillage,
        sees_everything or (lambda: True),
        may_write=may_write,
        may_administer=may_administer,
        user=user or (lambda: (who() or {}).get("name", "")),
        **({"language": language} if language else {}),
    )
    app.layout = lambda: layout.shell(
        *territories_view(sources.current(), sources.translator()),
        identity=who(),
        may_write=sources.may_write(),
        t=sources.translator(),
    )
    app.interpolate_index = _with_language(app, sources)
    app.validation_layout = layout.validation_layout()
    callbacks.register(app, sources)
    maillage.precompute_also("explore", first_picture)  # the first picture, ready
    return app


def _with_language(app: dash.Dash, sources: Sources) -> Callable[..., str]:
    """Dash's index page with ``<html lang="...">`` in the request's language."""
    interpolate = app.interpolate_index

    def interpolate_index(**parts: Any) -> str:
        page = interpolate(**parts)
        return page.replace(HTML_TAG, f'<html lang="{sources.translator().language}">', 1)

    return interpolate_index
