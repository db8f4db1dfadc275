"""How a territory's bridges between sectors changed between two dates."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from ..model import Network
from .gaps import fragile_bridges, sector_bridges
from .network import territory_graph
from .paths import actor_ref

__all__ = ["bridge_changes"]


def bridge_changes(before: Network, after: Network) -> dict[str, Any]:
    """Return the bridges between sectors gained and lost from one network to another.

    Two kinds of bridge are followed:

    * an **actor** bridging sectors *a* and *b* (see
      :func:`~maillage.graph.analytics.gaps.sector_bridges`: it is in or tied
      to each of the two sectors);
    * a **tie** whose removal would leave two sectors without any chain of
      ties between them (a bridge edge of
      :func:`~maillage.graph.analytics.gaps.fragile_bridges`).

    A bridge is *gained* when it exists in ``after`` and not in ``before``
    (for an actor: for each sector pair it newly bridges), *lost* the other
    way round.

    Parameters
    ----------
    before, after : Network
        The same territory at two dates (built with ``as_of`` D1 and D2).

    Returns
    -------
    dict
        ``territory``, ``since`` and ``until`` (the two ``as_of`` dates, ISO or
        None), ``gained`` and ``lost``: lists of ``{"type": "actor", "id",
        "name", "sector", "sectors"}`` or ``{"type": "tie", "source": {id,
        name, sector}, "target": {...}, "sectors"}``, where ``sectors`` lists
        the sector pairs ``[a, b]`` concerned; actors first, by name.

    Raises
    ------
    ValueError
        If the networks are of different territories, or ``before`` is dated
        after ``after``.

    References
    ----------
    .. [1] Burt, R. S. (2002). Bridge decay. *Social Networks* 24(4),
       333-363.

    Examples
    --------
    >>> from datetime import date
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = (Actor("a", "Asso", Sector.ASSOCIATION, ("T",)),
    ...           Actor("p", "Mairie", Sector.PUBLIC, ("T",)))
    >>> early = Network("T", actors, (), as_of=date(2020, 1, 1))
    >>> late = Network("T", actors, (Tie("a", "p"),), as_of=date(2021, 1, 1))
    >>> changes = bridge_changes(early, late)
    >>> [(g["type"], g.get("id")) for g in changes["gained"]]
    [('actor', 'a'), ('actor', 'p'), ('tie', None)]
    >>> changes["gained"][2]["sectors"]
    [['association', 'public']]
    >>> changes["lost"]
    []
    """
    if before.territory != after.territory:
        raise ValueError(f"cannot compare territory {before.territory!r} with {after.territory!r}")
    if before.as_of and after.as_of and before.as_of > after.as_of:
        raise ValueError(f"{before.as_of} is after {after.as_of}: pass the earlier network first")
    old, new = territory_graph(before), territory_graph(after)
    old_actors, new_actors = _actor_bridges(old), _actor_bridges(new)
    old_ties, new_ties = _tie_bridges(old), _tie_bridges(new)
    return {
        "territory": after.territory,
        "since": before.as_of.isoformat() if before.as_of else None,
        "until": after.as_of.isoformat() if after.as_of else None,
        "gained": _difference(new, new_actors, old_actors, new_ties, old_ties),
        "lost": _difference(old, old_actors, new_actors, old_ties, new_ties),
    }


def _actor_bridges(G: nx.Graph) -> dict[Hashable, list[tuple[str, str]]]:
    found: dict[Hashable, list[tuple[str, str]]] = {}
    for pair, nodes in sector_bridges(G).items():
        for node in nodes:
            found.setdefault(node, []).append(pair)
    return found


def _tie_bridges(G: nx.Graph) -> dict[frozenset[Hashable], dict[str, Any]]:
    return {
        frozenset((item["source"]["id"], item["target"]["id"])): item
        for item in fragile_bridges(G)
        if item["type"] == "tie"
    }


def _difference(
    G: nx.Graph,
    actors: dict[Hashable, list[tuple[str, str]]],
    other_actors: dict[Hashable, list[tuple[str, str]]],
    ties: dict[frozenset[Hashable], dict[str, Any]],
    other_ties: dict[frozenset[Hashable], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Bridges present in ``G`` (``actors``, ``ties``) and absent from the other network."""
    rows = []
    for node, pairs in actors.items():
        kept = set(other_actors.get(node, ()))
        changed = [list(pair) for pair in pairs if pair not in kept]
        if changed:
            rows.append({"type": "actor", **actor_ref(G, node), "sectors": changed})
    for key, item in ties.items():
        if key not in other_ties:
            rows.append(
                {
                    "type": "tie",
                    "source": item["source"],
                    "target": item["target"],
                    "sectors": item["disconnects"],
                }
            )
    return sorted(rows, key=_row_rank)


def _row_rank(row: dict[str, Any]) -> tuple[Any, ...]:
    if row["type"] == "actor":
        return 0, str(row["name"]), str(row["id"]), ""
    return 1, str(row["source"]["name"]), str(row["target"]["name"]), str(row["source"]["id"])
