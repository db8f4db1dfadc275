"""Degree, betweenness, closeness, eigenvector and PageRank centrality.

NetworkX semantics and defaults, on undirected graphs, computed by the
engine (:mod:`.engine`): igraph for shortest paths, numpy for the rest.
The results equal NetworkX's (``tests/analytics/test_centrality.py``
compares them to 1e-9). As in NetworkX, the edge attribute that shortest-path
measures take is a *length*: betweenness's ``weight=`` and closeness's
``distance=``; the territory graph's ``distance`` is ``1 / weight``, a strong
tie being a short one (:func:`~.network.territory_graph`). Eigenvector and
PageRank take the tie strength itself (``weight``).
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np

from .engine import EngineGraph, Seed, engine_graph, sample_pivots

__all__ = [
    "degree_centrality",
    "betweenness_centrality",
    "closeness_centrality",
    "eigenvector_centrality",
    "pagerank",
]


def _as_dict(eg: EngineGraph, values: np.ndarray) -> dict[Any, float]:
    return dict(zip(eg.nodes, values.tolist(), strict=True))


@nx.utils.not_implemented_for("directed", "multigraph")
def degree_centrality(G: nx.Graph) -> dict[Any, float]:
    """The fraction of the other nodes each node is tied to.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    dict
        Node to ``degree / (n - 1)``, as :func:`networkx.degree_centrality`.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> degree_centrality(nx.star_graph(3))
    {0: 1.0, 1: 0.3333333333333333, 2: 0.3333333333333333, 3: 0.3333333333333333}
    """
    if len(G) <= 1:
        return dict.fromkeys(G, 1.0)
    eg = engine_graph(G)
    return _as_dict(eg, eg.degree * (1.0 / (eg.n - 1)))


@nx.utils.not_implemented_for("directed", "multigraph")
def betweenness_centrality(
    G: nx.Graph,
    k: int | None = None,
    normalized: bool = True,
    weight: str | None = None,
    seed: Seed = None,
) -> dict[Any, float]:
    """Shortest-path betweenness: the share of shortest paths between others through each node.

    Brandes' algorithm in igraph, rescaled as :func:`networkx.betweenness_centrality`.

    Parameters
    ----------
    G : networkx.Graph
    k : int or None, optional (default=None)
        Estimate from ``k`` sampled source nodes instead of all of them. The
        sample and the rescaling are NetworkX's: the result equals
        ``nx.betweenness_centrality(G, k=k, seed=seed)``.
    normalized : bool, optional (default=True)
        Divide by the number of pairs of other nodes, ``(n - 1)(n - 2) / 2``.
    weight : str or None, optional (default=None)
        Edge attribute holding each edge's length, as NetworkX's ``weight``
        (e.g. the territory graph's ``"distance"``); None counts hops.
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state of the sample when ``k`` is given, as NetworkX's (None:
        the global random state).

    Returns
    -------
    dict
        Node to betweenness.

    Notes
    -----
    With weights, igraph treats path lengths that differ by less than 1e-10
    as equal where NetworkX compares floats exactly, so the two can differ
    when sums of lengths tie only up to rounding.

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
    .. [2] Brandes, U., & Pich, C. (2007). Centrality estimation in large
       networks. *International Journal of Bifurcation and Chaos* 17(7), 2303-2318.

    Examples
    --------
    >>> import networkx as nx
    >>> betweenness_centrality(nx.florentine_families_graph())["Medici"]  # 47.5 / 91
    0.521978021978022
    """
    eg = engine_graph(G, weight)
    n = eg.n
    if n == 0:
        return {}
    if k is not None and k >= n:
        k = None
    if k is None:
        raw = np.array(eg.igraph.betweenness(directed=False, weights=eg.weight_list))
        # igraph counts each unordered pair once; NetworkX sums over ordered
        # pairs, then halves (raw) or divides by (n - 1)(n - 2) (normalized).
        if normalized and n > 2:
            return _as_dict(eg, 2.0 * raw * (1 / ((n - 1) * (n - 2))))
        return _as_dict(eg, raw)
    pivots = sample_pivots(eg.nodes, k, seed)
    pivot_ids = [eg.index[v] for v in pivots]
    raw = np.array(
        eg.igraph.betweenness(
            directed=False, weights=eg.weight_list, sources=pivot_ids, targets=None
        )
    )
    # NetworkX sums single-source dependencies over ordered pairs: twice igraph's.
    accumulated = 2.0 * raw
    is_pivot = np.zeros(n, dtype=bool)
    is_pivot[pivot_ids] = True
    if n - 1 < 2:
        return _as_dict(eg, accumulated)
    if normalized:
        on_pivot = 1 / ((k - 1) * (n - 2)) if k > 1 else math.nan
        elsewhere = 1 / (k * (n - 2))
    else:
        on_pivot = (n - 1) / ((k - 1) * 2) if k > 1 else math.nan
        elsewhere = (n - 1) / (k * 2)
    return _as_dict(eg, accumulated * np.where(is_pivot, on_pivot, elsewhere))


# Fewest pivots a component must hold for its closeness to be estimated.
_MIN_PIVOTS = 16


def _distance_totals(eg: EngineGraph, k: int | None, seed: Seed) -> tuple[np.ndarray, np.ndarray]:
    """Per vertex: total length of shortest paths to the vertices counted, and how many.

    Exact: every other vertex of its component. With ``k`` pivots: the
    pivots of its component, for components holding enough of them; the
    others, small, are computed exactly.
    """
    size = eg.component_size()
    if k is None:
        return _exact_totals(eg, size)
    membership, sizes = eg.components
    pivots = np.array([eg.index[v] for v in sample_pivots(eg.nodes, k, seed)], dtype=np.int64)
    per_component = np.bincount(membership[pivots], minlength=len(sizes))
    sampled_component = per_component >= np.minimum(_MIN_PIVOTS, sizes)
    sampled_component &= per_component < sizes
    sampled = sampled_component[membership]
    total = np.zeros(eg.n, dtype=np.float64)
    count = np.zeros(eg.n, dtype=np.int64)
    pivot_total, pivot_count = _source_totals(eg, pivots[sampled[pivots]])
    total[sampled] = pivot_total[sampled]
    count[sampled] = pivot_count[sampled]
    rest = np.flatnonzero(~sampled)
    if len(rest):
        sub = eg.subgraph(rest)
        total[rest], count[rest] = _exact_totals(sub, size[rest])
    return total, count


def _exact_totals(eg: EngineGraph, size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if eg.weight is None:
        total, reached = eg.distance_sums
        return total.astype(np.float64), reached
    inverse = np.array(eg.igraph.closeness(weights=eg.weight_list, normalized=False))
    reached = size - 1
    with np.errstate(divide="ignore"):
        total = np.where(reached > 0, 1.0 / inverse, 0.0)
    return total, reached


def _source_totals(eg: EngineGraph, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum of path lengths from ``sources`` to each vertex, and how many sources reach it."""
    if eg.weight is None:
        total, reached = eg.hop_sums(sources)
        return total.astype(np.float64), reached
    total = np.zeros(eg.n, dtype=np.float64)
    reached = np.zeros(eg.n, dtype=np.int64)
    chunk = max(1, 2_000_000 // max(eg.n, 1))
    for first in range(0, len(sources), chunk):
        batch = sources[first : first + chunk]
        lengths = np.array(eg.igraph.distances(source=batch.tolist(), weights=eg.weight_list))
        lengths[np.arange(len(batch)), batch] = np.inf
        finite = np.isfinite(lengths)
        total += np.where(finite, lengths, 0.0).sum(axis=0)
        reached += finite.sum(axis=0)
    return total, reached


@nx.utils.not_implemented_for("directed", "multigraph")
def closeness_centrality(
    G: nx.Graph,
    distance: str | None = None,
    wf_improved: bool = True,
    k: int | None = None,
    seed: Seed = None,
) -> dict[Any, float]:
    """Inverse mean shortest-path length to the nodes each node can reach.

    As :func:`networkx.closeness_centrality`: ``(r - 1) / total`` over the
    ``r - 1`` other nodes of a node's component, times ``(r - 1) / (n - 1)``
    with Wasserman and Faust's correction for disconnected graphs; 0 for an
    isolated node.

    Parameters
    ----------
    G : networkx.Graph
    distance : str or None, optional (default=None)
        Edge attribute holding each edge's length, as NetworkX's ``distance``
        (e.g. the territory graph's ``"distance"``); None counts hops.
    wf_improved : bool, optional (default=True)
        Scale by the share of the graph each node reaches.
    k : int or None, optional (default=None)
        Estimate from ``k`` pivots (sampled as in :func:`betweenness_centrality`):
        the mean length to the pivots of a node's component stands for the
        mean length to all of it [3]_. Components holding fewer than 16
        pivots are computed exactly.
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state of the pivot sample, as NetworkX's (None: the global one).

    Returns
    -------
    dict
        Node to closeness.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.
    .. [2] Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods
       and Applications*. Cambridge University Press, p. 201.
    .. [3] Eppstein, D., & Wang, J. (2004). Fast approximation of centrality.
       *Journal of Graph Algorithms and Applications* 8(1), 39-45.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3)
    >>> G.add_node(3)
    >>> closeness_centrality(G)
    {0: 0.4444444444444444, 1: 0.6666666666666666, 2: 0.4444444444444444, 3: 0.0}
    """
    eg = engine_graph(G, distance)
    n = eg.n
    if n == 0:
        return {}
    if k is not None and k >= n:
        k = None
    total, count = _distance_totals(eg, k, seed)
    positive = total > 0
    values = np.zeros(n, dtype=np.float64)
    values[positive] = count[positive] / total[positive]
    if wf_improved and n > 1:
        others = eg.component_size() - 1
        values[positive] *= others[positive] / (n - 1)
    return _as_dict(eg, values)


def _arc_weights(eg: EngineGraph) -> np.ndarray:
    """Weight of each arc of ``eg.arcs`` (1 when unweighted)."""
    _, _, edge = eg.arcs
    return np.ones(len(edge)) if eg.weight is None else eg.weight[edge]


@nx.utils.not_implemented_for("directed", "multigraph")
def eigenvector_centrality(
    G: nx.Graph, max_iter: int = 100, tol: float = 1.0e-6, weight: str | None = None
) -> dict[Any, float]:
    """Eigenvector centrality: a node is central when its neighbours are.

    NetworkX's power iteration (on ``A + I``, from the uniform vector,
    stopping when the L1 change falls below ``n * tol``), vectorised, so the
    values are those of :func:`networkx.eigenvector_centrality`, on
    disconnected graphs too. The vector has unit Euclidean norm.

    Parameters
    ----------
    G : networkx.Graph
    max_iter : int, optional (default=100)
    tol : float, optional (default=1e-6)
    weight : str or None, optional (default=None)
        Edge attribute of tie strength.

    Returns
    -------
    dict
        Node to eigenvector centrality.

    Raises
    ------
    NetworkXPointlessConcept
        If ``G`` is empty.
    PowerIterationFailedConvergence
        If ``max_iter`` iterations do not converge.

    References
    ----------
    .. [1] Bonacich, P. (1987). Power and centrality: a family of measures.
       *American Journal of Sociology* 92(5), 1170-1182.

    Examples
    --------
    >>> import networkx as nx
    >>> x = eigenvector_centrality(nx.path_graph(3))
    >>> [round(x[v], 4) for v in range(3)]
    [0.5, 0.7071, 0.5]
    """
    if len(G) == 0:
        raise nx.NetworkXPointlessConcept("cannot compute centrality for the null graph")
    eg = engine_graph(G, weight)
    tails, heads, _ = eg.arcs
    w = _arc_weights(eg)
    n = eg.n
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        xlast = x
        x = xlast + np.bincount(heads, weights=w * xlast[tails], minlength=n)
        norm = float(np.sqrt(np.dot(x, x))) or 1.0
        x = x / norm
        if np.abs(x - xlast).sum() < n * tol:
            return _as_dict(eg, x)
    raise nx.PowerIterationFailedConvergence(max_iter)


@nx.utils.not_implemented_for("directed", "multigraph")
def pagerank(
    G: nx.Graph,
    alpha: float = 0.85,
    max_iter: int = 100,
    tol: float = 1.0e-6,
    weight: str | None = None,
) -> dict[Any, float]:
    """PageRank: where a random walker, restarting with probability ``1 - alpha``, spends its time.

    NetworkX's power iteration (uniform start and teleport, isolated nodes
    spreading their rank uniformly), vectorised: the values are those of
    ``networkx.pagerank(G, alpha, weight=weight)``. Note the default
    ``weight=None`` here, where NetworkX's is ``"weight"``.

    Parameters
    ----------
    G : networkx.Graph
    alpha : float, optional (default=0.85)
        Damping factor.
    max_iter : int, optional (default=100)
    tol : float, optional (default=1e-6)
    weight : str or None, optional (default=None)
        Edge attribute of tie strength.

    Returns
    -------
    dict
        Node to PageRank; the values sum to 1.

    Raises
    ------
    PowerIterationFailedConvergence
        If ``max_iter`` iterations do not converge.

    References
    ----------
    .. [1] Page, L., Brin, S., Motwani, R., & Winograd, T. (1999). The PageRank
       citation ranking: bringing order to the web. Stanford InfoLab.

    Examples
    --------
    >>> import networkx as nx
    >>> pr = pagerank(nx.star_graph(2))
    >>> [round(pr[v], 4) for v in range(3)]
    [0.4865, 0.2568, 0.2568]
    """
    n = len(G)
    if n == 0:
        return {}
    eg = engine_graph(G, weight)
    tails, heads, _ = eg.arcs
    w = _arc_weights(eg)
    strength = np.bincount(tails, weights=w, minlength=n)
    inverse = np.zeros(n)
    inverse[strength != 0] = 1.0 / strength[strength != 0]
    step = w * inverse[tails]
    dangling = np.flatnonzero(strength == 0)
    uniform = np.full(n, 1.0 / n)
    x = uniform
    for _ in range(max_iter):
        xlast = x
        spread = np.bincount(heads, weights=xlast[tails] * step, minlength=n)
        x = alpha * (spread + xlast[dangling].sum() * uniform) + (1 - alpha) * uniform
        if np.abs(x - xlast).sum() < n * tol:
            return _as_dict(eg, x)
    raise nx.PowerIterationFailedConvergence(max_iter)
