"""The shell around every page (navigation, territory picker) and the page router."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from . import ids
from .pages import brokers, compare, explore, gaps, introductions

PAGES: tuple[tuple[str, str], ...] = (
    ("/", "Explore"),
    ("/brokers", "Brokers"),
    ("/gaps", "Gaps"),
    ("/compare", "Compare"),
    ("/introductions", "Introductions"),
)


def nav_links(pathname: str | None) -> list[Any]:
    """The navigation links, the current page's marked active."""
    return [
        dcc.Link(
            label,
            href=href,
            className="nav-link active" if pathname == href else "nav-link",
            id=f"nav-{label.lower()}",
        )
        for href, label in PAGES
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
    territories: Sequence[str], problem: Any = None, *, identity: Mapping[str, str] | None = None
) -> html.Div:
    """The whole app: address bar, navigation with the territory picker, and the page."""
    navbar = html.Nav(
        [
            html.Span("Maillage", className="brand"),
            html.Div(nav_links("/"), id=ids.NAV, className="nav-links"),
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
    pathname: str | None, focus: Mapping[str, Any], territories: Sequence[str]
) -> tuple[Any, list[Any]]:
    """The page at ``pathname`` and the navigation links to show with it."""
    builders = {
        "/": lambda: explore.layout(focus),
        "/brokers": brokers.layout,
        "/gaps": gaps.layout,
        "/compare": lambda: compare.layout(territories),
        "/introductions": introductions.layout,
    }
    build = builders.get(pathname or "/")
    if build is None:
        return not_found(pathname), nav_links(pathname)
    return build(), nav_links(pathname or "/")


def validation_layout() -> html.Div:
    """Every component of every page at once, so that Dash can check the callbacks' ids."""
    pages = [
        explore.layout(),
        brokers.layout(),
        gaps.layout(),
        compare.layout([]),
        introductions.layout(),
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
