"""The compiled engine under the analytics: one array and igraph view of a NetworkX graph.

Every measure of a territory walks the same graph. :func:`engine_graph`
converts an undirected NetworkX graph once into integer arrays (vertex
``i`` is ``list(G)[i]``) and an :class:`igraph.Graph`, and keeps the
conversion in ``G.__networkx_cache__``, which NetworkX empties whenever
nodes or edges are added or removed. Editing an edge attribute in place
does not empty it: call ``G.__networkx_cache__.clear()`` after doing so.

The view also caches what several measures share: the triangle list
(clustering, constraint, effective size, brokerage), the connected
components and sums of shortest-path lengths (closeness).
"""

from __future__ import annotations

import numbers
import random
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeAlias

import igraph as ig
import networkx as nx
import numpy as np

__all__ = ["EngineGraph", "Seed", "engine_graph", "seeded_igraph", "settled_seed"]

Seed: TypeAlias = int | random.Random | np.random.RandomState | np.random.Generator | None
"""A random state as NetworkX takes one: None (the global random state), an int,
a ``random.Random``, or a numpy ``RandomState`` or ``Generator``."""

_CACHE_KEY = "maillage.engine"
# Bytes that one batch of the bit-parallel breadth-first search may use.
_BFS_BATCH_BYTES = 64 * 2**20


@dataclass(frozen=True, eq=False)
class EngineGraph:
    """Arrays of an undirected simple graph, vertex ``i`` being ``nodes[i]``.

    ``source[e]``, ``target[e]`` are the ends of edge ``e`` (each edge once,
    in ``G.edges()`` order) and ``weight[e]`` the value of the edge attribute
    the view was made for (a tie strength, or a path length for the shortest-path
    measures), or ``weight`` is None for an unweighted view.
    """

    nodes: list[Any]
    index: dict[Any, int]
    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray | None

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def m(self) -> int:
        return len(self.source)

    @cached_property
    def igraph(self) -> ig.Graph:
        """The same graph as an :class:`igraph.Graph` (vertex ids are positions)."""
        edges = np.column_stack([self.source, self.target]).tolist()
        return ig.Graph(n=self.n, edges=edges, directed=False)

    @cached_property
    def weight_list(self) -> list[float] | None:
        """Edge values as a list for igraph (weights, or lengths), or None when unweighted."""
        return None if self.weight is None else self.weight.tolist()

    @cached_property
    def degree(self) -> np.ndarray:
        """Number of neighbours of each vertex."""
        ends = np.concatenate([self.source, self.target])
        return np.bincount(ends, minlength=self.n)

    @cached_property
    def arcs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Both directions of every edge, sorted by (tail, head): tails, heads, edge ids."""
        tails = np.concatenate([self.source, self.target])
        heads = np.concatenate([self.target, self.source])
        edge = np.concatenate([np.arange(self.m), np.arange(self.m)])
        order = np.lexsort((heads, tails))
        return tails[order], heads[order], edge[order]

    @cached_property
    def _arc_keys(self) -> np.ndarray:
        tails, heads, _ = self.arcs
        return tails.astype(np.int64) * self.n + heads

    def arc_ids(self, tails: np.ndarray, heads: np.ndarray) -> np.ndarray:
        """Positions in :attr:`arcs` of the arcs ``tails[i] -> heads[i]`` (which must exist)."""
        keys = np.asarray(tails, dtype=np.int64) * self.n + np.asarray(heads, dtype=np.int64)
        return np.searchsorted(self._arc_keys, keys)

    @cached_property
    def triangles(self) -> np.ndarray:
        """Every triangle once, as rows of three vertex ids."""
        found = self.igraph.list_triangles() if self.m else []
        return np.array(found, dtype=np.int64).reshape(-1, 3)

    @classmethod
    def from_edges(cls, n: int, source: np.ndarray, target: np.ndarray) -> EngineGraph:
        """An unweighted view of vertices ``0 .. n - 1`` and the given simple edges."""
        nodes = list(range(n))
        return cls(nodes, {v: v for v in nodes}, source, target, None)

    @cached_property
    def components(self) -> tuple[np.ndarray, np.ndarray]:
        """Component of each vertex and size of each component."""
        membership = np.array(self.igraph.connected_components().membership, dtype=np.int64)
        return membership, np.bincount(membership, minlength=0)

    def component_size(self) -> np.ndarray:
        """Size of the component of each vertex."""
        membership, sizes = self.components
        return sizes[membership]

    def subgraph(self, vertices: np.ndarray) -> EngineGraph:
        """The graph induced by ``vertices`` (sorted ids), renumbered in that order."""
        position = np.full(self.n, -1, dtype=np.int64)
        position[vertices] = np.arange(len(vertices))
        keep = (position[self.source] >= 0) & (position[self.target] >= 0)
        nodes = [self.nodes[i] for i in vertices.tolist()]
        return EngineGraph(
            nodes,
            {v: i for i, v in enumerate(nodes)},
            position[self.source[keep]],
            position[self.target[keep]],
            None if self.weight is None else self.weight[keep],
        )

    @cached_property
    def distance_sums(self) -> tuple[np.ndarray, np.ndarray]:
        """For each vertex, the sum of its shortest-path lengths and how many vertices it reaches.

        Unweighted (hop counts); the vertex itself is not counted.
        """
        return self.hop_sums(np.arange(self.n))

    def hop_sums(self, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sum of hop distances from ``sources`` to each vertex, and how many sources reach it.

        A bit-parallel breadth-first search: 64 sources per machine word,
        one frontier expansion per level for all of them at once.
        """
        n = self.n
        total = np.zeros(n, dtype=np.int64)
        reached = np.zeros(n, dtype=np.int64)
        sources = np.asarray(sources, dtype=np.int64)
        if n == 0 or len(sources) == 0:
            return total, reached
        tails, heads, _ = self.arcs
        # Expansion gathers tails' frontier bits onto heads; heads must be sorted.
        order = np.argsort(heads, kind="stable")
        gather_from = tails[order]
        counts = np.bincount(heads, minlength=n)
        receivers = np.flatnonzero(counts)
        starts = (np.cumsum(counts) - counts)[receivers]
        words = max(1, min(8, _BFS_BATCH_BYTES // (8 * (len(tails) + 4 * n))))
        for first in range(0, len(sources), 64 * words):
            batch = sources[first : first + 64 * words]
            width = (len(batch) + 63) // 64
            slot = np.arange(len(batch))
            visited = np.zeros((n, width), dtype=np.uint64)
            np.bitwise_or.at(
                visited,
                (batch, slot // 64),
                np.left_shift(np.uint64(1), (slot % 64).astype(np.uint64)),
            )
            frontier = visited.copy()
            level = 0
            while True:
                level += 1
                reachable = np.zeros_like(visited)
                if len(receivers):
                    reachable[receivers] = np.bitwise_or.reduceat(
                        frontier[gather_from], starts, axis=0
                    )
                new = reachable & ~visited
                found = _popcount(new).sum(axis=1, dtype=np.int64)
                if not found.any():
                    break
                visited |= new
                frontier = new
                total += level * found
                reached += found
        return total, reached


def _popcount(words: np.ndarray) -> np.ndarray:
    """Number of set bits of each uint64."""
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(words)
    table = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
    as_bytes = words.view(np.uint8).reshape(*words.shape, 8)
    return table[as_bytes].sum(axis=-1, dtype=np.uint64)


def engine_graph(G: nx.Graph, weight: str | None = None) -> EngineGraph:
    """The array and igraph view of ``G``, converted once and cached on ``G``.

    Parameters
    ----------
    G : networkx.Graph
        An undirected simple graph (no self-loops).
    weight : str or None, optional (default=None)
        Edge attribute holding a positive weight; None for an unweighted view.
        An edge without the attribute weighs 1.

    Returns
    -------
    EngineGraph
        Vertex ``i`` is ``list(G)[i]``.

    Raises
    ------
    NetworkXNotImplemented
        If ``G`` is directed or a multigraph.
    NetworkXError
        If ``G`` has a self-loop or a weight that is not positive.

    Examples
    --------
    >>> import networkx as nx
    >>> eg = engine_graph(nx.path_graph(["a", "b", "c"]))
    >>> eg.nodes, eg.source.tolist(), eg.target.tolist()
    (['a', 'b', 'c'], [0, 1], [1, 2])
    >>> engine_graph(nx.path_graph(["a", "b", "c"])).degree.tolist()
    [1, 2, 1]
    """
    if G.is_directed() or G.is_multigraph():
        raise nx.NetworkXNotImplemented("engine_graph needs an undirected simple graph")
    cache = getattr(G, "__networkx_cache__", None)
    key = (_CACHE_KEY, weight)
    if cache is not None and key in cache:
        return cache[key]
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    m = G.number_of_edges()
    source = np.fromiter((index[u] for u, _ in G.edges()), dtype=np.int64, count=m)
    target = np.fromiter((index[v] for _, v in G.edges()), dtype=np.int64, count=m)
    weights = None
    if weight is not None:
        values = (w for _, _, w in G.edges(data=weight, default=1))
        weights = np.fromiter(values, dtype=np.float64, count=m)
    if m and np.any(source == target):
        raise nx.NetworkXError("self-loops are not supported")
    if weights is not None and m and not np.all(weights > 0):
        raise nx.NetworkXError(f"edge attribute {weight!r} must be positive on every edge")
    view = EngineGraph(nodes, index, source, target, weights)
    if cache is not None:
        cache[key] = view
    return view


def settled_seed(seed: Seed) -> int:
    """The int seed of a random step: ``seed`` itself when it is an int, else one drawn from it.

    Any other random state is read as NetworkX reads it
    (:func:`networkx.utils.create_py_random_state`, so None draws from the
    global random state) and gives one int. Every random step of the analytics
    runs from an int seed that its result records (``method["seed"]``), so that
    a result can always be computed again.

    >>> settled_seed(42), settled_seed(random.Random(1)) == settled_seed(random.Random(1))
    (42, True)
    >>> type(settled_seed(np.random.default_rng(3))), type(settled_seed(None))
    (<class 'int'>, <class 'int'>)
    """
    if isinstance(seed, numbers.Integral) and not isinstance(seed, bool):
        return int(seed)
    return nx.utils.create_py_random_state(seed).randrange(2**31)


_IGRAPH_RANDOM = threading.RLock()


@contextmanager
def seeded_igraph(seed: Seed) -> Iterator[None]:
    """Run igraph's random algorithms from ``random.Random(settled_seed(seed))``, then restore.

    igraph draws from one process-wide generator: a lock keeps two threads (two
    dashboard users) from interleaving their seeded runs.
    """
    with _IGRAPH_RANDOM:
        ig.set_random_number_generator(random.Random(settled_seed(seed)))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


def sample_pivots(nodes: Sequence[Any], k: int, seed: Seed) -> list[Any]:
    """The ``k`` nodes that NetworkX's ``betweenness_centrality(k=k, seed=seed)`` samples.

    As NetworkX: an int seed, or the random state itself when one is given.
    """
    return nx.utils.create_py_random_state(seed).sample(list(nodes), k)
