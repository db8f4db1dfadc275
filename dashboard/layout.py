"""The shell around every page (navigation, territory picker) and the page router."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import dcc, html

from ..reports.i18n import LANGUAGE_NAMES, LANGUAGES, N_, Translator, translator
from . import ids
from .pages import (
    brokers,
    compare,
    explore,
    gaps,
    history,
    import_page,
    introductions,
    territory_map,
)
from .presenters.formatting import dropdown
from .presenters.import_page import limit_text
from .sources import Sources

PAGES: tuple[tuple[str, str], ...] = (
    ("/", N_("Explore")),
    ("/brokers", N_("Brokers")),
    ("/gaps", N_("Gaps")),
    ("/map", N_("Map")),
    ("/compare", N_("Compare")),
    ("/introductions", N_("Introductions")),
)
"""Each page's address and English label (its id is ``nav-<label>``; people read ``t.gettext``)."""

WRITER_PAGES: tuple[tuple[str, str], ...] = (
    ("/import", N_("Import")),
    ("/history", N_("History")),
)
"""Pages only roles that may write see: no link for the others, and the server refuses them."""

ROLE_NAMES = {"viewer": N_("viewer"), "facilitator": N_("facilitator"), "admin": N_("admin")}


def nav_links(
    pathname: str | None,
    t: Translator | None = None,
    *,
    may_write: bool = False,
    explore_href: str = "/",
) -> list[Any]:
    """The navigation links, the current page's marked active (writers' pages for writers).

    ``explore_href``: Explore's link, back to the view last left there (``view_state``).
    """
    t = t or translator()
    pages = PAGES + WRITER_PAGES if may_write else PAGES
    return [
        dcc.Link(
            t.gettext(label),
            href=explore_href if href == "/" else href,
            className="nav-link active" if pathname == href else "nav-link",
            id=f"nav-{label.lower()}",
        )
        for href, label in pages
    ]


def language_switch(
    pathname: str | None, search: str | None = None, t: Translator | None = None
) -> list[Any]:
    """FR / EN links to ``/language/<code>``, which remembers the choice and comes back here."""
    t = t or translator()
    here = quote((pathname or "/") + (search or ""), safe="/")
    links = [
        html.A(
            code.upper(),
            href=f"/language/{code}?next={here}",
            id=f"language-{code}",
            lang=code,
            title=LANGUAGE_NAMES[code],
            className="language active" if code == t.language else "language",
            **({"aria-current": "true"} if code == t.language else {}),
        )
        for code in LANGUAGES
    ]
    # A separator, so the links read "FR / EN" and not "FREN".
    separated: list[Any] = links[:1]
    for link in links[1:]:
        separated += [
            html.Span(" / ", className="language-separator", **{"aria-hidden": "true"}),
            link,
        ]
    return separated


def signed_in(identity: Mapping[str, str] | None, t: Translator | None = None) -> Any:
    """Who is signed in, as which role, and the sign-out button (a POSTed form)."""
    if not identity:
        return None
    t = t or translator()
    role = t.gettext(ROLE_NAMES.get(identity["role"], identity["role"]))
    parts: list[Any] = [html.Span(f"{identity['name']} · {role}", className="who")]
    if identity["role"] == "viewer":
        note = t.gettext("Citizens are shown under pseudonyms.")
        parts.append(html.Span(t.gettext("pseudonymised"), className="who-note", title=note))
    form = html.Form(
        [
            dcc.Input(type="hidden", name="csrf", value=identity["csrf"]),
            html.Button(t.gettext("Sign out"), type="submit", className="sign-out", id="sign-out"),
        ],
        action="/logout",
        method="POST",
        className="sign-out-form",
    )
    return html.Div([*parts, form], className="nav-identity")


def shell(
    territories: Sequence[str],
    problem: Any = None,
    *,
    identity: Mapping[str, str] | None = None,
    may_write: bool = False,
    t: Translator | None = None,
) -> html.Div:
    """The whole app: address bar, navigation with the territory picker, and the page."""
    t = t or translator()
    navbar = html.Nav(
        [
            html.Span("Maillage", className="brand"),
            html.Div(nav_links("/", t, may_write=may_write), id=ids.NAV, className="nav-links"),
            html.Div(
                [
                    html.Label(
                        t.gettext("Territory"), htmlFor=ids.TERRITORY, className="nav-label"
                    ),
                    dropdown(
                        ids.TERRITORY,
                        t,
                        options=list(territories),
                        value=territories[0] if territories else None,
                        clearable=False,
                        placeholder=t.gettext("No territory yet"),
                        persistence=True,
                        persistence_type="session",
                        className="territory-picker",
                    ),
                ],
                className="nav-territory",
            ),
            html.Div(
                language_switch("/", None, t),
                id=ids.LANGUAGE_SWITCH,
                className="nav-languages",
                title=t.gettext("Language"),
            ),
            signed_in(identity, t),
        ],
        className="topbar",
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VIEW_STATE, storage_type="session"),
            dcc.Store(id=ids.VIEW_STATE_SHOWN),
            navbar,
            html.Div(problem, id=ids.SHELL_ALERT),
            html.Main(id=ids.PAGE, className="page"),
        ]
    )


def page_for(
    pathname: str | None,
    focus: Mapping[str, Any],
    territories: Sequence[str],
    sources: Sources | None = None,
    explore_href: str = "/",
) -> tuple[Any, list[Any]]:
    """The page at ``pathname`` and the navigation links to show with it.

    The Import page is there only for a request that may write (``sources``).
    """
    may_write = sources is not None and sources.may_write()
    t = sources.translator() if sources is not None else translator()
    builders = {
        "/": lambda: explore.layout(focus, t),
        "/brokers": lambda: brokers.layout(t),
        "/gaps": lambda: gaps.layout(t),
        "/map": lambda: territory_map.layout(t),
        "/compare": lambda: compare.layout(territories, t),
        "/introductions": lambda: introductions.layout(t),
    }
    if may_write and sources is not None:
        builders["/import"] = lambda: import_page.layout(sources.translator(), limit_text(sources))
        builders["/history"] = lambda: history.layout(t)
    build = builders.get(pathname or "/")
    links = nav_links(pathname or "/", t, may_write=may_write, explore_href=explore_href)
    if build is None and pathname in WRITERS_PAGES:
        return needs_writer(pathname, t), links
    return (not_found(pathname, t) if build is None else build()), links


def validation_layout() -> html.Div:
    """Every component of every page at once, so that Dash can check the callbacks' ids."""
    pages = [
        explore.layout(),
        brokers.layout(),
        gaps.layout(),
        territory_map.layout(),
        compare.layout([]),
        introductions.layout(),
        import_page.layout(),
        history.layout(),
    ]
    return html.Div([shell([]), *pages])


WRITERS_PAGES = ("/import", "/history")
"""The pages only a request that may write sees (facilitators and admins)."""


def needs_writer(pathname: str, t: Translator | None = None) -> html.Div:
    """What a viewer sees at the address of a page for facilitators and admins."""
    t = t or translator()
    return html.Div(
        dbc.Alert(
            [
                t.gettext(
                    "The page {path} is for facilitators and admins: your account may only read. "
                ).format(path=pathname),
                dcc.Link(t.gettext("Back to the network"), href="/"),
            ],
            color="info",
        ),
        className="p-3",
    )


def not_found(pathname: str | None, t: Translator | None = None) -> html.Div:
    t = t or translator()
    return html.Div(
        dbc.Alert(
            [
                t.gettext("No page at {path}. ").format(path=pathname),
                dcc.Link(t.gettext("Back to the network"), href="/"),
            ],
            color="warning",
        ),
        className="p-3",
    )
