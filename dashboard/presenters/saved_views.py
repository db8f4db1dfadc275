"""Saved views on Explore: a facilitator names the view on screen; anyone goes back to it.

A saved view is the state the address carries (:mod:`.view_state`) under a name, kept in
the store per territory (``Maillage.save_view``). Choosing one opens its address, which
the page shows as a shared link would. The picker names the view on screen: the saved view
whose address is the page's state (:data:`NAME_ON_SCREEN`, in the browser: the server
sends each name's address once per territory, save or delete, and a change of state asks it
nothing), so the name of a view just opened (or just saved, or reached by a link) shows
until the state moves away from it (a filter, the date, the selection, the path), and again
if it comes back. Saving and deleting go through ``sources.writer()``: refused to the roles
that may only read, whatever the browser sends.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dash import no_update
from dash.exceptions import PreventUpdate

from ...graph.saved_views import MAX_NAME_LENGTH, InvalidViewName, SavedView, view_name
from ...reports.i18n import Translator
from .. import ids
from ..sources import Sources
from . import view_state
from .guard import NothingToShow, guarded

HIDDEN = {"display": "none"}
SHOWN = {"display": "block"}


def view_of(territory: str, name: str, search: str | None) -> SavedView:
    """The view the query ``search`` shows of ``territory``, under ``name``.

    >>> view_of("Lille", "Public", "?territory=Lille&sectors=public&year=2019&actor=l1&hops=2")
    SavedView(territory='Lille', name='Public', colour='sector', sectors=('public',), year=2019, actor='l1', source=None, target=None, kinds=None, min_weight=0, hops=2)
    """  # noqa: E501
    state = view_state.parse(search)
    return SavedView(
        territory=territory,
        name=name,
        colour=state.colour,
        sectors=state.sectors,
        year=state.year,
        actor=state.actor,
        source=state.source,
        target=state.target,
        kinds=state.kinds,
        min_weight=state.min_weight,
        hops=state.hops,
    )


def href_of(view: SavedView) -> str:
    """The address that restores ``view`` (what :func:`view_of` read, back as a link).

    >>> href_of(SavedView("Lille", "Public", sectors=("public",), year=2019))
    '/?territory=Lille&sectors=public&year=2019'
    >>> href_of(SavedView("Lille", "Heavy", kinds=("funding",), min_weight=2, hops=3))
    '/?territory=Lille&kinds=funding&min_weight=2&hops=3'
    """
    state = view_state.ViewState(
        territory=view.territory,
        colour=view.colour,
        sectors=view.sectors,
        year=view.year,
        actor=view.actor,
        source=view.source,
        target=view.target,
        kinds=view.kinds,
        min_weight=view.min_weight,
        hops=view.hops,
    )
    return "/" + view_state.query(state)


def listing(views: Iterable[SavedView]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The picker's options (by name) and each name's address.

    >>> listing([SavedView("Lille", "All")])
    ([{'label': 'All', 'value': 'All'}], {'All': '/?territory=Lille'})
    """
    views = list(views)
    options = [{"label": view.name, "value": view.name} for view in views]
    return options, {view.name: href_of(view) for view in views}


def valid_name(t: Translator, typed: str | None) -> str:
    """``typed`` trimmed, or ``NothingToShow`` saying what a name needs (in ``t``'s language)."""
    try:
        return view_name(typed)
    except InvalidViewName:
        message = t.gettext("Give the view a name of 1 to {n} characters.")
        raise NothingToShow(message.format(n=MAX_NAME_LENGTH)) from None


def write(
    sources: Sources,
    trigger: Any,
    territory: str,
    typed: str | None,
    search: str | None,
    picked: str | None,
) -> str:
    """Save the view on screen under ``typed`` (Save) or delete ``picked`` (Delete): the message."""
    t = sources.translator()
    writer, _user = sources.writer()
    if trigger == ids.SAVED_VIEW_SAVE:
        name = valid_name(t, typed)
        if writer.save_view(view_of(territory, name, search)):
            return t.gettext("The view “{name}” replaces the one saved under that name.").format(
                name=name
            )
        return t.gettext("View “{name}” saved.").format(name=name)
    if not picked:
        raise NothingToShow(t.gettext("Choose the saved view to delete."))
    if writer.delete_view(territory, picked):
        return t.gettext("View “{name}” deleted.").format(name=picked)
    return t.gettext("No view “{name}” to delete.").format(name=picked)


@guarded(lambda: no_update, lambda: no_update, lambda: "", lambda: no_update)
def saved_views_view(
    sources: Sources,
    trigger: Any,
    territory: str | None,
    typed: str | None,
    search: str | None,
    picked: str | None,
) -> tuple[Any, ...]:
    """The territory's saved views, after saving or deleting one when ``trigger`` says so.

    ``search`` is the state on screen (what Save saves). Returns the picker's options, each
    name's address (from which the browser names the view on screen, :data:`NAME_ON_SCREEN`),
    the message, and whether the save and delete controls show (writers only).
    """
    if not territory:
        raise PreventUpdate
    message = ""
    if trigger in (ids.SAVED_VIEW_SAVE, ids.SAVED_VIEW_DELETE):
        message = write(sources, trigger, territory, typed, search, picked)
    options, links = listing(sources.current().saved_views(territory))
    return options, links, message, SHOWN if sources.may_write() else HIDDEN


#: Browser side: the picker names the saved view whose address is the state on screen
#: (``query``, :func:`.view_state.current`), or none; ``links``: each name's address.
NAME_ON_SCREEN = """
function (query, links) {
    var here = "/" + (query || "");
    var names = Object.keys(links || {});
    for (var k = 0; k < names.length; k++) {
        if (links[names[k]] === here) return names[k];
    }
    return null;
}
"""


#: Browser side: choosing a saved view opens its address (the page shows it as a shared link).
#: The query alone is compared, with the state on screen and the address, so that the name
#: shown for the view on screen opens nothing.
OPEN_SAVED_VIEW = """
function (name, links, query) {
    var href = name && links ? links[name] : null;
    if (!href) return window.dash_clientside.no_update;
    var wanted = href.slice(1);  // the address is "/" and the query
    if (wanted !== (query || "") && wanted !== window.location.search) {
        window.location.assign(window.location.pathname + wanted);
    }
    return href;
}
"""
