"""Chains of introduction between two actors, ego networks, and plain-words paths.

Functions take the undirected territory graph of
:func:`~maillage.graph.analytics.network.territory_graph`: nodes carry
``name`` and ``sector``, edges ``weight``, ``kinds``, ``since``, ``until``
and ``ties``. Missing attributes fall back to a weight of 1 and no dates.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Sequence
from datetime import date
from typing import Any

import networkx as nx

from ..errors import NotFound
from ..problem_text import NOT_IN_NETWORK, render

__all__ = ["NotInNetwork", "introduction_path", "ego_network", "path_explanation", "tie_cost"]

DAYS_PER_YEAR = 365


class NotInNetwork(NotFound, nx.NodeNotFound):
    """An actor asked of a graph that does not hold it (at that date, say).

    Both a :class:`~maillage.graph.errors.NotFound` (a front end shows its message, in the
    reader's language) and a :class:`networkx.NodeNotFound` (as networkx would raise).

    >>> str(NotInNetwork("a9"))
    "actor 'a9' is not in the network"
    """

    def __init__(self, node: Hashable) -> None:
        super().__init__(render(NOT_IN_NETWORK, actor=repr(node)))


def tie_cost(data: dict[str, Any], today: date | None = None) -> float:
    """Return how poor a ground a tie is for an introduction (lower is better).

    The cost is the tie's length, ``1 / weight`` (the ``distance`` that a
    weighted territory graph carries for every shortest-path measure), plus its
    age in years of 365 days: the time from its latest date (``until``) to
    ``today``. A tie without an end date is current and has age 0, as does a
    tie whose end is after ``today``.

    Parameters
    ----------
    data : dict
        Edge attributes with an optional ``distance`` (else ``1 / weight``,
        ``weight`` being 1 by default) and ``until``.
    today : date, optional
        The reference day; without it, ages are 0.

    Returns
    -------
    float

    Examples
    --------
    >>> from datetime import date
    >>> tie_cost({"weight": 2})
    0.5
    >>> tie_cost({"weight": 1, "until": date(2022, 1, 1)}, today=date(2024, 1, 1))
    3.0
    """
    distance = data.get("distance")
    cost = distance if distance is not None else 1.0 / (data.get("weight", 1) or 1)
    until = data.get("until")
    if today is not None and until is not None and until < today:
        cost += (today - until).days / DAYS_PER_YEAR
    return cost


def introduction_path(
    G: nx.Graph,
    source: Hashable,
    target: Hashable,
    *,
    today: date | None = None,
) -> list[Hashable]:
    """Return the best chain of ties along which ``source`` can be introduced to ``target``.

    The chain has the fewest intermediaries; among the chains of that length
    it is the one whose ties are strongest and most recent, that is whose sum
    of :func:`tie_cost` is least. Remaining ties are broken by node order so
    that the answer is deterministic.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph; edges may carry ``weight`` and ``until``.
    source, target : node
        The two actors.
    today : date, optional
        Reference day for the age of ties; defaults to ``G.graph["as_of"]``
        when set, else to the current date.

    Returns
    -------
    list
        Nodes from ``source`` to ``target`` inclusive; ``[source]`` when they
        are the same node.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not in ``G``.
    networkx.NetworkXNoPath
        If no chain of ties joins them (as :func:`networkx.shortest_path`).

    References
    ----------
    .. [1] Granovetter, M. (1973). The strength of weak ties. *American
       Journal of Sociology* 78(6), 1360-1380.

    Examples
    --------
    Two chains of two steps; the one through ``b`` uses stronger ties.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("s", "a", weight=1)
    >>> G.add_edge("a", "t", weight=1)
    >>> G.add_edge("s", "b", weight=3)
    >>> G.add_edge("b", "t", weight=3)
    >>> introduction_path(G, "s", "t")
    ['s', 'b', 't']
    """
    for node in (source, target):
        if node not in G:
            raise NotInNetwork(node)
    if source == target:
        return [source]
    if today is None:
        today = G.graph.get("as_of") or date.today()
    to_target = nx.single_source_shortest_path_length(G, target)
    if source not in to_target:
        raise nx.NetworkXNoPath(f"no chain of ties joins {source!r} and {target!r}")
    order = {node: i for i, node in enumerate(G)}
    # Dijkstra restricted to the shortest-path DAG: each step must go one hop closer.
    best: dict[Hashable, float] = {source: 0.0}
    previous: dict[Hashable, Hashable] = {}
    heap = [(0.0, order[source], source)]
    done: set[Hashable] = set()
    while heap:
        cost, _, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        if node == target:
            break
        closer = to_target[node] - 1
        for nbr, data in G[node].items():
            if to_target.get(nbr) != closer or nbr in done:
                continue
            new = cost + tie_cost(data, today)
            old = best.get(nbr)
            if old is None or new < old or (new == old and order[node] < order[previous[nbr]]):
                best[nbr] = new
                previous[nbr] = node
                heapq.heappush(heap, (new, order[nbr], nbr))
    path = [target]
    while path[-1] != source:
        path.append(previous[path[-1]])
    return path[::-1]


def ego_network(G: nx.Graph, node: Hashable, hops: int = 1) -> nx.Graph:
    """Return the actors within ``hops`` ties of ``node`` and every tie among them.

    Parameters
    ----------
    G : networkx.Graph
    node : node
        The ego.
    hops : int, default 1
        Radius in ties; 0 gives the ego alone.

    Returns
    -------
    networkx.Graph
        An independent copy with the node, edge and graph attributes of ``G``.

    Raises
    ------
    networkx.NodeNotFound
        If ``node`` is not in ``G``.
    ValueError
        If ``hops`` is negative.

    References
    ----------
    .. [1] Wasserman, S. and Faust, K. (1994). *Social Network Analysis*,
       Cambridge University Press, section 2.3 (ego-centred networks).

    Examples
    --------
    >>> import networkx as nx
    >>> ego = ego_network(nx.path_graph(5), 2)
    >>> sorted(ego.nodes), sorted(ego.edges)
    ([1, 2, 3], [(1, 2), (2, 3)])
    """
    if node not in G:
        raise NotInNetwork(node)
    if hops < 0:
        raise ValueError(f"hops must be 0 or more, not {hops}")
    reach = nx.single_source_shortest_path_length(G, node, cutoff=hops)
    return G.subgraph(reach).copy()


def path_explanation(G: nx.Graph, path: Sequence[Hashable]) -> list[dict[str, Any]]:
    """Describe each step of a chain of ties in plain words, for the dashboard.

    Parameters
    ----------
    G : networkx.Graph
        Graph whose nodes may carry ``name`` and ``sector``, edges ``kinds``,
        ``weight``, ``since``, ``until`` and ``ties``.
    path : sequence of nodes
        Consecutive nodes must be tied, as returned by :func:`introduction_path`.

    Returns
    -------
    list of dict
        One dict per step with ``from`` and ``to`` (each ``{id, name,
        sector}``), ``kinds`` (list), ``weight``, ``since`` and ``until`` (ISO
        dates or None) and ``text``, a sentence.

    Raises
    ------
    ValueError
        If two consecutive nodes are not tied.

    Examples
    --------
    >>> import networkx as nx
    >>> from datetime import date
    >>> G = nx.Graph()
    >>> G.add_node("m", name="Mairie", sector="public")
    >>> G.add_node("a", name="Asso", sector="association")
    >>> G.add_edge("m", "a", weight=2, kinds=("funding",), since=date(2019, 3, 1), ties=1)
    >>> path_explanation(G, ["m", "a"])[0]["text"]
    'Mairie (public) and Asso (association): funding since 2019-03-01, weight 2.'
    """
    steps = []
    for u, v in zip(path, path[1:], strict=False):
        if not G.has_edge(u, v):
            raise ValueError(f"{u!r} and {v!r} are not tied")
        data = G.edges[u, v]
        since, until = data.get("since"), data.get("until")
        kinds = [str(k) for k in data.get("kinds", ())] or ["tie"]
        weight = data.get("weight", 1)
        steps.append(
            {
                "from": actor_ref(G, u),
                "to": actor_ref(G, v),
                "kinds": kinds,
                "weight": weight,
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
                "text": _step_text(G, u, v, kinds, weight, since, until),
            }
        )
    return steps


def actor_ref(G: nx.Graph, node: Hashable) -> dict[str, Any]:
    """Return ``{id, name, sector}`` of a node, for plain results."""
    attrs = G.nodes[node]
    return {"id": node, "name": attrs.get("name", str(node)), "sector": attrs.get("sector")}


def _label(G: nx.Graph, node: Hashable) -> str:
    ref = actor_ref(G, node)
    return f"{ref['name']} ({ref['sector']})" if ref["sector"] else str(ref["name"])


def _step_text(
    G: nx.Graph,
    u: Hashable,
    v: Hashable,
    kinds: list[str],
    weight: float,
    since: date | None,
    until: date | None,
) -> str:
    when = ""
    if since and until:
        when = f" from {since.isoformat()} to {until.isoformat()}"
    elif since:
        when = f" since {since.isoformat()}"
    elif until:
        when = f" until {until.isoformat()}"
    shown = int(weight) if float(weight).is_integer() else round(weight, 2)
    return f"{_label(G, u)} and {_label(G, v)}: {', '.join(kinds)}{when}, weight {shown}."
