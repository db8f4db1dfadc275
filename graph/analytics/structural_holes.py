"""Burt's structural holes: constraint and effective size, vectorised.

The values are those of :func:`networkx.constraint` and
:func:`networkx.effective_size`, an isolated node's included: NaN, as
NetworkX gives it (the report writes it as null). Both measures only involve a
node's neighbours and the ties among them, so they are sums over edges and
triangles, which numpy computes in one pass over the triangle list instead of
one Python loop per node.

Ties are read as NetworkX does: the *mutual weight* of ``u`` and ``v`` is
the weight of ``u -> v`` plus that of ``v -> u`` (an undirected edge counts
both ways); ``p(u, v)`` is it over the sum of ``u``'s mutual weights and
``m(u, v)`` over their maximum.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np

from .engine import EngineGraph, engine_graph

__all__ = ["constraint", "effective_size"]

# The six orderings (ego, alter, third) of a triangle's three corners.
_ORDERINGS = ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0))


def _skeleton(G: nx.Graph, weight: str | None) -> EngineGraph:
    """The undirected view whose edge weights are the mutual weights of ``G``."""
    if G.is_multigraph():
        raise nx.NetworkXNotImplemented("structural holes need a simple graph")
    if not G.is_directed():
        return engine_graph(G, weight)
    mutual = nx.Graph()
    mutual.add_nodes_from(G)
    for u, v, w in G.edges(data=weight, default=1):
        w = 1 if weight is None else w
        if mutual.has_edge(u, v):
            mutual[u][v]["mutual"] += w
        else:
            mutual.add_edge(u, v, mutual=w)
    return engine_graph(mutual, "mutual")


def _shares(eg: EngineGraph) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per arc of ``eg.arcs``: ``p(tail, head)`` and ``m(tail, head)``; and each vertex's degree."""
    tails, _, edge = eg.arcs
    mutual = np.ones(len(edge)) if eg.weight is None else eg.weight[edge]
    total = np.bincount(tails, weights=mutual, minlength=eg.n)
    largest = np.zeros(eg.n)
    if len(tails):
        firsts = np.flatnonzero(np.r_[True, tails[1:] != tails[:-1]])
        largest[tails[firsts]] = np.maximum.reduceat(mutual, firsts)
    with np.errstate(divide="ignore", invalid="ignore"):
        return mutual / total[tails], mutual / largest[tails], eg.degree


def _triangle_arcs(eg: EngineGraph, ordering: tuple[int, int, int]) -> tuple[np.ndarray, ...]:
    """For each triangle seen as (ego, alter, third): arcs ego->alter, ego->third, third->alter,
    alter->third, and the ego."""
    corners = eg.triangles
    ego, alter, third = (corners[:, i] for i in ordering)
    return (
        eg.arc_ids(ego, alter),
        eg.arc_ids(ego, third),
        eg.arc_ids(third, alter),
        eg.arc_ids(alter, third),
        ego,
    )


def _result(eg: EngineGraph, values: np.ndarray, nodes: Iterable[Any] | None) -> dict[Any, float]:
    values = np.where(eg.degree == 0, math.nan, values)
    result = dict(zip(eg.nodes, values.tolist(), strict=True))
    return result if nodes is None else {v: result[v] for v in nodes}


def constraint(
    G: nx.Graph, nodes: Iterable[Any] | None = None, weight: str | None = None
) -> dict[Any, float]:
    """Burt's constraint: how much a node's ties are invested in one another.

    ``c(u) = sum over neighbours v of (p(u, v) + sum over w of p(u, w) p(w, v)) ** 2``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed graphs are read through mutual weights, as NetworkX does.
    nodes : iterable, optional (default=None)
        Nodes to report; all of them if None.
    weight : str or None, optional (default=None)
        Edge attribute of tie strength.

    Returns
    -------
    dict
        Node to constraint; NaN for an isolated node, as in NetworkX.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.
    .. [2] Burt, R. S. (2004). Structural holes and good ideas. *American
       Journal of Sociology* 110(2), 349-399.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(2)
    >>> G.add_node(9)
    >>> constraint(G)
    {0: 0.5, 1: 1.0, 2: 1.0, 9: nan}
    """
    eg = _skeleton(G, weight)
    p, _, _ = _shares(eg)
    indirect = np.zeros(len(p))
    for ordering in _ORDERINGS:
        ego_alter, ego_third, third_alter, _, _ = _triangle_arcs(eg, ordering)
        np.add.at(indirect, ego_alter, p[ego_third] * p[third_alter])
    tails, _, _ = eg.arcs
    values = np.bincount(tails, weights=(p + indirect) ** 2, minlength=eg.n)
    return _result(eg, values, nodes)


def effective_size(
    G: nx.Graph, nodes: Iterable[Any] | None = None, weight: str | None = None
) -> dict[Any, float]:
    """Burt's effective size: a node's number of contacts minus their redundancy.

    ``e(u) = sum over neighbours v of (1 - sum over w of p(u, w) m(v, w))``;
    unweighted and undirected, this is Borgatti's ``n - 2t / n`` (``t`` ties
    among the ``n`` contacts).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed graphs are read through mutual weights, as NetworkX does.
    nodes : iterable, optional (default=None)
        Nodes to report; all of them if None.
    weight : str or None, optional (default=None)
        Edge attribute of tie strength.

    Returns
    -------
    dict
        Node to effective size; NaN for an isolated node, as in NetworkX.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's
       redundancy measures. *Connections* 20(1), 35-38.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.complete_graph(3)
    >>> G.add_edge(0, 3)
    >>> effective_size(G)
    {0: 2.3333333333333335, 1: 1.0, 2: 1.0, 3: 1.0}
    """
    eg = _skeleton(G, weight)
    p, m, degree = _shares(eg)
    redundancy = np.zeros(eg.n)
    for ordering in _ORDERINGS:
        _, ego_third, _, alter_third, ego = _triangle_arcs(eg, ordering)
        redundancy += np.bincount(ego, weights=p[ego_third] * m[alter_third], minlength=eg.n)
    return _result(eg, degree - redundancy, nodes)
