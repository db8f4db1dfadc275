"""How ties fall within and between groups (sectors).

Krackhardt and Stern's E-I index for the whole network, each group and
each node; the group x group tie count matrix with a label-permutation
baseline (expected counts and z-scores when sectors are shuffled over
the same actors and ties); and the attribute assortativity coefficient.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np

from ..vocabulary import sector_sort_key
from .engine import EngineGraph, Seed, engine_graph, settled_seed

__all__ = [
    "ei_index",
    "ei_index_by_group",
    "ei_index_by_node",
    "mixing_matrix",
    "mixing_baseline",
    "attribute_assortativity",
]


def group_sort_key(value: Any) -> tuple[int, str]:
    """Sectors in the model's order, then other values by name."""
    return sector_sort_key(value)


def _groups(G: nx.Graph, attribute: str) -> tuple[list[Any], np.ndarray]:
    """The distinct groups in order, and each vertex's group as an index into them."""
    labels = nx.get_node_attributes(G, attribute)
    missing = next((v for v in G if v not in labels), None)
    if missing is not None:
        raise nx.NetworkXError(f"node {missing!r} has no attribute {attribute!r}")
    groups = sorted(set(labels.values()), key=group_sort_key)
    code = {g: i for i, g in enumerate(groups)}
    return groups, np.array([code[labels[v]] for v in G], dtype=np.int64)


def _tie_values(eg: EngineGraph) -> np.ndarray:
    return np.ones(eg.m) if eg.weight is None else eg.weight


def _counts(eg: EngineGraph, codes: np.ndarray, size: int) -> np.ndarray:
    """Symmetric group x group matrix of tie counts (or weights)."""
    a, b = codes[eg.source], codes[eg.target]
    upper = np.bincount(
        np.minimum(a, b) * size + np.maximum(a, b), _tie_values(eg), minlength=size * size
    ).reshape(size, size)
    return upper + np.triu(upper, 1).T


def _number(value: float, weighted: bool) -> float | int:
    return float(value) if weighted else int(round(value))


def _ratio(external: float, internal: float) -> float | None:
    total = external + internal
    return None if total == 0 else float((external - internal) / total)


@nx.utils.not_implemented_for("directed", "multigraph")
def ei_index(G: nx.Graph, attribute: str = "sector", *, weight: str | None = None) -> float | None:
    """Krackhardt and Stern's E-I index of the whole network: (E - I) / (E + I).

    ``E`` counts ties between groups, ``I`` ties within; -1 when every tie
    stays within its group, 1 when every tie crosses. None without ties.

    Parameters
    ----------
    G : networkx.Graph
    attribute : str, optional (default="sector")
        Node attribute naming each node's group.
    weight : str or None, optional (default=None)
        Edge attribute to sum instead of counting ties.

    Returns
    -------
    float or None

    References
    ----------
    .. [1] Krackhardt, D., & Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. *Social Psychology
       Quarterly* 51(2), 123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "sector")
    >>> ei_index(G)
    -0.3333333333333333
    """
    eg = engine_graph(G, weight)
    groups, codes = _groups(G, attribute)
    counts = _counts(eg, codes, len(groups))
    internal = np.trace(counts)
    return _ratio(np.triu(counts, 1).sum(), internal)


@nx.utils.not_implemented_for("directed", "multigraph")
def ei_index_by_group(
    G: nx.Graph, attribute: str = "sector", *, weight: str | None = None
) -> dict[Any, float | None]:
    """E-I index of each group, counted from its members' side.

    For group ``g``, ``E`` is the ties from its members to other groups and
    ``I`` the ties among its members counted once per member (twice per
    tie), as summing the members' own counts does.

    Parameters
    ----------
    G : networkx.Graph
    attribute : str, optional (default="sector")
    weight : str or None, optional (default=None)

    Returns
    -------
    dict
        Group to E-I index, None for a group without ties.

    References
    ----------
    .. [1] Krackhardt, D., & Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. *Social Psychology
       Quarterly* 51(2), 123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "sector")
    >>> ei_index_by_group(G)
    {'x': -0.3333333333333333, 'y': -0.3333333333333333}
    """
    eg = engine_graph(G, weight)
    groups, codes = _groups(G, attribute)
    counts = _counts(eg, codes, len(groups))
    internal = 2 * np.diag(counts)
    external = counts.sum(axis=1) - np.diag(counts)
    return {g: _ratio(external[i], internal[i]) for i, g in enumerate(groups)}


@nx.utils.not_implemented_for("directed", "multigraph")
def ei_index_by_node(
    G: nx.Graph, attribute: str = "sector", *, weight: str | None = None
) -> dict[Any, float | None]:
    """E-I index of each node: its ties to other groups against those to its own.

    Parameters
    ----------
    G : networkx.Graph
    attribute : str, optional (default="sector")
    weight : str or None, optional (default=None)

    Returns
    -------
    dict
        Node to E-I index, None for an isolated node.

    References
    ----------
    .. [1] Krackhardt, D., & Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. *Social Psychology
       Quarterly* 51(2), 123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "sector")
    >>> ei_index_by_node(G)
    {'a': -1.0, 'b': 0.0, 'c': 0.0, 'd': -1.0}
    """
    eg = engine_graph(G, weight)
    _, codes = _groups(G, attribute)
    values = _tie_values(eg)
    crossing = codes[eg.source] != codes[eg.target]
    ends = np.concatenate([eg.source, eg.target])
    both = np.concatenate([values, values])
    external = np.bincount(ends, np.where(np.concatenate([crossing, crossing]), both, 0), eg.n)
    total = np.bincount(ends, both, eg.n)
    result = [_ratio(e, t - e) for e, t in zip(external.tolist(), total.tolist(), strict=True)]
    return dict(zip(eg.nodes, result, strict=True))


@nx.utils.not_implemented_for("directed", "multigraph")
def mixing_matrix(
    G: nx.Graph, attribute: str = "sector", *, weight: str | None = None
) -> dict[Any, dict[Any, float | int]]:
    """Ties between each pair of groups: ``M[a][b] == M[b][a]``, ``M[a][a]`` within ``a``.

    Parameters
    ----------
    G : networkx.Graph
    attribute : str, optional (default="sector")
    weight : str or None, optional (default=None)
        Edge attribute to sum instead of counting ties (then values are floats).

    Returns
    -------
    dict of dict
        Groups in the model's sector order (then by name).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "sector")
    >>> mixing_matrix(G)
    {'x': {'x': 1, 'y': 1}, 'y': {'x': 1, 'y': 1}}
    """
    eg = engine_graph(G, weight)
    groups, codes = _groups(G, attribute)
    return _as_nested(groups, _counts(eg, codes, len(groups)), weight is not None)


def _as_nested(groups: list[Any], matrix: np.ndarray, weighted: bool) -> dict:
    return {
        a: {b: _number(matrix[i, j], weighted) for j, b in enumerate(groups)}
        for i, a in enumerate(groups)
    }


@nx.utils.not_implemented_for("directed", "multigraph")
def mixing_baseline(
    G: nx.Graph,
    attribute: str = "sector",
    *,
    permutations: int = 1000,
    seed: Seed = None,
    weight: str | None = None,
) -> dict[str, Any]:
    """The group x group tie matrix against what shuffling the groups over the nodes gives.

    Each permutation keeps the ties and the group sizes and deals the
    groups out again at random; ``expected`` is the mean matrix over the
    permutations, ``std`` its standard deviation, and ``z`` the observed
    count's distance from the mean in standard deviations (None where the
    permutations never vary). A positive z means more ties than chance.

    Parameters
    ----------
    G : networkx.Graph
    attribute : str, optional (default="sector")
    permutations : int, optional (default=1000)
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state of the permutations, as NetworkX takes one (None: the global random
        state); an int seed, recorded as ``seed``, gives the same result again.
    weight : str or None, optional (default=None)
        Edge attribute to sum instead of counting ties.

    Returns
    -------
    dict
        ``groups`` (ordered list), ``observed``, ``expected``, ``std``, ``z``
        (each a dict of dict as :func:`mixing_matrix`), ``permutations``, ``seed``.

    References
    ----------
    .. [1] Krackhardt, D., & Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. *Social Psychology
       Quarterly* 51(2), 123-140 (the permutation test of the E-I index).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "sector")
    >>> result = mixing_baseline(G, permutations=1000, seed=1)
    >>> result["observed"]["x"]["y"], abs(result["expected"]["x"]["y"] - 2) < 0.1
    (1, True)
    """
    if permutations < 2:
        raise ValueError("permutations must be at least 2")
    eg = engine_graph(G, weight)
    groups, codes = _groups(G, attribute)
    size = len(groups)
    observed = _counts(eg, codes, size)
    total = np.zeros((size, size))
    squares = np.zeros((size, size))
    seed = settled_seed(seed)
    rng = np.random.default_rng(seed)
    values = None if eg.weight is None else eg.weight
    small = codes.astype(np.uint8 if size <= 16 else np.int64)
    for _ in range(permutations):
        dealt = rng.permutation(small)
        cell = dealt[eg.source] * size + dealt[eg.target]
        ordered = np.bincount(cell, values, size * size).reshape(size, size)
        full = ordered + ordered.T - np.diag(np.diag(ordered))
        total += full
        squares += full * full
    expected = total / permutations
    variance = np.maximum(squares - permutations * expected**2, 0) / (permutations - 1)
    std = np.sqrt(variance)
    weighted = weight is not None
    z = {
        a: {
            b: (float((observed[i, j] - expected[i, j]) / std[i, j]) if std[i, j] > 0 else None)
            for j, b in enumerate(groups)
        }
        for i, a in enumerate(groups)
    }
    return {
        "groups": groups,
        "observed": _as_nested(groups, observed, weighted),
        "expected": _as_nested(groups, expected, True),
        "std": _as_nested(groups, std, True),
        "z": z,
        "permutations": permutations,
        "seed": seed,
    }


@nx.utils.not_implemented_for("directed", "multigraph")
def attribute_assortativity(G: nx.Graph, attribute: str = "sector") -> float | None:
    """Newman's assortativity of ``attribute``: 1 when ties stay within groups, negative across.

    Equal to :func:`networkx.attribute_assortativity_coefficient` (which
    ignores weights); None where it is undefined (no ties, or every tie in
    one group).

    Parameters
    ----------
    G : networkx.Graph
    attribute : str, optional (default="sector")

    Returns
    -------
    float or None

    References
    ----------
    .. [1] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical
       Review E* 67, 026126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "sector")
    >>> round(attribute_assortativity(G), 4)
    0.3333
    """
    eg = engine_graph(G)
    groups, codes = _groups(G, attribute)
    counts = _counts(eg, codes, len(groups)).astype(float)
    # Both directions of every tie, as NetworkX's mixing matrix counts them.
    both = counts + np.diag(np.diag(counts))
    if both.sum() == 0:
        return None
    e = both / both.sum()
    chance = float((e.sum(axis=1) * e.sum(axis=0)).sum())
    if chance == 1:
        return None
    return float((np.trace(e) - chance) / (1 - chance))
