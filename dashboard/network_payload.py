"""The compact payload the network renderer draws: parallel arrays, no per-node dicts.

One actor is one position in every node array (``ids``, ``labels``, ``x``, ``y``,
``size``, ``sector``, ``community``); one tie is two indices into those arrays
(``edges``, flattened) and one ``weights`` entry. Every actor of the graph is
drawn, whatever its size: communities are an optional colouring, not a
replacement view.

The payload is plain JSON; the app sends it gzip-compressed (Dash's
``compress=True``, through flask-compress).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx

from ..graph.vocabulary import SECTORS, sector_colour
from . import style

POSITION_DECIMALS = 4
SIZE_DECIMALS = 3
SECTOR_ORDER = SECTORS
OTHER_SECTOR = "other"
DEGREE = "degree"


def measure(row: Mapping[str, Any] | None, key: str) -> float:
    """A report row's measure as a number (``brokerage``: the sum of its roles; else 0).

    >>> measure({"betweenness": 0.25}, "betweenness")
    0.25
    >>> measure({"brokerage": {"a": 2, "b": 1}}, "brokerage")
    3.0
    >>> measure(None, "degree"), measure({"degree": True}, "degree")
    (0.0, 0.0)
    """
    if not row:
        return 0.0
    if key == "brokerage":
        return float(sum((row.get("brokerage") or {}).values()))
    value = row.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def relative_sizes(values: Sequence[float]) -> list[float]:
    """Square root of each value's share of the largest, in [0, 1]: area follows the measure.

    >>> relative_sizes([0.0, 1.0, 4.0])
    [0.0, 0.5, 1.0]
    >>> relative_sizes([0.0, 0.0])
    [0.0, 0.0]
    """
    top = max(values, default=0.0)
    if top <= 0:
        return [0.0 for _ in values]
    return [round(math.sqrt(v / top), SIZE_DECIMALS) if v > 0 else 0.0 for v in values]


def community_ranks(communities: Mapping[Hashable, Any]) -> dict[Any, int]:
    """Community label -> rank by size (0 = largest; equal sizes by label).

    >>> community_ranks({"a": 5, "b": 2, "c": 2})
    {2: 0, 5: 1}
    """
    counts = Counter(c for c in communities.values() if c is not None)
    ordered = sorted(counts, key=lambda c: (-counts[c], str(c)))
    return {label: rank for rank, label in enumerate(ordered)}


def extent(positions: Mapping[Hashable, Sequence[float]]) -> list[float]:
    """``[xmin, xmax, ymin, ymax]`` of ``positions`` (the unit square when empty).

    The renderer frames the whole territory's layout with it, so that a date
    or a filter that hides actors never moves the others on screen.

    >>> extent({"a": (0.5, -1.0), "b": (-0.25, 0.75)})
    [-0.25, 0.5, -1.0, 0.75]
    """
    if not positions:
        return [-1.0, 1.0, -1.0, 1.0]
    xs = [float(p[0]) for p in positions.values()]
    ys = [float(p[1]) for p in positions.values()]
    return [min(xs), max(xs), min(ys), max(ys)]


def sector_of(attrs: Mapping[str, Any]) -> str:
    """The sector name of a node's attributes, ``other`` when missing."""
    return str(attrs.get("sector") or OTHER_SECTOR)


def network_payload(
    graph: nx.Graph,
    positions: Mapping[Hashable, Sequence[float]],
    rows: Sequence[Mapping[str, Any]] = (),
    *,
    size_by: str = DEGREE,
    communities: bool = True,
) -> dict[str, Any]:
    """The renderer's payload for ``graph`` drawn at ``positions``.

    Parameters
    ----------
    graph : networkx.Graph
        The actors and ties to draw (possibly the territory at a date). Node
        attributes ``name`` and ``sector``; edge attribute ``weight``.
    positions : dict
        Node -> ``(x, y)`` for the whole territory (``Maillage.layout``). A
        node without a position is drawn at the origin.
    rows : list of dict, optional
        The report's ``actors`` rows (``id``, measures, ``community``). Without
        them nodes are sized by their degree in ``graph``.
    size_by : str, default "degree"
        The measure of ``rows`` that sizes the nodes.
    communities : bool, default True
        Include ``community`` (rank by size) and ``communityColours`` so the
        renderer can colour by community.

    Returns
    -------
    dict
        ``ids``, ``labels``, ``x``, ``y``, ``size``, ``sector`` (index into
        ``sectors``), ``sectors``, ``sectorColours``, ``edges`` (flat index
        pairs, ``i < j``), ``weights``, ``extent``; with ``communities``:
        ``community`` (rank, -1 for none), ``communityColours`` (the ranked
        palette) and ``communityOther`` (the colour of smaller ones).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("b", name="Bee", sector="business")
    >>> g.add_node("a", name="Ant", sector="public")
    >>> g.add_edge("a", "b", weight=2)
    >>> p = network_payload(g, {"a": (0.0, 1.0), "b": (1.0, 0.0)}, communities=False)
    >>> p["ids"], p["labels"], p["edges"], p["weights"], p["size"]
    (['a', 'b'], ['Ant', 'Bee'], [0, 1], [2], [1.0, 1.0])
    >>> [p["sectors"][s] for s in p["sector"]]
    ['public', 'business']
    """
    nodes = sorted(graph, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    by_id = {row.get("id"): row for row in rows}
    sectors_present = {sector_of(graph.nodes[n]) for n in nodes}
    sectors = [s for s in SECTOR_ORDER if s in sectors_present]
    sectors += sorted(sectors_present - set(sectors))
    sector_code = {s: k for k, s in enumerate(sectors)}
    xs: list[float] = []
    ys: list[float] = []
    for node in nodes:
        x, y = positions.get(node, (0.0, 0.0))
        xs.append(round(float(x), POSITION_DECIMALS) + 0.0)
        ys.append(round(float(y), POSITION_DECIMALS) + 0.0)
    if rows:
        values = [measure(by_id.get(node), size_by) for node in nodes]
    else:
        values = [float(graph.degree(node)) for node in nodes]
    edges: list[int] = []
    weights: list[float] = []
    for i, j, weight in sorted(
        (min(index[u], index[v]), max(index[u], index[v]), d.get("weight", 1))
        for u, v, d in graph.edges(data=True)
        if u != v
    ):
        edges += (i, j)
        weights.append(weight if isinstance(weight, int | float) and weight else 1)
    payload: dict[str, Any] = {
        "ids": [str(n) for n in nodes],
        "labels": [str(graph.nodes[n].get("name") or n) for n in nodes],
        "x": xs,
        "y": ys,
        "size": relative_sizes(values),
        "sector": [sector_code[sector_of(graph.nodes[n])] for n in nodes],
        "sectors": sectors,
        "sectorColours": [sector_colour(s) for s in sectors],
        "edges": edges,
        "weights": weights,
        "extent": extent(positions),
    }
    if communities:
        of = {n: (by_id.get(n) or {}).get("community") for n in nodes}
        ranks = community_ranks(of)
        payload["community"] = [ranks.get(of[n], -1) for n in nodes]
        payload["communityColours"] = list(style.COMMUNITY_COLOURS)
        payload["communityOther"] = style.SMALL_COMMUNITY_COLOUR
    return payload


def sector_counts(payload: Mapping[str, Any], visible: Sequence[str] | None = None) -> dict:
    """Actors and ties drawn when only ``visible`` sectors show (all when None).

    A tie is drawn when both its ends are.

    >>> p = {"sector": [0, 1, 1], "sectors": ["a", "b"], "edges": [0, 1, 1, 2]}
    >>> sector_counts(p, ["b"])
    {'actors': 2, 'ties': 1}
    """
    sectors = payload.get("sectors", [])
    shown = set(sectors if visible is None else visible)
    drawn = [sectors[s] in shown for s in payload.get("sector", [])]
    ends = payload.get("edges", [])
    ties = sum(1 for k in range(0, len(ends) - 1, 2) if drawn[ends[k]] and drawn[ends[k + 1]])
    return {"actors": sum(drawn), "ties": ties}
