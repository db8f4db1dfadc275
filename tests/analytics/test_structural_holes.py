"""Burt's constraint and effective size: published UCINET values and NetworkX's definitions."""

from __future__ import annotations

import doctest
import math
import random

import networkx as nx
import pytest

from maillage.graph.analytics import structural_holes
from maillage.graph.analytics.structural_holes import constraint, effective_size


def borgatti() -> nx.Graph:
    """Borgatti's (1997) example, used in NetworkX's tests with UCINET's values."""
    return nx.Graph(
        [("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
         ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")]
    )  # fmt: skip


BORGATTI_WEIGHTS = {
    ("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8,
    ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10,
}  # fmt: skip


def small_digraph(weights: bool = False) -> nx.DiGraph:
    D = nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 1)])
    if weights:
        nx.set_edge_attributes(D, {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}, "weight")
    return D


def test_published_undirected_values():
    G = borgatti()
    c, e = constraint(G), effective_size(G)
    assert (c["G"], c["A"], c["C"]) == pytest.approx((0.400, 0.595, 1.0), abs=1e-3)
    assert (e["G"], e["A"], e["C"]) == pytest.approx((4.67, 2.50, 1.0), abs=1e-2)


def test_published_weighted_values():
    G = borgatti()
    nx.set_edge_attributes(G, BORGATTI_WEIGHTS, "weight")
    c, e = constraint(G, weight="weight"), effective_size(G, weight="weight")
    assert (c["G"], c["A"], c["C"]) == pytest.approx((0.299, 0.795, 1.0), abs=1e-3)
    assert (e["G"], e["A"], e["C"]) == pytest.approx((5.47, 2.47, 1.0), abs=1e-2)


def test_published_directed_values():
    c, e = constraint(small_digraph()), effective_size(small_digraph())
    assert [c[v] for v in range(3)] == pytest.approx([1.003, 1.003, 1.389], abs=1e-3)
    assert [e[v] for v in range(3)] == pytest.approx([1.167, 1.167, 1.0], abs=1e-3)
    D = small_digraph(weights=True)
    c, e = constraint(D, weight="weight"), effective_size(D, weight="weight")
    assert [c[v] for v in range(3)] == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    assert [e[v] for v in range(3)] == pytest.approx([1.567, 1.083, 1.0], abs=1e-3)


def test_isolated_actor_is_nan_as_in_networkx():
    G = borgatti()
    G.add_node("alone")
    assert math.isnan(constraint(G)["alone"])
    assert math.isnan(nx.constraint(G, nodes=["alone"])["alone"])
    assert math.isnan(effective_size(G, weight="weight")["alone"])
    chosen = constraint(G, nodes=["alone", "C"])
    assert list(chosen) == ["alone", "C"] and math.isnan(chosen["alone"]) and chosen["C"] == 1.0


def random_cases():
    rng = random.Random(5)
    for seed in range(4):
        directed = seed % 2 == 1
        G = nx.gnp_random_graph(25, 0.15, seed=seed, directed=directed)
        G.add_node("alone")
        for u, v in G.edges():
            G[u][v]["weight"] = rng.choice([1, 2, 3, 5])
        yield G


@pytest.mark.parametrize("G", list(random_cases()), ids=lambda G: type(G).__name__)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_equal_to_networkx_reference_loops(G, weight):
    # ``nodes=list(G)`` selects NetworkX's loop over the definition. Its vectorised path
    # (nodes=None) divides effective size by the wrong maximum for weighted or directed
    # graphs (networkx/networkx#8906) and disagrees with the published values above.
    # NetworkX's loops also give NaN to a directed graph's sinks (they test G[v], the
    # successors); only truly isolated nodes lack a value here.
    nodes = [v for v in G if G.degree(v) == 0 or len(G[v]) > 0]
    for ours, theirs in (
        (constraint(G, weight=weight), nx.constraint(G, nodes=nodes, weight=weight)),
        (effective_size(G, weight=weight), nx.effective_size(G, nodes=nodes, weight=weight)),
    ):
        for v in nodes:
            if math.isnan(theirs[v]):
                assert math.isnan(ours[v])
            else:
                assert ours[v] == pytest.approx(theirs[v], abs=1e-9)


def test_doctests():
    assert doctest.testmod(structural_holes).failed == 0
