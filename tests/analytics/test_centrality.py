"""Centralities: published values, and NetworkX's own results to 1e-9."""

from __future__ import annotations

import doctest
import math
import random

import networkx as nx
import pytest

from maillage.graph.analytics import centrality
from maillage.graph.analytics.centrality import (
    betweenness_centrality,
    closeness_centrality,
    degree_centrality,
    eigenvector_centrality,
    pagerank,
)

# Published in NetworkX's test suite (UCINET figures), to 1e-3.
FLORENTINE_BETWEENNESS = {
    "Acciaiuoli": 0.000, "Albizzi": 0.212, "Barbadori": 0.093, "Bischeri": 0.104,
    "Castellani": 0.055, "Ginori": 0.000, "Guadagni": 0.255, "Lamberteschi": 0.000,
    "Medici": 0.522, "Pazzi": 0.000, "Peruzzi": 0.022, "Ridolfi": 0.114,
    "Salviati": 0.143, "Strozzi": 0.103, "Tornabuoni": 0.092,
}  # fmt: skip
FLORENTINE_CLOSENESS = {
    "Acciaiuoli": 0.368, "Albizzi": 0.483, "Barbadori": 0.4375, "Bischeri": 0.400,
    "Castellani": 0.389, "Ginori": 0.333, "Guadagni": 0.467, "Lamberteschi": 0.326,
    "Medici": 0.560, "Pazzi": 0.286, "Peruzzi": 0.368, "Ridolfi": 0.500,
    "Salviati": 0.389, "Strozzi": 0.4375, "Tornabuoni": 0.483,
}  # fmt: skip


def karate() -> nx.Graph:
    """Zachary's karate club without NetworkX's edge weights."""
    return nx.Graph(nx.karate_club_graph().edges())


def graphs() -> list[nx.Graph]:
    """Karate, Florentine families, disconnected random graphs with isolated nodes."""
    out = [karate(), nx.florentine_families_graph()]
    for seed in range(3):
        G = nx.gnp_random_graph(60, 0.04, seed=seed)
        G.add_nodes_from(["lonely", "alone"])
        out.append(G)
    out += [nx.Graph([(1, 2)]), nx.path_graph(3), nx.empty_graph(3)]
    return out


def weighted(G: nx.Graph, seed: int) -> nx.Graph:
    """Weights 1, 2, 4, 8 (exact inverses), and NetworkX's ``distance`` = 1 / weight."""
    G = G.copy()
    rng = random.Random(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = rng.choice([1, 2, 4, 8])
        G[u][v]["distance"] = 1 / G[u][v]["weight"]
    return G


def assert_same(ours: dict, reference: dict, tol: float = 1e-9) -> None:
    assert set(ours) == set(reference)
    for v, value in reference.items():
        assert ours[v] == pytest.approx(value, abs=tol), v


def test_published_florentine_betweenness_and_closeness():
    G = nx.florentine_families_graph()
    assert list(betweenness_centrality(G)) == list(G)
    assert_same(betweenness_centrality(G), FLORENTINE_BETWEENNESS, 1e-3)
    assert_same(closeness_centrality(G), FLORENTINE_CLOSENESS, 1e-3)
    assert betweenness_centrality(G)["Medici"] == pytest.approx(47.5 / 91, abs=1e-12)


def test_published_karate_values():
    G = karate()
    b = betweenness_centrality(G)
    assert (b[0], b[33], b[32], b[2]) == pytest.approx(
        (0.43763528, 0.30407497, 0.14524711, 0.14365680), abs=1e-8
    )
    e = eigenvector_centrality(G)
    assert (e[0], e[33]) == pytest.approx((0.35548349, 0.37337121), abs=1e-6)
    p = pagerank(G)
    assert (p[0], p[33]) == pytest.approx((0.09700182, 0.10091792), abs=1e-6)
    assert closeness_centrality(G)[0] == pytest.approx(0.5689655, abs=1e-6)


@pytest.mark.parametrize("G", graphs(), ids=lambda G: f"n{len(G)}m{G.number_of_edges()}")
def test_equal_to_networkx(G):
    assert_same(degree_centrality(G), nx.degree_centrality(G))
    assert_same(betweenness_centrality(G), nx.betweenness_centrality(G))
    assert_same(
        betweenness_centrality(G, normalized=False), nx.betweenness_centrality(G, normalized=False)
    )
    assert_same(closeness_centrality(G), nx.closeness_centrality(G))
    assert_same(
        closeness_centrality(G, wf_improved=False), nx.closeness_centrality(G, wf_improved=False)
    )
    # Disconnected graphs converge slowly: both run the same iteration, so 1000 steps agree.
    assert_same(
        eigenvector_centrality(G, max_iter=1000), nx.eigenvector_centrality(G, max_iter=1000)
    )
    assert_same(pagerank(G), nx.pagerank(G, weight=None))


@pytest.mark.parametrize("seed", range(3))
def test_weighted_equal_to_networkx_with_inverse_distances(seed):
    G = weighted(nx.gnp_random_graph(50, 0.08, seed=seed), seed)
    G.add_node("alone")
    assert_same(
        betweenness_centrality(G, weight="distance"),
        nx.betweenness_centrality(G, weight="distance"),
    )
    assert_same(
        closeness_centrality(G, distance="distance"),
        nx.closeness_centrality(G, distance="distance"),
    )
    assert_same(
        eigenvector_centrality(G, max_iter=1000, weight="weight"),
        nx.eigenvector_centrality(G, max_iter=1000, weight="weight"),
    )
    assert_same(pagerank(G, weight="weight"), nx.pagerank(G, weight="weight"))


@pytest.mark.parametrize("k", [1, 5, 20])
def test_sampled_betweenness_is_networkx_k_sampling(k):
    G = weighted(karate(), 1)
    for normalized in (True, False):
        for distance in (None, "distance"):
            ours = betweenness_centrality(G, k=k, normalized=normalized, weight=distance, seed=9)
            theirs = nx.betweenness_centrality(
                G, k=k, normalized=normalized, weight=distance, seed=9
            )
            for v in G:
                assert (math.isnan(ours[v]) and math.isnan(theirs[v])) or ours[v] == (
                    pytest.approx(theirs[v], abs=1e-9)
                )


def test_sampled_closeness_estimates_and_computes_small_components_exactly():
    G = nx.disjoint_union(nx.grid_2d_graph(12, 12), nx.path_graph(5))
    exact = nx.closeness_centrality(G)
    estimate = closeness_centrality(G, k=60, seed=1)
    grid = range(144)
    assert max(abs(estimate[v] - exact[v]) for v in grid) < 0.02
    # The path holds fewer than 16 pivots, so it is computed exactly.
    assert_same({v: estimate[v] for v in range(144, 149)}, {v: exact[v] for v in range(144, 149)})
    weighted_estimate = closeness_centrality(weighted(G, 2), distance="distance", k=60, seed=1)
    weighted_exact = nx.closeness_centrality(weighted(G, 2), distance="distance")
    assert max(abs(weighted_estimate[v] - weighted_exact[v]) for v in grid) < 0.05


def test_edge_cases_follow_networkx():
    assert degree_centrality(nx.empty_graph(1)) == {0: 1.0}
    assert betweenness_centrality(nx.Graph()) == {}
    assert closeness_centrality(nx.empty_graph(1)) == {0: 0.0}
    assert pagerank(nx.Graph()) == {}
    with pytest.raises(nx.NetworkXPointlessConcept):
        eigenvector_centrality(nx.Graph())
    with pytest.raises(nx.PowerIterationFailedConvergence):
        eigenvector_centrality(karate(), max_iter=2)
    with pytest.raises(nx.NetworkXNotImplemented):
        betweenness_centrality(nx.DiGraph([(0, 1)]))


def test_doctests():
    assert doctest.testmod(centrality).failed == 0
