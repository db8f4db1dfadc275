"""Gould-Fernandez brokerage roles, counted as R's sna::brokerage counts them."""

from __future__ import annotations

import doctest
import importlib
import random

import networkx as nx
import numpy as np
import pytest

from maillage.graph.analytics.brokerage import ROLES, brokerage, role_counts


def counts(**roles: int) -> dict[str, int]:
    return {role: roles.get(role, 0) for role in ROLES}


def with_sectors(G: nx.Graph, sectors: dict) -> nx.Graph:
    nx.set_node_attributes(G, sectors, "sector")
    return G


def test_sna_documentation_example():
    # The 4-vertex digraph of the cograph documentation, which states its results match
    # sna::brokerage bit for bit and prints the liaison column as 0 0 0 0.
    # Arcs A->B, A->C, B->C, B->D, C->D, D->A; groups A, B = 1 and C, D = 2.
    # Two-paths i -> j -> k (i != k) and whether i -> k closes them:
    #   A->B->C closed (A->C)        A->B->D open: B, groups 1 1 2, representative
    #   A->C->D open: C, 1 2 2, gatekeeper
    #   B->C->D closed (B->D)        B->D->A open: D, 1 2 1, itinerant
    #   C->D->A open: D, 2 2 1, representative
    #   D->A->B open: A, 2 1 1, gatekeeper
    #   D->A->C open: A, 2 1 2, itinerant
    D = nx.DiGraph([("A", "B"), ("A", "C"), ("B", "C"), ("B", "D"), ("C", "D"), ("D", "A")])
    result = brokerage(with_sectors(D, {"A": 1, "B": 1, "C": 2, "D": 2}))
    assert [result[v]["liaison"] for v in "ABCD"] == [0, 0, 0, 0]
    assert result == {
        "A": counts(gatekeeper=1, itinerant=1),
        "B": counts(representative=1),
        "C": counts(gatekeeper=1),
        "D": counts(itinerant=1, representative=1),
    }


def test_star_across_three_sectors():
    # Undirected ties are arcs both ways. The public hub p joins a (association), b and c
    # (business) and q (public); the 12 ordered pairs of leaves are all open:
    #   (a,b) (b,a) (a,c) (c,a): association / business through public -> 4 liaison
    #   (b,c) (c,b): business through public -> 2 itinerant
    #   (q,a) (q,b) (q,c): source shares the broker's sector -> 3 representative
    #   (a,q) (b,q) (c,q): target shares the broker's sector -> 3 gatekeeper
    G = nx.star_graph(["p", "a", "b", "c", "q"])
    sectors = {"p": "public", "a": "association", "b": "business", "c": "business", "q": "public"}
    result = brokerage(with_sectors(G, sectors))
    assert result["p"] == counts(liaison=4, itinerant=2, representative=3, gatekeeper=3)
    assert all(result[v] == counts() for v in "abcq")
    # A tie b - c closes (b, c) and (c, b); b and c broker nothing (p reaches both).
    G.add_edge("b", "c")
    result = brokerage(with_sectors(G, sectors))
    assert result["p"] == counts(liaison=4, representative=3, gatekeeper=3)
    assert result["b"] == result["c"] == counts()


def test_coordinator_and_reciprocated_pair():
    # x1 - x2 - x3 in one sector: x2 coordinates (x1, x3) and (x3, x1).
    G = with_sectors(nx.path_graph(["x1", "x2", "x3"]), dict.fromkeys(["x1", "x2", "x3"], "s"))
    assert brokerage(G)["x2"] == counts(coordinator=2)
    # i <-> j alone: the two-path i -> j -> i has i == k and does not count.
    D = with_sectors(nx.DiGraph([(0, 1), (1, 0)]), {0: "s", 1: "t"})
    assert brokerage(D) == {0: counts(), 1: counts()}


def test_directed_chain_counts_one_direction_only():
    # 0 -> 1 -> 2 in three sectors: 1 is a liaison once; 2 -> 1 -> 0 does not exist.
    D = with_sectors(nx.DiGraph([(0, 1), (1, 2)]), {0: "a", 1: "b", 2: "c"})
    assert brokerage(D)[1] == counts(liaison=1)


def enumerate_roles(D: nx.DiGraph) -> dict:
    """The definition, walked pair by pair."""
    group = nx.get_node_attributes(D, "sector")
    out = {v: counts() for v in D}
    for j in D:
        for i in D.predecessors(j):
            for k in D.successors(j):
                if len({i, j, k}) < 3 or D.has_edge(i, k):
                    continue
                gi, gj, gk = group[i], group[j], group[k]
                if gi == gj == gk:
                    role = "coordinator"
                elif gi == gj:
                    role = "representative"
                elif gk == gj:
                    role = "gatekeeper"
                elif gi == gk:
                    role = "itinerant"
                else:
                    role = "liaison"
                out[j][role] += 1
    return out


@pytest.mark.parametrize("seed", range(30))
def test_equal_to_enumeration_on_random_digraphs(seed):
    rng = random.Random(seed)
    D = nx.gnp_random_graph(rng.randint(1, 18), rng.random() * 0.4, seed=seed, directed=True)
    with_sectors(D, {v: rng.choice("abcd"[: rng.randint(1, 4)]) for v in D})
    assert brokerage(D) == enumerate_roles(D)
    G = D.to_undirected()
    assert brokerage(G) == enumerate_roles(G.to_directed())


def test_role_counts_drops_duplicate_arcs_and_self_loops():
    tails = np.array([0, 0, 1, 1, 2])
    heads = np.array([1, 1, 2, 1, 2])
    assert role_counts(3, tails, heads, np.array([0, 1, 2]))[1].tolist() == [0, 0, 0, 0, 1]


def test_missing_sector_is_an_error():
    G = nx.path_graph(3)
    G.nodes[0]["sector"] = "a"
    with pytest.raises(nx.NetworkXError, match="no attribute"):
        brokerage(G)


def test_doctests():
    module = importlib.import_module("maillage.graph.analytics.brokerage")
    assert doctest.testmod(module).failed == 0
