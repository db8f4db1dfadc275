"""Gould and Fernandez's brokerage roles, counted as R's ``sna::brokerage`` counts them.

A node ``j`` brokers the ordered pair ``(i, k)`` when ``i -> j -> k`` with
``i``, ``j``, ``k`` distinct and no arc ``i -> k``. The group (sector) of
each of the three names the role:

============== ===================== ===========
role           groups of i, j, k      sna column
============== ===================== ===========
coordinator    A, A, A                w_I
itinerant      A, B, A                w_O
representative A, A, B                b_IO
gatekeeper     A, B, B                b_OI
liaison        A, B, C                b_O
============== ===================== ===========

The counts come from per-node tallies rather than from enumerating
two-paths: all pairs (in-neighbour, out-neighbour) of ``j`` by group,
minus the pairs ``(i, i)`` of reciprocated arcs, minus the closed two-paths
(``i -> k`` present), which all lie on triangles of the undirected graph.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np

from ..vocabulary import ROLES
from .engine import EngineGraph

__all__ = ["brokerage", "role_counts", "ROLES"]

_COORDINATOR, _ITINERANT, _GATEKEEPER, _REPRESENTATIVE, _LIAISON = range(5)


def _role(i_group: np.ndarray, j_group: np.ndarray, k_group: np.ndarray) -> np.ndarray:
    """Role index of two-paths whose ends and broker have the given groups."""
    source_in = i_group == j_group
    target_in = k_group == j_group
    return np.select(
        [source_in & target_in, source_in, target_in, i_group == k_group],
        [_COORDINATOR, _REPRESENTATIVE, _GATEKEEPER, _ITINERANT],
        _LIAISON,
    )


def _arcs(G: nx.Graph, index: dict[Any, int]) -> tuple[np.ndarray, np.ndarray]:
    """Arcs of ``G`` as (tails, heads); an undirected edge gives both directions."""
    pairs = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64)
    pairs = pairs.reshape(-1, 2)
    if not G.is_directed():
        pairs = np.concatenate([pairs, pairs[:, ::-1]])
    return pairs[:, 0], pairs[:, 1]


def _group_codes(G: nx.Graph, attribute: str) -> np.ndarray:
    labels = nx.get_node_attributes(G, attribute)
    missing = [v for v in G if v not in labels]
    if missing:
        raise nx.NetworkXError(f"node {missing[0]!r} has no attribute {attribute!r}")
    codes: dict[Any, int] = {}
    return np.array([codes.setdefault(labels[v], len(codes)) for v in G], dtype=np.int64)


def brokerage(G: nx.Graph, attribute: str = "sector") -> dict[Any, dict[str, int]]:
    """Count the brokerage roles each node plays between the groups named by ``attribute``.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Arcs ``i -> j``; an undirected edge is a pair of opposite arcs.
        Self-loops are ignored.
    attribute : str, optional (default="sector")
        Node attribute holding each node's group.

    Returns
    -------
    dict
        Node to ``{"coordinator", "itinerant", "gatekeeper", "representative",
        "liaison"}`` counts of the ordered pairs it brokers in that role.

    Raises
    ------
    NetworkXError
        If a node lacks ``attribute``.

    References
    ----------
    .. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a
       formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19, 89-126.
    .. [2] Butts, C. T. (2008). Social network analysis with sna. *Journal of
       Statistical Software* 24(6). ``brokerage`` in R package ``sna``.

    Examples
    --------
    A public agency links two associations that do not talk to each other:

    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "p"), ("p", "a2")])
    >>> nx.set_node_attributes(G, {"a1": "association", "p": "public", "a2": "association"},
    ...                        "sector")
    >>> brokerage(G)["p"]
    {'coordinator': 0, 'itinerant': 2, 'gatekeeper': 0, 'representative': 0, 'liaison': 0}
    """
    groups = _group_codes(G, attribute)
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    counts = role_counts(len(nodes), *_arcs(G, index), groups)
    return {
        v: dict(zip(ROLES, row, strict=True)) for v, row in zip(nodes, counts.tolist(), strict=True)
    }


def role_counts(
    n: int,
    tails: np.ndarray,
    heads: np.ndarray,
    groups: np.ndarray,
    *,
    triangles: np.ndarray | None = None,
) -> np.ndarray:
    """Brokerage role counts of vertices ``0 .. n - 1`` as an ``n x 5`` array (columns: ROLES).

    ``tails[a] -> heads[a]`` are the arcs (duplicates and self-loops are
    dropped); ``groups`` holds each vertex's group as a small integer;
    ``triangles``, if known, are those of the arcs' undirected skeleton.
    """
    keys = np.unique(np.asarray(tails, dtype=np.int64) * n + np.asarray(heads, dtype=np.int64))
    tails, heads = keys // n, keys % n
    keep = tails != heads
    tails, heads = tails[keep], heads[keep]
    groups = np.asarray(groups, dtype=np.int64)
    counts = np.zeros((n, len(ROLES)), dtype=np.int64)
    if len(tails):
        _add_open_pairs(counts, n, tails, heads, groups)
        _remove_closed_pairs(counts, n, tails, heads, groups, triangles)
    return counts


def _tally(
    brokers: np.ndarray, others: np.ndarray, groups: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Neighbours of each broker per group: sorted keys ``broker * span + group``, counts."""
    span = int(groups.max()) + 1
    return np.unique(brokers * span + groups[others], return_counts=True)


def _add_open_pairs(
    counts: np.ndarray, n: int, tails: np.ndarray, heads: np.ndarray, groups: np.ndarray
) -> None:
    """Add every (in-neighbour, out-neighbour) pair of each broker with distinct ends."""
    span = int(groups.max()) + 1
    own = np.arange(n) * span + groups  # key of (broker, broker's own group)
    in_keys, in_counts = _tally(heads, tails, groups)
    out_keys, out_counts = _tally(tails, heads, groups)
    indegree = np.bincount(heads, minlength=n)
    outdegree = np.bincount(tails, minlength=n)

    def at(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        return np.where(keys[where] == wanted, values[where], 0)

    in_own, out_own = at(in_keys, in_counts, own), at(out_keys, out_counts, own)
    # Pairs (i, k) whose ends share a group: the group-wise product, per broker.
    shared, in_at, out_at = np.intersect1d(in_keys, out_keys, return_indices=True)
    same_group = np.bincount(shared // span, in_counts[in_at] * out_counts[out_at], minlength=n)
    same_group = same_group.astype(np.int64)
    # Pairs (i, i): a reciprocated arc, its other end in group g.
    reverse = np.isin(tails * n + heads, heads * n + tails)
    back_keys, back_counts = _tally(heads[reverse], tails[reverse], groups)
    reciprocated = np.bincount(heads[reverse], minlength=n)
    back_own = at(back_keys, back_counts, own) if len(back_keys) else np.zeros(n, np.int64)

    counts[:, _COORDINATOR] += in_own * out_own - back_own
    counts[:, _REPRESENTATIVE] += in_own * (outdegree - out_own)
    counts[:, _GATEKEEPER] += (indegree - in_own) * out_own
    itinerant = same_group - in_own * out_own - (reciprocated - back_own)
    counts[:, _ITINERANT] += itinerant
    counts[:, _LIAISON] += (indegree - in_own) * (outdegree - out_own) - (
        same_group - in_own * out_own
    )


def _remove_closed_pairs(
    counts: np.ndarray,
    n: int,
    tails: np.ndarray,
    heads: np.ndarray,
    groups: np.ndarray,
    corners: np.ndarray | None,
) -> None:
    """Remove the two-paths i -> j -> k closed by an arc i -> k (all on triangles)."""
    if corners is None:
        low, high = np.minimum(tails, heads), np.maximum(tails, heads)
        edges = np.unique(low * n + high)
        corners = EngineGraph.from_edges(n, edges // n, edges % n).triangles
    arc_keys = tails * n + heads  # sorted, as np.unique made them

    def has(u: np.ndarray, v: np.ndarray) -> np.ndarray:
        wanted = u * n + v
        where = np.minimum(np.searchsorted(arc_keys, wanted), len(arc_keys) - 1)
        return arc_keys[where] == wanted

    for a, b, c in ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)):
        i, j, k = corners[:, a], corners[:, b], corners[:, c]
        closed = has(i, j) & has(j, k) & has(i, k)
        role = _role(groups[i[closed]], groups[j[closed]], groups[k[closed]])
        np.subtract.at(counts, (j[closed], role), 1)
