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
from collections.abc import Collection, Hashable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import networkx as nx

from ..graph.analytics.communities import community_ranks
from ..graph.model import Network, Tie, TieKind
from ..graph.network_years import last_active_year
from ..graph.vocabulary import SECTORS, sector_colour
from . import style

POSITION_DECIMALS = 4
SIZE_DECIMALS = 3
SECTOR_ORDER = SECTORS
KIND_ORDER = tuple(k.value for k in TieKind)
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
    network: Network | None = None,
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
    network : Network, optional
        The territory with every actor and tie (no ``as_of``), ``graph``'s source:
        adds its ``timeline`` (:func:`timeline`), so that the renderer draws the
        network at any year's end without asking the server (none when nothing has a
        date).

    Returns
    -------
    dict
        ``ids``, ``labels``, ``x``, ``y``, ``size``, ``sector`` (index into
        ``sectors``), ``sectors``, ``sectorColours``, ``edges`` (flat index
        pairs, ``i < j``), ``weights``, ``kinds`` (tie kind names) and
        ``edgeKinds`` (per tie, a bit mask over ``kinds``: bit k set when the
        tie has kind k; 0 when it has none), ``extent``; with ``communities``:
        ``community`` (rank, -1 for none), ``communityColours`` (the ranked
        palette) and ``communityOther`` (the colour of smaller ones); with
        ``network``: ``timeline``.

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
    masks: list[int] = []
    kind_bit = {kind: 1 << k for k, kind in enumerate(KIND_ORDER)}
    for i, j, weight, kinds in sorted(
        (min(index[u], index[v]), max(index[u], index[v]), d.get("weight", 1), d.get("kinds"))
        for u, v, d in graph.edges(data=True)
        if u != v
    ):
        edges += (i, j)
        weights.append(integral(weight) if isinstance(weight, int | float) and weight else 1)
        masks.append(sum(kind_bit.get(str(k), 0) for k in set(kinds or ())))
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
        "kinds": list(KIND_ORDER),
        "edgeKinds": masks,
        "extent": extent(positions),
    }
    if communities:
        of = {n: (by_id.get(n) or {}).get("community") for n in nodes}
        ranks = community_ranks(of)
        payload["community"] = [ranks.get(of[n], -1) for n in nodes]
        payload["communityColours"] = list(style.COMMUNITY_COLOURS)
        payload["communityOther"] = style.SMALL_COMMUNITY_COLOUR
    if network is not None:
        line = timeline(network, payload)
        if line is not None:
            payload["timeline"] = line
    return payload


def timeline(network: Network, payload: Mapping[str, Any]) -> dict[str, list[Any]] | None:
    """When each actor and tie of ``network`` is drawn, by year (the slider's 31 December).

    The network at the end of year ``Y`` (``Network`` with ``as_of`` that day) holds the
    actors with ``joined[i]`` null or at most ``Y`` and the ties with ``since`` null or at
    most ``Y``, ``until`` null or at least ``Y``, whose both ends it holds. Its graph's edge
    between two actors folds their ties active then (``territory_graph``): weights summed,
    kinds joined. The renderer applies this rule (``src/timeline.js``).

    The ties are listed edge by edge, in the order of the payload's ``edges``, so that
    they need no indices of their own; what the payload already says is left out.

    Parameters
    ----------
    network : Network
        The territory with every actor and tie (no ``as_of``).
    payload : dict
        Its payload (:func:`network_payload` of its whole graph): ``ids``, ``edges``,
        ``weights``, ``edgeKinds``. Ties between two actors that no edge joins are left out.

    Returns
    -------
    dict or None
        None when no actor and no tie has a date (every year draws the payload). Else,
        each array only when needed: ``joined`` (per actor: year, None when always
        there); ``count`` (per edge: how many ties it folds; without it, one each); and
        per tie, edge after edge: ``weights`` and ``kinds`` (one bit over the payload's
        ``kinds``) unless they are the edge's own, ``since`` and ``until`` (years, None
        when open; ``until`` is the last year active, ``last_active_year``) unless all open.

    Examples
    --------
    >>> from datetime import date
    >>> from maillage.graph.model import Actor, Sector, Tie, TieKind
    >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",), joined=date(2019, 3, 1)),
    ...           Actor("b", "B", Sector.MEDIA, ("T",)))
    >>> ties = (Tie("b", "a", weight=2, since=date(2020, 1, 1), until=date(2022, 6, 1)),
    ...         Tie("a", "b", TieKind.FUNDING))
    >>> payload = {"ids": ["a", "b"], "edges": [0, 1], "weights": [3], "edgeKinds": [5]}
    >>> timeline(Network("T", actors, ties), payload)
    {'joined': [2019, None], 'count': [2], 'weights': [2, 1], 'kinds': [1, 4], \
'since': [2020, None], 'until': [2021, None]}
    >>> timeline(Network("T", actors[1:], ()), {"ids": ["b"], "edges": [], "weights": []})
    """
    index = {actor_id: i for i, actor_id in enumerate(payload["ids"])}
    joined: list[int | None] = [None] * len(index)
    for actor in network.actors:
        if actor.id in index and actor.joined:
            joined[index[actor.id]] = actor.joined.year
    edges = payload["edges"]
    edge_of = {(edges[2 * e], edges[2 * e + 1]): e for e in range(len(edges) // 2)}
    kind_bit = {kind: 1 << k for k, kind in enumerate(KIND_ORDER)}
    count = [0] * len(edge_of)
    found: list[tuple[int, Tie]] = []
    for tie in network.ties:
        i, j = index.get(tie.source), index.get(tie.target)
        if i is not None and j is not None and i != j:
            e = edge_of.get((min(i, j), max(i, j)))
            if e is not None:
                count[e] += 1
                found.append((e, tie))
    found.sort(key=itemgetter(0))
    ties = [tie for _, tie in found]
    at = [e for e, _ in found]
    since = [tie.since.year if tie.since else None for tie in ties]
    until = [last_active_year(tie.until) for tie in ties]
    if not any(joined) and not any(since) and not any(until):
        return None
    weights = [integral(tie.weight) for tie in ties]
    kinds = [kind_bit[tie.kind.value] for tie in ties]
    edge_kinds = payload.get("edgeKinds") or []
    line: dict[str, list[Any]] = {}
    arrays = {
        "joined": (joined, any(joined)),
        "count": (count, any(n != 1 for n in count)),
        "weights": (
            weights,
            any(w != payload["weights"][e] for w, e in zip(weights, at, strict=True)),
        ),
        "kinds": (kinds, any(b != edge_kinds[e] for b, e in zip(kinds, at, strict=True))),
        "since": (since, any(since)),
        "until": (until, any(until)),
    }
    for key, (values, needed) in arrays.items():
        if needed:
            line[key] = values
    return line


def integral(value: float) -> float:
    """``value`` as an int when it is one (shorter in JSON, the same number in JavaScript).

    >>> integral(2.0), integral(0.5)
    (2, 0.5)
    """
    return int(value) if math.isfinite(value) and value == int(value) else value


TieLines = tuple[dict[str, str], list[tuple[str, str, float, tuple[str, ...]]]]
"""What :func:`drawn_counts` reads of a network: each member's sector, and per line (pair of
members) its ends, its ties' summed weight and the kind of each of its ties."""


def tie_lines(network: Network) -> TieLines:
    """The lines the drawing joins ``network``'s members by (:data:`TieLines`).

    >>> from maillage.graph.model import Actor, Sector, Tie, TieKind
    >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",)), Actor("b", "B", Sector.MEDIA, ("T",)))
    >>> tie_lines(Network("T", actors, (Tie("a", "b"), Tie("b", "a", TieKind.FUNDING))))
    ({'a': 'public', 'b': 'media'}, [('a', 'b', 2.0, ('partnership', 'funding'))])
    """
    sectors = {actor.id: str(actor.sector.value) for actor in network.actors}
    lines: dict[tuple[str, str], list[Tie]] = {}
    for tie in network.ties:
        u, v = tie.source, tie.target
        if u != v and u in sectors and v in sectors:
            lines.setdefault((u, v) if u <= v else (v, u), []).append(tie)
    return sectors, [
        (u, v, float(sum(tie.weight for tie in ties)), tuple(tie.kind.value for tie in ties))
        for (u, v), ties in lines.items()
    ]


def drawn_counts(
    network: Network | TieLines,
    sectors: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    min_weight: float = 0,
) -> dict[str, int]:
    """Actors and ties the drawing shows of ``network`` (the territory at the slider's date).

    The renderer's filters (``src/view.js``): an actor shows when its sector is one of
    ``sectors`` (None: every sector). The ties between two actors are drawn as one line,
    shown when both its ends show, the sum of their weights (none: 1) is at least
    ``min_weight`` and one of their kinds is one of ``kinds`` (None: every kind). The ties
    counted are those of the lines shown whose kind is one of ``kinds``: parallel ties of
    several kinds count one each, as in the territory's counts and the report's ``ties``
    (a tie from an actor to itself is never drawn, and not counted); ``pairs`` counts the
    lines (the report's ``linked_pairs``). ``network`` may be its :func:`tie_lines`, which
    a caller keeps for every filter of one date.

    >>> from maillage.graph.model import Actor, Sector, Tie, TieKind
    >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",)), Actor("b", "B", Sector.BUSINESS, ("T",)),
    ...           Actor("c", "C", Sector.BUSINESS, ("T",)))
    >>> ties = (Tie("a", "b"), Tie("b", "a", TieKind.FUNDING), Tie("b", "c", weight=3),
    ...         Tie("c", "z"))
    >>> network = Network("T", actors, ties)
    >>> drawn_counts(network), drawn_counts(network, ["business"])
    ({'actors': 3, 'ties': 3, 'pairs': 2}, {'actors': 2, 'ties': 1, 'pairs': 1})
    >>> drawn_counts(network, kinds=["funding"]), drawn_counts(network, min_weight=2)
    ({'actors': 3, 'ties': 1, 'pairs': 1}, {'actors': 3, 'ties': 3, 'pairs': 2})
    >>> drawn_counts(network, min_weight=3)
    {'actors': 3, 'ties': 1, 'pairs': 1}
    """
    of, lines = tie_lines(network) if isinstance(network, Network) else network
    shown = {actor for actor, sector in of.items() if sectors is None or sector in sectors}
    ties = pairs = 0
    for u, v, weight, line_kinds in lines:
        if u not in shown or v not in shown or (weight or 1) < min_weight:
            continue
        visible = len(line_kinds) if kinds is None else sum(k in kinds for k in line_kinds)
        if visible:
            ties += visible
            pairs += 1
    return {"actors": len(shown), "ties": ties, "pairs": pairs}
