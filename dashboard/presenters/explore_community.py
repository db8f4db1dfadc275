"""An opened community on the Explore page: its actors and ties only, laid out on their own.

A community is named and opened by its number (1 = the largest, :func:`.network.community_name`)
among the communities of the report at the slider's date. Opened, the drawing holds its
members and the ties between them, at the community's own layout
(``Source.community_layouts``: computed on the server, seeded, cached and precomputed as
the territory's layout is), and its legend tells them by sector. A path whose ends are both
inside is found inside, so that it is drawn there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
import networkx as nx
from dash.exceptions import PreventUpdate

from ...graph.analytics import community_ranks, introduction_path, ranked_members
from ...reports.i18n import Translator
from .. import ids
from ..network_payload import TieLines, drawn_counts, network_payload, tie_lines
from ..sources import Source
from . import view_state
from .formatting import reader
from .network import community_name


def partition(source: Source, territory: str, day: date | None) -> dict[str, Any]:
    """Actor id -> the report's community label at ``day``."""
    rows = source.report(territory, as_of=day).get("actors", [])
    return {row["id"]: row.get("community") for row in rows}


def actor_ranks(source: Source, territory: str, day: date | None) -> dict[str, int]:
    """Actor id -> the rank of its community (0 = the largest) at ``day``: what names it."""

    def compute() -> dict[str, int]:
        labels = partition(source, territory, day)
        ranks = community_ranks(labels)
        return {actor: ranks[label] for actor, label in labels.items() if label is not None}

    return source.cached("community ranks", (territory, day), compute)


def members(
    source: Source, territory: str, day: date | None, number: int | None
) -> list[str] | None:
    """The actors of community ``number`` at ``day`` (None: no such community)."""
    if not number:
        return None
    groups = source.cached(
        "community members",
        (territory, day),
        lambda: ranked_members(partition(source, territory, day)),
    )
    return groups[number - 1] if 1 <= number <= len(groups) else None


def community_payload(
    source: Source, territory: str, day: date | None, number: int | None, size_by: str
) -> dict[str, Any] | None:
    """The renderer's payload of community ``number`` opened (None: no such community).

    Its actors and the ties between them (every date: the browser draws the slider's year
    from its ``timeline``), at the community's own layout, with ``opened``: its number.
    """
    inside = members(source, territory, day, number)
    if inside is None or number is None:
        return None
    rows = source.report(territory, as_of=day).get("actors", [])
    payload = network_payload(
        source.graph(territory).subgraph(inside),
        source.community_layouts(territory, as_of=day)[number - 1],
        rows,
        size_by=size_by,
        communities=False,
        network=source.network(territory),
    )
    payload["opened"] = number
    return payload


def inside_graph(
    source: Source, territory: str, day: date | None, number: int | None
) -> nx.Graph | None:
    """The territory's graph at ``day`` restricted to community ``number`` (None: none open)."""
    inside = members(source, territory, day, number)
    if inside is None:
        return None
    return source.graph(territory, as_of=day).subgraph(inside)


def path_inside(
    source: Source,
    territory: str,
    day: date | None,
    number: int | None,
    start: str,
    end: str,
) -> list[str] | None:
    """The introduction chain between two actors of the opened community, through it only.

    None when no community is open or an end is outside it (the territory's chain then);
    ``[]`` when the community holds no chain between them.
    """
    graph = inside_graph(source, territory, day, number)
    if graph is None or start not in graph or end not in graph:
        return None

    def compute() -> list[str]:
        try:
            return [str(a) for a in introduction_path(graph, start, end)]
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return []

    return source.cached("community path", (territory, day, number, start, end), compute)


def tie_lines_at(source: Source, territory: str, day: date | None) -> TieLines:
    """The lines the drawing joins the territory's members by at ``day``, kept per date."""
    return source.cached(
        "tie lines", (territory, day), lambda: tie_lines(source.network(territory, as_of=day))
    )


def opened_counts(
    source: Source,
    territory: str,
    day: date | None,
    number: int | None,
    sectors: Sequence[str] | None,
    t: Translator | None = None,
    kinds: Sequence[str] | None = None,
    min_weight: float | None = 0,
) -> str | None:
    """What the opened community draws, in words (None: none open).

    ``Community 2: 40 actors, 61 ties shown``: those the drawing's filters (``sectors``,
    ``kinds``, ``min_weight``, as :func:`drawn_counts` reads them) leave.
    """
    inside = members(source, territory, day, number)
    if inside is None or not number:
        return None
    kept = set(inside)
    sector_of, lines = tie_lines_at(source, territory, day)
    within = (
        {actor: sector for actor, sector in sector_of.items() if actor in kept},
        [line for line in lines if line[0] in kept and line[1] in kept],
    )
    t = reader(t)
    drawn = drawn_counts(within, sectors, kinds, float(min_weight or 0))
    actors = t.ngettext("{n} actor", "{n} actors", drawn["actors"])
    ties = t.ngettext("{n} tie", "{n} ties", drawn["ties"])
    return t.gettext("{community}: {actors}, {ties} shown").format(
        community=community_name(number - 1, t),
        actors=actors.format(n=t.integer(drawn["actors"])),
        ties=ties.format(n=t.integer(drawn["ties"])),
    )


def open_button(rank: int | None, t: Translator | None = None) -> dbc.Button | None:
    """The card's button that opens the community of ``rank`` (None: the actor has none)."""
    if rank is None:
        return None
    text = reader(t).gettext("Open the community")
    return dbc.Button(
        text, id=ids.open_community(rank + 1), size="sm", outline=True, color="secondary"
    )


def opened(
    trigger: Any,
    clicks: Sequence[int | None] | None,
    search: str | None = None,
    territory: str | None = None,
) -> int | None:
    """The community to open: the card's button clicked, or on a change of territory the one
    the address names there (else none).

    >>> opened(ids.open_community(3), [None, 1])
    3
    >>> opened(ids.TERRITORY, None, "?territory=Lille&community=2", "Lille")
    2
    >>> opened(ids.TERRITORY, None, "?territory=Lille&community=2", "Alsace") is None
    True
    """
    if trigger == ids.TERRITORY:
        state = view_state.parse(search)
        return state.community if view_state.territory_named(state, [territory or ""]) else None
    button = isinstance(trigger, Mapping) and trigger.get("type") == ids.OPEN_COMMUNITY
    if button and any(clicks or ()):
        return int(trigger["number"])
    raise PreventUpdate
