"""The territory report: every actor's position and the network's shape, in one document.

:func:`territory_report` builds the territory's graph once, converts it
once for the engine, and derives every measure from that conversion. The
result is the ``report --format json`` document of ``docs/data-format.md``.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np

from ..model import Network
from . import method_text as M
from .brokerage import ROLES, role_counts
from .centrality import (
    betweenness_centrality,
    closeness_centrality,
    eigenvector_centrality,
    pagerank,
)
from .communities import communities, leiden_runs, modularity, partition_sets
from .engine import EngineGraph, Seed, engine_graph, settled_seed
from .groups import (
    attribute_assortativity,
    ei_index,
    ei_index_by_group,
    ei_index_by_node,
    group_sort_key,
    mixing_baseline,
)
from .network import territory_graph
from .structural_holes import constraint, effective_size

__all__ = ["territory_report", "default_pivots"]

APPROXIMATE_THRESHOLD = 50_000
PATH_LENGTH = "distance"
"""Edge attribute of the weighted territory graph that shortest paths run on (1 / weight)."""
EIGENVECTOR_MAX_ITER = 1000
# NetworkX's default (1e-6 per node) leaves errors near 1e-5: converge further, so that the
# local and gds engines agree to 1e-6 (both then sit within 1e-9 of the true vectors).
EIGENVECTOR_TOL = 1e-10
PAGERANK_TOL = 1e-10
PAGERANK_MAX_ITER = 1000
_PER_ACTOR = ("betweenness", "closeness", "eigenvector", "pagerank", "constraint", "effective_size")

REFERENCES = [
    "Brandes, U. (2001). A faster algorithm for betweenness centrality. "
    "Journal of Mathematical Sociology 25(2), 163-177.",
    "Brandes, U., & Pich, C. (2007). Centrality estimation in large networks. "
    "International Journal of Bifurcation and Chaos 17(7), 2303-2318.",
    "Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. "
    "Social Networks 1(3), 215-239.",
    "Wasserman, S., & Faust, K. (1994). Social Network Analysis. Cambridge University Press.",
    "Bonacich, P. (1987). Power and centrality: a family of measures. "
    "American Journal of Sociology 92(5), 1170-1182.",
    "Page, L., Brin, S., Motwani, R., & Winograd, T. (1999). The PageRank citation ranking. "
    "Stanford InfoLab.",
    "Burt, R. S. (1992). Structural Holes. Harvard University Press.",
    "Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation. "
    "Sociological Methodology 19, 89-126.",
    "Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to Leiden. "
    "Scientific Reports 9, 5233.",
    "Newman, M. E. J. (2006). Modularity and community structure in networks. "
    "PNAS 103(23), 8577-8582.",
    "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises. "
    "Social Psychology Quarterly 51(2), 123-140.",
    "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E 67, 026126.",
]


# Arcs and vertices that the approximate mode's pivots may walk, in total.
PIVOT_BUDGET = 1_600_000_000


def default_pivots(n: int, m: int) -> int:
    """Pivots of the approximate mode for ``n`` actors and ``m`` linked pairs.

    As many as a fixed amount of work allows (one pivot walks ``n + 2m``),
    between 1024 and 8192: 3555 for 50 000 actors and 200 000 pairs.
    """
    return min(n, max(1024, min(8192, PIVOT_BUDGET // max(n + 2 * m, 1))))


def _average_clustering(eg: EngineGraph) -> float:
    """Mean local clustering, 0 for nodes of degree < 2 (as ``nx.average_clustering``)."""
    if eg.n == 0:
        return 0.0
    triangles = np.bincount(eg.triangles.ravel(), minlength=eg.n)
    degree = eg.degree
    possible = degree * (degree - 1)
    local = np.zeros(eg.n)
    has = triangles > 0
    local[has] = 2 * triangles[has] / possible[has]
    return float(local.sum() / eg.n)


def _internal_ties(network: Network) -> int:
    return sum(1 for tie in network.ties if network.is_internal(tie))


def _openness(network: Network, internal: int) -> float:
    """Share of the ties touching the territory's actors whose other end lies outside."""
    return (len(network.ties) - internal) / len(network.ties) if network.ties else 0.0


def _brokerage(network: Network, eg: EngineGraph, G: nx.Graph) -> np.ndarray:
    """Role counts on the territory's arcs (undirected ties both ways), straight from the ties."""
    index = eg.index
    tails: list[int] = []
    heads: list[int] = []
    for tie in network.ties:
        u, v = index.get(tie.source), index.get(tie.target)
        if u is None or v is None:
            continue
        tails.append(u)
        heads.append(v)
        if not tie.directed:
            tails.append(v)
            heads.append(u)
    codes: dict[str, int] = {}
    groups = np.array([codes.setdefault(G.nodes[v]["sector"], len(codes)) for v in eg.nodes])
    return role_counts(
        eg.n,
        np.array(tails, dtype=np.int64),
        np.array(heads, dtype=np.int64),
        groups,
        triangles=eg.triangles,  # the arcs' undirected skeleton is the territory graph
    )


def _eigenvector(G: nx.Graph, eg: EngineGraph, weight: str | None) -> tuple[dict, str]:
    try:
        values = eigenvector_centrality(
            G, max_iter=EIGENVECTOR_MAX_ITER, tol=EIGENVECTOR_TOL, weight=weight
        )
        return values, M.EIGENVECTOR
    except nx.PowerIterationFailedConvergence:
        vector = np.array(
            eg.igraph.eigenvector_centrality(scale=False, weights=eg.weight_list), dtype=float
        )
        vector /= np.linalg.norm(vector) or 1.0
        note = M.EIGENVECTOR_ARPACK
        return dict(zip(eg.nodes, np.abs(vector).tolist(), strict=True)), note


def _sector_counts(G: nx.Graph, sectors: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(sectors, 0)
    for _, sector in G.nodes(data="sector"):
        counts[sector] += 1
    return counts


def territory_report(
    network: Network,
    *,
    weighted: bool = False,
    seed: Seed = None,
    approximate: bool | None = None,
    approximate_threshold: int = APPROXIMATE_THRESHOLD,
    pivots: int | None = None,
    permutations: int = 1000,
) -> dict[str, Any]:
    """Per-actor centrality, structural holes, brokerage and community, and network indicators.

    Parameters
    ----------
    network : Network
        The territory as the store returns it.
    weighted : bool, optional (default=False)
        Use tie weights (summed over the ties joining two actors): shortest
        paths on the edge attribute ``distance`` = ``1 / weight`` (NetworkX's
        ``weight=`` of a path is a length), eigenvector, PageRank, structural
        holes, communities, E-I and mixing on the weights themselves.
        Clustering and assortativity stay unweighted, as in NetworkX.
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state of every random step (communities, pivots, permutations), as
        NetworkX takes one (None: the global random state); an int seed, recorded in
        ``method["seed"]``, gives the same result again.
    approximate : bool or None, optional (default=None)
        Estimate betweenness and closeness from sampled pivots; None chooses
        it when the territory has at least ``approximate_threshold`` actors.
    approximate_threshold : int, optional (default=50_000)
    pivots : int or None, optional (default=None)
        Pivots of the approximate mode; None for :func:`default_pivots`.
    permutations : int, optional (default=1000)
        Label permutations of the sector mixing baseline.

    Returns
    -------
    dict
        ``territory``, ``as_of``, ``variant``, ``approximate``, ``method``,
        ``network``, ``sector_mixing`` and ``actors`` (sorted by decreasing
        betweenness, then id), as in ``docs/data-format.md``. ``network.ties``
        counts the ties among members (before folding parallel ties);
        ``network.linked_pairs`` the pairs of members they join. Actors get
        ``ei_index`` besides the contract's keys; ``constraint``,
        ``effective_size`` and ``ei_index`` are None for an isolated actor.

    References
    ----------
    See ``report["method"]["references"]``.

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = (
    ...     Actor("m", "Mairie", Sector.PUBLIC, ("T",)),
    ...     Actor("a", "Asso A", Sector.ASSOCIATION, ("T",)),
    ...     Actor("b", "Asso B", Sector.ASSOCIATION, ("T",)),
    ... )
    >>> ties = (Tie("m", "a"), Tie("m", "b"), Tie("m", "x"))
    >>> report = territory_report(Network("T", actors, ties), seed=42)
    >>> report["network"]["actors"], report["network"]["ties"], report["network"]["openness"]
    (3, 2, 0.3333333333333333)
    >>> top = report["actors"][0]
    >>> top["id"], top["betweenness"], top["brokerage"]["itinerant"]
    ('m', 1.0, 2)
    """
    seed = settled_seed(seed)
    G = territory_graph(network, weighted=weighted)
    weight = "weight" if weighted else None
    eg = engine_graph(G, weight)
    n = eg.n
    if approximate is None:
        approximate = n >= approximate_threshold
    k = (pivots or default_pivots(n, eg.m)) if approximate else None
    if k is not None and k >= n:
        k = None

    measures = _measures(network, G, eg, weight, k, seed)
    internal = _internal_ties(network)
    return {
        "territory": network.territory,
        "as_of": network.as_of.isoformat() if network.as_of else None,
        "variant": "weighted" if weighted else "unweighted",
        "approximate": k is not None,
        "method": _method(
            weight, seed, k, measures["eigenvector method"], permutations, leiden_runs(n, eg.m)
        ),
        "network": _indicators(network, G, eg, weight, measures["community"], internal),
        "sector_mixing": (
            mixing_baseline(G, permutations=permutations, seed=seed, weight=weight) if n else {}
        ),
        "actors": _actor_rows(G, eg, measures),
    }


def _measures(
    network: Network, G: nx.Graph, eg: EngineGraph, weight: str | None, k: int | None, seed: int
) -> dict[str, Any]:
    """Every per-actor measure, as node-keyed dicts (brokerage: an array of role counts)."""
    distance = None if weight is None else PATH_LENGTH
    if eg.n:
        eigenvector, eigenvector_method = _eigenvector(G, eg, weight)
        central = {
            "betweenness": betweenness_centrality(G, k=k, weight=distance, seed=seed),
            "closeness": closeness_centrality(G, distance=distance, k=k, seed=seed),
            "eigenvector": eigenvector,
            "pagerank": pagerank(G, weight=weight, tol=PAGERANK_TOL, max_iter=PAGERANK_MAX_ITER),
        }
    else:
        central = dict.fromkeys(["betweenness", "closeness", "eigenvector", "pagerank"], {})
        eigenvector_method = M.NO_ACTORS
    return {
        **central,
        "eigenvector method": eigenvector_method,
        "constraint": constraint(G, weight=weight),
        "effective_size": effective_size(G, weight=weight),
        "brokerage": _brokerage(network, eg, G),
        "community": communities(G, weight=weight, seed=seed),
        "ei_index": ei_index_by_node(G, weight=weight),
    }


def _actor_rows(G: nx.Graph, eg: EngineGraph, measures: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per actor, by decreasing betweenness, then id."""
    rows = []
    for i, actor_id in enumerate(eg.nodes):
        node = G.nodes[actor_id]
        row = {"id": actor_id, "name": node["name"], "sector": node["sector"]}
        row["degree"] = int(eg.degree[i])
        row.update((key, measures[key][actor_id]) for key in _PER_ACTOR)
        if row["degree"] == 0:  # NetworkX's NaN, null in the document (docs/data-format.md)
            row["constraint"] = row["effective_size"] = None
        row["brokerage"] = dict(zip(ROLES, measures["brokerage"][i].tolist(), strict=True))
        row["community"] = measures["community"][actor_id]
        row["ei_index"] = measures["ei_index"][actor_id]
        rows.append(row)
    rows.sort(key=lambda row: (-row["betweenness"], row["id"]))
    return rows


def _indicators(
    network: Network,
    G: nx.Graph,
    eg: EngineGraph,
    weight: str | None,
    community: dict[str, int],
    internal: int,
) -> dict[str, Any]:
    """The network-level indicators of the report."""
    n = eg.n
    _, sizes = eg.components
    whole_ei = ei_index(G, weight=weight)
    sectors = sorted({s for _, s in G.nodes(data="sector")}, key=group_sort_key)
    return {
        "actors": n,
        "ties": internal,
        "linked_pairs": eg.m,
        "density": float(nx.density(G)),
        "components": int(len(sizes)),
        "largest_component_share": float(sizes.max() / n) if n else 0.0,
        "average_clustering": _average_clustering(eg),
        "communities": len(set(community.values())),
        "modularity": modularity(G, partition_sets(community), weight=weight) if n else 0.0,
        "ei_index": whole_ei if whole_ei is not None else 0.0,
        "openness": _openness(network, internal),
        "sector_counts": _sector_counts(G, sectors),
        "ei_by_sector": ei_index_by_group(G, weight=weight) if n else {},
        "assortativity": attribute_assortativity(G) if n else None,
    }


def _method(
    weight: str | None, seed: int, k: int | None, eigenvector: str, permutations: int, runs: int
) -> dict[str, Any]:
    sampled = M.SAMPLED.format(pivots=k) if k else M.EXACT
    paths = M.HOPS
    if weight:
        paths = M.WEIGHTED_PATHS.format(attribute=repr(PATH_LENGTH), weight=weight)
    return {
        "weight": weight,
        "seed": seed,
        "pivots": k,
        "engine": M.LOCAL,
        "betweenness": M.method_value(M.BETWEENNESS, sampled, paths),
        "closeness": M.method_value(M.CLOSENESS, M.CLOSENESS_SAMPLED if k else M.EXACT, paths),
        "eigenvector": eigenvector,
        "pagerank": M.PAGERANK,
        "structural_holes": M.STRUCTURAL_HOLES,
        "brokerage": M.BROKERAGE,
        "communities": M.COMMUNITIES.format(runs=runs),
        "ei_index": M.EI_INDEX,
        "sector_mixing": M.SECTOR_MIXING.format(permutations=permutations),
        "assortativity": M.ASSORTATIVITY,
        "references": REFERENCES,
    }
