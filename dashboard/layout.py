"""The shell around every page (navigation, territory picker) and the page router."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from . import ids
from .pages import brokers, compare, explore, gaps, import_page, introductions
from .presenters.import_page import limit_text
from .sources import Sources

PAGES: tuple[tuple[str, str], ...] = (
    ("/", "Explore"),
    ("/brokers", "Brokers"),
    ("/gaps", "Gaps"),
    ("/compare", "Compare"),
    ("/introductions", "Introductions"),
)
WRITER_PAGES: tuple[tuple[str, str], ...] = (("/import", "Import"),)
"""Pages only roles that may write see: no link for the others, and the server refuses them."""


def nav_links(pathname: str | None, *, may_write: bool = False) -> list[Any]:
    """The navigation links, the current page's marked active (writers' pages for writers)."""
    pages = PAGES + WRITER_PAGES if may_write else PAGES
    return [
        dcc.Link(
            label,
            href=href,
            className="nav-link active" if pathname == href else "nav-link",
            id=f"nav-{label.lower()}",
        )
        for href, label in pages
    ]


def signed_in(identity: Mapping[str, str] | None) -> Any:
    """Who is signed in, as which role, and the sign-out button (a POSTed form)."""
    if not identity:
        return None
    parts: list[Any] = [html.Span(f"{identity['name']} · {identity['role']}", className="who")]
    if identity["role"] == "viewer":
        note = "Citizens are shown under pseudonyms."
        parts.append(html.Span("pseudonymised", className="who-note", title=note))
    form = html.Form(
        [
            dcc.Input(type="hidden", name="csrf", value=identity["csrf"]),
            html.Button("Sign out", type="submit", className="sign-out", id="sign-out"),
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
) -> html.Div:
    """The whole app: address bar, navigation with the territory picker, and the page."""
    navbar = html.Nav(
        [
            html.Span("Maillage", className="brand"),
            html.Div(nav_links("/", may_write=may_write), id=ids.NAV, className="nav-links"),
            html.Div(
                [
                    html.Label("Territory", htmlFor=ids.TERRITORY, className="nav-label"),
                    dcc.Dropdown(
                        id=ids.TERRITORY,
                        options=list(territories),
                        value=territories[0] if territories else None,
                        clearable=False,
                        placeholder="No territory yet",
                        persistence=True,
                        persistence_type="session",
                        className="territory-picker",
                    ),
                ],
                className="nav-territory",
            ),
            signed_in(identity),
        ],
        className="topbar",
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
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
) -> tuple[Any, list[Any]]:
    """The page at ``pathname`` and the navigation links to show with it.

    The Import page is there only for a request that may write (``sources``).
    """
    may_write = sources is not None and sources.may_write()
    builders = {
        "/": lambda: explore.layout(focus),
        "/brokers": brokers.layout,
        "/gaps": gaps.layout,
        "/compare": lambda: compare.layout(territories),
        "/introductions": introductions.layout,
    }
    if may_write and sources is not None:
        builders["/import"] = lambda: import_page.layout(sources.translator(), limit_text(sources))
    build = builders.get(pathname or "/")
    if build is None:
        return not_found(pathname), nav_links(pathname, may_write=may_write)
    return build(), nav_links(pathname or "/", may_write=may_write)


def validation_layout() -> html.Div:
    """Every component of every page at once, so that Dash can check the callbacks' ids."""
    pages = [
        explore.layout(),
        brokers.layout(),
        gaps.layout(),
        compare.layout([]),
        introductions.layout(),
        import_page.layout(),
    ]
    return html.Div([shell([]), *pages])


def not_found(pathname: str | None) -> html.Div:
    return html.Div(
        dbc.Alert(
            [f"No page at {pathname}. ", dcc.Link("Back to the network", href="/")],
            color="warning",
        ),
        className="p-3",
    )
