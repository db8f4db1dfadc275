"""NetworkX graphs of a territory, built from the model's :class:`~maillage.graph.model.Network`."""

from __future__ import annotations

from datetime import date

import networkx as nx

from ..model import Network, Tie, TieKind

__all__ = ["territory_graph", "territory_arcs"]


_KIND_BIT = {kind.value: 1 << i for i, kind in enumerate(TieKind)}


class _Bundle:
    """The ties joining one pair (or arc), folded into one edge's attributes."""

    __slots__ = ("weight", "kinds", "since", "until", "open", "ties")

    def __init__(self) -> None:
        self.weight = 0.0
        self.kinds = 0  # a bit per tie kind, to keep a million bundles small
        self.since: date | None = None
        self.until: date | None = None
        self.open = False
        self.ties = 0

    def add(self, tie: Tie) -> None:
        self.weight += tie.weight
        self.kinds |= _KIND_BIT[tie.kind.value]
        self.ties += 1
        if tie.since is not None and (self.since is None or tie.since < self.since):
            self.since = tie.since
        if tie.until is None:
            self.open = True
        elif self.until is None or tie.until > self.until:
            self.until = tie.until

    def attributes(self, kinds_cache: dict[int, tuple[str, ...]]) -> dict:
        kinds = kinds_cache.get(self.kinds)
        if kinds is None:
            names = (name for name, bit in _KIND_BIT.items() if self.kinds & bit)
            kinds = kinds_cache[self.kinds] = tuple(sorted(names))
        return {
            "weight": self.weight,
            "kinds": kinds,
            "since": self.since,
            "until": None if self.open else self.until,
            "ties": self.ties,
        }


def _add_members(G: nx.Graph, network: Network) -> None:
    G.add_nodes_from((a.id, {"name": a.name, "sector": a.sector.value}) for a in network.actors)


def territory_graph(network: Network, *, weighted: bool = False) -> nx.Graph:
    """The undirected graph of a territory's members and the ties among them.

    Every member is a node, isolated or not, with attributes ``name`` and
    ``sector`` (the sector's value, e.g. ``"public"``). The ties joining two
    members, whatever their kind or direction, become one edge with:

    - ``weight``: the sum of the ties' weights;
    - ``kinds``: the sorted tuple of their kinds;
    - ``since``: the earliest known start (None if no tie has one);
    - ``until``: the latest end, or None if any of the ties is still open;
    - ``ties``: how many ties were folded;
    - ``distance``, on a ``weighted`` graph only: ``1 / weight``, the length of
      the edge for shortest paths (a strong tie is a short one). NetworkX's
      shortest-path measures take a length (``weight=`` in betweenness,
      ``distance=`` in closeness): pass ``"distance"``, never ``"weight"``.

    Ties leaving the territory are left out (they count for openness only).

    Parameters
    ----------
    network : Network
        The territory as the store returns it.
    weighted : bool, optional (default=False)
        Recorded as ``G.graph["weighted"]``: whether measures on this graph
        should use ``weight`` (and ``distance`` for shortest paths), which
        only a weighted graph carries.

    Returns
    -------
    networkx.Graph
        With graph attributes ``territory``, ``as_of`` and ``weighted``.

    Examples
    --------
    >>> from datetime import date
    >>> from maillage.graph.model import Actor, Network, Sector, Tie, TieKind
    >>> actors = (
    ...     Actor("a", "Mairie", Sector.PUBLIC, ("T",)),
    ...     Actor("b", "Asso", Sector.ASSOCIATION, ("T",)),
    ...     Actor("c", "Lonely", Sector.CITIZEN, ("T",)),
    ... )
    >>> ties = (
    ...     Tie("a", "b", weight=2, since=date(2020, 1, 1), until=date(2021, 1, 1)),
    ...     Tie("b", "a", TieKind.FUNDING, since=date(2019, 5, 1), directed=True),
    ...     Tie("a", "z"),
    ... )
    >>> G = territory_graph(Network("T", actors, ties))
    >>> sorted(G.nodes), G.nodes["a"]["sector"]
    (['a', 'b', 'c'], 'public')
    >>> G.edges["a", "b"]
    {'weight': 3.0, 'kinds': ('funding', 'partnership'), 'since': datetime.date(2019, 5, 1), \
'until': None, 'ties': 2}
    """
    G = nx.Graph(territory=network.territory, as_of=network.as_of, weighted=weighted)
    _add_members(G, network)
    members = network.member_ids
    bundles: dict[tuple[str, str], _Bundle] = {}
    for tie in network.ties:
        u, v = tie.source, tie.target
        if u not in members or v not in members or u == v:
            continue
        key = (u, v) if u <= v else (v, u)
        bundle = bundles.get(key)
        if bundle is None:
            bundle = bundles[key] = _Bundle()
        bundle.add(tie)
    kinds_cache: dict[int, tuple[str, ...]] = {}
    G.add_edges_from((u, v, b.attributes(kinds_cache)) for (u, v), b in bundles.items())
    if weighted:
        for _, _, data in G.edges(data=True):
            data["distance"] = 1 / data["weight"]
    return G


def territory_arcs(network: Network) -> nx.DiGraph:
    """The directed graph of a territory: an undirected tie gives two opposite arcs, a directed one.

    This is the graph on which brokerage roles are counted (as R's
    ``sna::brokerage`` does). Members only; node attributes as in
    :func:`territory_graph`; the ties behind one arc are folded as there
    (``weight``, ``kinds``, ``since``, ``until``, ``ties``).

    Parameters
    ----------
    network : Network
        The territory as the store returns it.

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = tuple(Actor(i, i.upper(), Sector.BUSINESS, ("T",)) for i in "abc")
    >>> ties = (Tie("a", "b"), Tie("b", "c", directed=True))
    >>> sorted(territory_arcs(Network("T", actors, ties)).edges)
    [('a', 'b'), ('b', 'a'), ('b', 'c')]
    """
    D = nx.DiGraph(territory=network.territory, as_of=network.as_of)
    _add_members(D, network)
    members = network.member_ids
    bundles: dict[tuple[str, str], _Bundle] = {}
    for tie in network.ties:
        u, v = tie.source, tie.target
        if u not in members or v not in members or u == v:
            continue
        for arc in ((u, v),) if tie.directed else ((u, v), (v, u)):
            bundle = bundles.get(arc)
            if bundle is None:
                bundle = bundles[arc] = _Bundle()
            bundle.add(tie)
    kinds_cache: dict[int, tuple[str, ...]] = {}
    D.add_edges_from((u, v, b.attributes(kinds_cache)) for (u, v), b in bundles.items())
    return D
