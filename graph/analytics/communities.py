"""Communities: the best modularity partition found by Leiden and Louvain, seeded.

Several Leiden runs (igraph's C implementation, each iterated until it
stops improving; from 2 on large graphs to 64 on small ones) and one
Louvain run (igraph's multilevel) compete; the best partition is then
refined by ``leidenalg``, which never lowers its quality. On the benchmark
graph this beats both NetworkX's Louvain and a single igraph Leiden run
(``docs/benchmarks.md``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping
from typing import Any

import leidenalg
import networkx as nx
import numpy as np
from networkx.algorithms.community.quality import NotAPartition

from .engine import EngineGraph, Seed, engine_graph, seeded_igraph, settled_seed

__all__ = ["communities", "community_ranks", "modularity", "partition_sets", "ranked_members"]

# Leiden runs: as many as walk this many vertices and edges in all, within bounds.
LEIDEN_RUNS = (2, 64)
_RUN_BUDGET = 200_000


def _modularity(eg: EngineGraph, membership: list[int]) -> float:
    if eg.m == 0:
        return 0.0
    return float(eg.igraph.modularity(membership, weights=eg.weight_list))


def leiden_runs(n: int, m: int) -> int:
    """Leiden runs on a graph of ``n`` vertices and ``m`` edges: 4 for 10 000 and 40 000."""
    fewest, most = LEIDEN_RUNS
    return max(fewest, min(most, _RUN_BUDGET // max(n + m, 1)))


def _best_membership(eg: EngineGraph, seed: int) -> list[int]:
    g, weights = eg.igraph, eg.weight_list
    with seeded_igraph(seed):
        candidates = [
            g.community_leiden("modularity", weights=weights, n_iterations=-1).membership
            for _ in range(leiden_runs(eg.n, eg.m))
        ]
        candidates.append(g.community_multilevel(weights=weights).membership)
    best = max(candidates, key=lambda membership: _modularity(eg, membership))
    partition = leidenalg.ModularityVertexPartition(g, initial_membership=best, weights=weights)
    optimiser = leidenalg.Optimiser()
    optimiser.set_rng_seed(seed)
    optimiser.optimise_partition(partition, n_iterations=-1)
    refined = list(partition.membership)
    return refined if _modularity(eg, refined) >= _modularity(eg, best) else best


def _by_size(membership: list[int]) -> np.ndarray:
    """Relabel communities 0, 1, ... by decreasing size, ties by first vertex."""
    labels = np.asarray(membership, dtype=np.int64)
    if not len(labels):
        return labels
    _, first, inverse, sizes = np.unique(
        labels, return_index=True, return_inverse=True, return_counts=True
    )
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[inverse]


def community_ranks(communities: Mapping[Hashable, Any]) -> dict[Any, int]:
    """Community label -> rank by size (0 = largest; equal sizes by label as text).

    The one order communities are shown and named in ("community 1" is rank 0),
    whatever engine labelled them; None (no community) has no rank.

    >>> community_ranks({"a": 5, "b": 2, "c": 2, "d": None})
    {2: 0, 5: 1}
    """
    counts = Counter(c for c in communities.values() if c is not None)
    ordered = sorted(counts, key=lambda c: (-counts[c], str(c)))
    return {label: rank for rank, label in enumerate(ordered)}


def ranked_members(communities: Mapping[Hashable, Any]) -> list[list[Any]]:
    """The members of each community, by rank (:func:`community_ranks`), sorted as text.

    >>> ranked_members({"a": 5, "b": 2, "c": 2, "d": None})
    [['b', 'c'], ['a']]
    """
    ranks = community_ranks(communities)
    members: list[list[Any]] = [[] for _ in ranks]
    for node, label in communities.items():
        if label is not None:
            members[ranks[label]].append(node)
    return [sorted(group, key=str) for group in members]


@nx.utils.not_implemented_for("directed", "multigraph")
def communities(G: nx.Graph, *, weight: str | None = None, seed: Seed = None) -> dict[Any, int]:
    """Partition ``G`` into communities of maximal modularity.

    Parameters
    ----------
    G : networkx.Graph
    weight : str or None, optional (default=None)
        Edge attribute of tie strength.
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state, as NetworkX takes one (None: the global random state); the same
        int seed gives the same partition.

    Returns
    -------
    dict
        Node to community label; label 0 is the largest community, then 1,
        and so on (equal sizes: the community of the earlier node first).
        An isolated node is a community of its own.

    References
    ----------
    .. [1] Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to
       Leiden: guaranteeing well-connected communities. *Scientific Reports* 9, 5233.
    .. [2] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008).
       Fast unfolding of communities in large networks. *Journal of Statistical
       Mechanics* P10008.
    .. [3] Newman, M. E. J. (2006). Modularity and community structure in
       networks. *PNAS* 103(23), 8577-8582.

    Examples
    --------
    Two triangles joined by one edge:

    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    >>> communities(G, seed=42)
    {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    """
    eg = engine_graph(G, weight)
    if eg.n == 0:
        return {}
    membership = _best_membership(eg, settled_seed(seed)) if eg.m else list(range(eg.n))
    return dict(zip(eg.nodes, _by_size(membership).tolist(), strict=True))


def partition_sets(labels: Mapping[Any, Hashable]) -> list[set[Any]]:
    """The communities of a node-to-label mapping as a list of node sets, as NetworkX takes them.

    The sets come in the order in which their label first appears.

    >>> partition_sets({1: "x", 2: "y", 3: "x"})
    [{1, 3}, {2}]
    """
    groups: dict[Hashable, set[Any]] = {}
    for node, label in labels.items():
        groups.setdefault(label, set()).add(node)
    return list(groups.values())


@nx.utils.not_implemented_for("directed", "multigraph")
def modularity(
    G: nx.Graph, communities: Iterable[Collection[Any]], *, weight: str | None = None
) -> float:
    """Newman's modularity of the partition ``communities`` (an iterable of node sets).

    Equal to :func:`networkx.community.modularity` with resolution 1; 0.0 for
    a graph without edges (where NetworkX divides by zero). A node-to-label
    mapping, such as :func:`communities` returns, becomes sets with
    :func:`partition_sets`.

    Parameters
    ----------
    G : networkx.Graph
    communities : iterable of sets of nodes
        A partition of the nodes of ``G``: each node in exactly one set.
    weight : str or None, optional (default=None)
        Edge attribute of tie strength (NetworkX's default is ``"weight"``).

    Returns
    -------
    float

    Raises
    ------
    networkx.algorithms.community.quality.NotAPartition
        If ``communities`` is not a partition of the nodes of ``G``, as NetworkX
        raises (a ``networkx.NetworkXError``).

    References
    ----------
    .. [1] Newman, M. E. J. (2006). Modularity and community structure in
       networks. *PNAS* 103(23), 8577-8582.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    >>> round(modularity(G, [{0, 1, 2}, {3, 4, 5}]), 4)
    0.3571
    """
    eg = engine_graph(G, weight)
    code: dict[Any, int] = {}
    for label, members in enumerate(communities):
        for node in members:
            if node in code or node not in eg.index:
                raise NotAPartition(G, communities)
            code[node] = label
    if len(code) != eg.n:
        raise NotAPartition(G, communities)
    return _modularity(eg, [code[v] for v in eg.nodes])
