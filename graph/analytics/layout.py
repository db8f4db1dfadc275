"""Deterministic, fast node positions, and community summaries for drawing large territories.

:func:`layout` places each connected component by pivot multidimensional
scaling (classical scaling of the hop distances to a few well-spread
pivots), refines it with a sparse stress model (ties and pivots pull
toward their graph distances), then packs the components side by side,
largest first. All of it is linear in the ties per pivot or iteration,
unlike force-directed layouts, which are quadratic in the nodes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np

from .communities import ranked_members
from .engine import EngineGraph, Seed, engine_graph, settled_seed
from .groups import group_sort_key

__all__ = ["layout", "aggregate_by_community", "community_layouts"]

_GAP = 1.0  # space between packed components, in tie lengths


@nx.utils.not_implemented_for("directed", "multigraph")
def layout(
    G: nx.Graph, *, seed: Seed = None, pivots: int = 50, iterations: int = 30
) -> dict[Any, tuple[float, float]]:
    """Positions for drawing ``G``, in the square [-1, 1] x [-1, 1].

    Parameters
    ----------
    G : networkx.Graph
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state, as NetworkX takes one (None: the global random state); the same
        int seed gives the same positions.
    pivots : int, optional (default=50)
        Pivots per component for the distance scaling and the stress terms.
    iterations : int, optional (default=30)
        Stress refinement rounds.

    Returns
    -------
    dict
        Node to ``(x, y)``.

    References
    ----------
    .. [1] Brandes, U., & Pich, C. (2007). Eigensolver methods for progressive
       multidimensional scaling of large data. *Graph Drawing 2006*, LNCS 4372, 42-53.
    .. [2] Ortmann, M., Klimenta, M., & Brandes, U. (2017). A sparse stress model.
       *Journal of Graph Algorithms and Applications* 21(5), 791-821.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = layout(nx.path_graph(4), seed=42)
    >>> sorted(round(x, 3) for x, _ in pos.values())
    [-1.0, -0.333, 0.333, 1.0]
    >>> pos == layout(nx.path_graph(4), seed=42)
    True
    """
    eg = engine_graph(G)
    if eg.n == 0:
        return {}
    rng = np.random.default_rng(settled_seed(seed))
    membership, sizes = eg.components
    order = np.argsort(membership, kind="stable")
    starts = np.cumsum(sizes) - sizes
    # Components by decreasing size, ties by their first vertex.
    ranked = np.lexsort((order[starts], -sizes))
    tails, heads, _ = eg.arcs
    placed = []
    for component in ranked.tolist():
        vertices = order[starts[component] : starts[component] + sizes[component]]
        placed.append((vertices, _component_layout(eg, vertices, rng, pivots, iterations)))
    xy = np.zeros((eg.n, 2))
    for vertices, offset_xy in _pack(placed):
        xy[vertices] = offset_xy
    xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
    extent = np.abs(xy).max()
    if extent > 0:
        xy /= extent
    return {v: (float(x), float(y)) for v, (x, y) in zip(eg.nodes, xy.tolist(), strict=True)}


def _component_layout(
    eg: EngineGraph, vertices: np.ndarray, rng: np.random.Generator, pivots: int, iterations: int
) -> np.ndarray:
    """Positions of one component's vertices, in tie-length units."""
    size = len(vertices)
    if size == 1:
        return np.zeros((1, 2))
    if size == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    chosen, distances = _pivot_distances(eg, vertices, rng, min(pivots, size))
    xy = _classical_scaling(distances)
    xy += rng.normal(scale=1e-3, size=xy.shape)
    return _stress(eg, vertices, xy, chosen, distances, iterations)


def _pivot_distances(
    eg: EngineGraph, vertices: np.ndarray, rng: np.random.Generator, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Max-min spread pivots (positions in ``vertices``) and hop distances to them."""
    targets = vertices.tolist()
    distances = np.empty((len(vertices), k))
    nearest = np.full(len(vertices), np.inf)
    chosen = np.empty(k, dtype=np.int64)
    pick = int(rng.integers(len(vertices)))
    for t in range(k):
        chosen[t] = pick
        row = eg.igraph.distances(source=[targets[pick]], target=targets)[0]
        distances[:, t] = row
        nearest = np.minimum(nearest, distances[:, t])
        pick = int(np.argmax(nearest))
    return chosen, distances


def _classical_scaling(distances: np.ndarray) -> np.ndarray:
    """Two-dimensional coordinates from distances to pivots (Brandes and Pich)."""
    squared = distances**2
    centred = -0.5 * (
        squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean()
    )
    values, vectors = np.linalg.eigh(centred.T @ centred)
    top = vectors[:, ::-1][:, :2]
    xy = centred @ top
    if xy.shape[1] < 2:
        xy = np.column_stack([xy, np.zeros(len(xy))])
    spread = np.sqrt(np.sqrt(np.maximum(values[::-1][:2], 0)))
    spread[spread == 0] = 1
    return xy / spread[: xy.shape[1]]


def _stress(
    eg: EngineGraph,
    vertices: np.ndarray,
    xy: np.ndarray,
    chosen: np.ndarray,
    distances: np.ndarray,
    iterations: int,
) -> np.ndarray:
    """Sparse stress majorization: ties want length 1, pivots their hop distance."""
    size = len(vertices)
    position = np.full(eg.n, -1, dtype=np.int64)
    position[vertices] = np.arange(size)
    tails, heads, _ = eg.arcs
    inside = position[tails] >= 0
    near_i, near_j = position[tails[inside]], position[heads[inside]]
    far_i = np.repeat(np.arange(size), len(chosen))
    far_j = np.tile(chosen, size)
    far_d = distances.ravel()
    keep = far_d > 1  # neighbours are already tie terms; a vertex is not its own pivot
    share = size / len(chosen)  # each pivot stands for this many vertices
    i = np.concatenate([near_i, far_i[keep]])
    j = np.concatenate([near_j, far_j[keep]])
    d = np.concatenate([np.ones(len(near_i)), far_d[keep]])
    w = np.concatenate([np.ones(len(near_i)), share / far_d[keep] ** 2])
    weight_sum = np.bincount(i, w, size)
    weight_sum[weight_sum == 0] = 1
    for _ in range(iterations):
        delta = xy[i] - xy[j]
        length = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)
        goal = xy[j] + delta * (d / length)[:, None]
        xy = np.column_stack(
            [np.bincount(i, w * goal[:, 0], size), np.bincount(i, w * goal[:, 1], size)]
        )
        xy /= weight_sum[:, None]
    return xy


def _pack(
    placed: list[tuple[np.ndarray, np.ndarray]],
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Shelf-pack the components' boxes in rows, biggest first."""
    boxes = []
    for vertices, xy in placed:
        low, high = xy.min(axis=0), xy.max(axis=0)
        boxes.append((vertices, xy - low, high - low))
    area = sum((w + _GAP) * (h + _GAP) for _, _, (w, h) in boxes)
    row_width = max(np.sqrt(area), max(w for _, _, (w, _) in boxes) + _GAP)
    result = []
    x = y = row_height = 0.0
    for vertices, xy, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y - row_height - _GAP, 0.0
        result.append((vertices, xy + np.array([x, y - h])))
        x += w + _GAP
        row_height = max(row_height, h)
    return result


@nx.utils.not_implemented_for("directed", "multigraph")
def aggregate_by_community(
    G: nx.Graph,
    communities: Mapping[Any, int],
    *,
    attribute: str = "sector",
    weight: str | None = None,
) -> nx.Graph:
    """One node per community, for drawing territories too large to draw actor by actor.

    Parameters
    ----------
    G : networkx.Graph
    communities : mapping
        Node to community label (e.g. from :func:`.communities.communities`).
    attribute : str, optional (default="sector")
        Node attribute tallied per community.
    weight : str or None, optional (default=None)
        Edge attribute to sum instead of counting ties.

    Returns
    -------
    networkx.Graph
        Node attributes ``size`` (members), ``sectors`` (attribute value to
        member count) and ``internal`` (ties inside); an edge joins two
        communities with ties between them, with ``weight`` (ties, or their
        summed weight) and ``ties`` (count).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 3)])
    >>> nx.set_node_attributes(G, {0: "public", 1: "public", 2: "media", 3: "public"}, "sector")
    >>> H = aggregate_by_community(G, {0: 0, 1: 0, 2: 1, 3: 1})
    >>> H.nodes[1]
    {'size': 2, 'sectors': {'public': 1, 'media': 1}, 'internal': 1}
    >>> H.edges[0, 1]
    {'weight': 1, 'ties': 1}
    """
    eg = engine_graph(G, weight)
    labels = np.array([communities[v] for v in eg.nodes], dtype=np.int64)
    values = np.ones(eg.m) if eg.weight is None else eg.weight
    H = nx.Graph()
    members: dict[int, dict[Any, int]] = {}
    for v, label in zip(eg.nodes, labels.tolist(), strict=True):
        tally = members.setdefault(label, {})
        key = G.nodes[v].get(attribute)
        tally[key] = tally.get(key, 0) + 1
    a, b = labels[eg.source], labels[eg.target]
    inside = a == b
    internal = dict.fromkeys(members, 0)
    for label, value in zip(a[inside].tolist(), values[inside].tolist(), strict=True):
        internal[label] += value
    for label in sorted(members):
        tally = members[label]
        H.add_node(
            label,
            size=sum(tally.values()),
            sectors={k: tally[k] for k in sorted(tally, key=group_sort_key)},
            internal=internal[label] if weight else int(internal[label]),
        )
    low, high = np.minimum(a, b)[~inside], np.maximum(a, b)[~inside]
    pairs: dict[tuple[int, int], list[float]] = {}
    for u, v, value in zip(low.tolist(), high.tolist(), values[~inside].tolist(), strict=True):
        entry = pairs.setdefault((u, v), [0.0, 0])
        entry[0] += value
        entry[1] += 1
    for (u, v), (total, count) in sorted(pairs.items()):
        H.add_edge(u, v, weight=total if weight else count, ties=count)
    return H


def community_layouts(
    G: nx.Graph, partition: Mapping[Any, Any], *, seed: Seed = None
) -> list[dict[Any, tuple[float, float]]]:
    """A layout of its own for each community: what an opened community is drawn with.

    Parameters
    ----------
    G : networkx.Graph
        The territory (every tie, whatever its date, so that the positions never jump).
    partition : mapping
        Node to community label (the report's ``community``); nodes not in ``G`` are left
        out.
    seed : int, optional
        As :func:`layout` takes it; each community is laid out with it.

    Returns
    -------
    list of dict
        By community rank (:func:`~maillage.graph.analytics.communities.community_ranks`,
        0 = the largest): the :func:`layout` of the subgraph its members induce in ``G``.

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 3), (4, 5)])
    >>> opened = community_layouts(G, {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}, seed=42)
    >>> [sorted(p) for p in opened]
    [[1, 2, 3], [4, 5]]
    >>> opened == community_layouts(G, {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}, seed=42)
    True
    """
    present = {node: label for node, label in partition.items() if node in G}
    return [layout(G.subgraph(members), seed=seed) for members in ranked_members(present)]
