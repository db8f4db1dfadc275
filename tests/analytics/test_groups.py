"""E-I index, sector mixing with its permutation baseline, assortativity."""

from __future__ import annotations

import doctest
import random

import networkx as nx
import pytest

from maillage.graph.analytics import groups
from maillage.graph.analytics.groups import (
    attribute_assortativity,
    ei_index,
    ei_index_by_group,
    ei_index_by_node,
    mixing_baseline,
    mixing_matrix,
)


def sectored(edges, sectors) -> nx.Graph:
    G = nx.Graph(edges)
    G.add_nodes_from(sectors)
    nx.set_node_attributes(G, sectors, "sector")
    return G


# p1 - p2 - a1 - a2, a1 - b1, and b2 alone: public p, association a, business b.
SECTORS = {
    "p1": "public", "p2": "public", "a1": "association",
    "a2": "association", "b1": "business", "b2": "business",
}  # fmt: skip
EDGES = [("p1", "p2"), ("p2", "a1"), ("a1", "a2"), ("a1", "b1")]


def test_ei_index_by_hand():
    G = sectored(EDGES, SECTORS)
    # Internal ties: p1-p2, a1-a2; external: p2-a1, a1-b1 -> (2 - 2) / 4.
    assert ei_index(G) == 0.0
    # From each sector's members: public has p1-p2 twice (both members) and p2-a1 once.
    assert ei_index_by_group(G) == {
        "business": 1.0,  # b1's one external tie; b2 alone does not count
        "association": (2 - 2) / 4,  # a1-p2, a1-b1 out; a1-a2 twice in
        "public": (1 - 2) / 3,
    }
    assert ei_index_by_node(G) == {
        "p1": -1.0, "p2": 0.0, "a1": (2 - 1) / 3, "a2": -1.0, "b1": 1.0, "b2": None,
    }  # fmt: skip


def test_weighted_ei_index():
    G = sectored(EDGES, SECTORS)
    nx.set_edge_attributes(G, {("p1", "p2"): 3, ("a1", "a2"): 1, ("p2", "a1"): 2}, "weight")
    # Weight 1 where missing: internal 3 + 1, external 2 + 1.
    assert ei_index(G, weight="weight") == pytest.approx((3 - 4) / 7)


def test_mixing_matrix_symmetric_in_sector_order():
    G = sectored(EDGES, SECTORS)
    assert mixing_matrix(G) == {
        "business": {"business": 0, "association": 1, "public": 0},
        "association": {"business": 1, "association": 1, "public": 1},
        "public": {"business": 0, "association": 1, "public": 1},
    }
    assert list(mixing_matrix(G)) == ["business", "association", "public"]  # model's order


def test_permutation_baseline_approaches_the_exact_expectation():
    # Shuffling labels: an edge joins groups a != b with probability 2 n_a n_b / (n (n - 1)),
    # stays in a with n_a (n_a - 1) / (n (n - 1)).
    G = nx.gnp_random_graph(40, 0.1, seed=2)
    rng = random.Random(2)
    sectors = {v: rng.choice(["public", "media", "funder"]) for v in G}
    nx.set_node_attributes(G, sectors, "sector")
    n, m = len(G), G.number_of_edges()
    size = {s: list(sectors.values()).count(s) for s in set(sectors.values())}
    result = mixing_baseline(G, permutations=4000, seed=3)
    for a in size:
        for b in size:
            pairs = 2 * size[a] * size[b] if a != b else size[a] * (size[a] - 1)
            exact = m * pairs / (n * (n - 1))
            spread = result["std"][a][b] / 4000**0.5
            assert result["expected"][a][b] == pytest.approx(exact, abs=4 * spread)
            z = result["z"][a][b]
            assert z == pytest.approx(
                (result["observed"][a][b] - result["expected"][a][b]) / result["std"][a][b]
            )
    assert result["permutations"] == 4000
    again = mixing_baseline(G, permutations=50, seed=3)
    assert mixing_baseline(G, permutations=50, seed=3) == again


def test_baseline_without_variation_has_no_z():
    G = sectored([(0, 1), (1, 2)], {0: "public", 1: "public", 2: "public"})
    result = mixing_baseline(G, permutations=10, seed=42)
    assert result["observed"] == {"public": {"public": 2}}
    assert result["z"] == {"public": {"public": None}}


def test_assortativity_equals_networkx():
    for seed in range(3):
        G = nx.gnp_random_graph(50, 0.08, seed=seed)
        rng = random.Random(seed)
        nx.set_node_attributes(G, {v: rng.choice("xyz") for v in G}, "sector")
        theirs = nx.attribute_assortativity_coefficient(G, "sector")
        assert attribute_assortativity(G) == pytest.approx(theirs, abs=1e-12)


def test_assortativity_undefined_cases():
    assert attribute_assortativity(sectored([], {0: "x", 1: "y"})) is None
    assert attribute_assortativity(sectored([(0, 1)], {0: "x", 1: "x"})) is None
    assert ei_index(sectored([], {0: "x"})) is None


def test_doctests():
    assert doctest.testmod(groups).failed == 0
