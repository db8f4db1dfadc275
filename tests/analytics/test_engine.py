"""The engine view: arrays, the igraph conversion, its cache, bit-parallel distance sums."""

from __future__ import annotations

import doctest
import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from maillage.graph.analytics import engine as engine_module
from maillage.graph.analytics.engine import engine_graph, sample_pivots, seeded_igraph


def test_vertex_order_is_node_order_and_edges_once():
    G = nx.Graph([("x", "y"), ("y", "z")])
    G.add_node("w")
    eg = engine_graph(G)
    assert eg.nodes == ["x", "y", "z", "w"]
    assert (eg.n, eg.m) == (4, 2)
    assert eg.degree.tolist() == [1, 2, 1, 0]
    assert eg.igraph.vcount() == 4
    assert sorted(eg.igraph.get_edgelist()) == [(0, 1), (1, 2)]


def test_conversion_is_cached_until_the_graph_changes():
    G = nx.path_graph(4)
    first = engine_graph(G)
    assert engine_graph(G) is first
    assert engine_graph(G, "weight") is not first  # one view per weight
    G.add_edge(0, 3)
    again = engine_graph(G)
    assert again is not first
    assert again.m == 4


def test_weights_default_to_one_and_must_be_positive():
    G = nx.Graph()
    G.add_edge(0, 1, weight=2.5)
    G.add_edge(1, 2)
    assert engine_graph(G, "weight").weight.tolist() == [2.5, 1.0]
    G.add_edge(2, 3, weight=0)
    with pytest.raises(nx.NetworkXError, match="positive"):
        engine_graph(G, "weight")


def test_refuses_directed_graphs_and_self_loops():
    with pytest.raises(nx.NetworkXNotImplemented):
        engine_graph(nx.DiGraph([(0, 1)]))
    with pytest.raises(nx.NetworkXError, match="self-loops"):
        engine_graph(nx.Graph([(0, 0), (0, 1)]))


def test_arc_ids_find_both_directions():
    eg = engine_graph(nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3)]))
    tails, heads, edge = eg.arcs
    ids = eg.arc_ids(np.array([3, 0, 2]), np.array([2, 2, 0]))
    assert tails[ids].tolist() == [3, 0, 2]
    assert heads[ids].tolist() == [2, 2, 0]
    assert [sorted(t) for t in eg.triangles.tolist()] == [[0, 1, 2]]


@pytest.mark.parametrize("seed", range(4))
def test_hop_sums_equal_breadth_first_search(seed):
    G = nx.gnp_random_graph(150, 0.02, seed=seed)  # disconnected, with isolated nodes
    eg = engine_graph(G)
    total, reached = eg.distance_sums
    for v in G:
        lengths = nx.single_source_shortest_path_length(G, v)
        assert total[v] == sum(lengths.values())
        assert reached[v] == len(lengths) - 1
    sources = np.array(random.Random(seed).sample(range(150), 70))  # spans two words
    total, reached = eg.hop_sums(sources)
    for v in G:
        lengths = nx.single_source_shortest_path_length(G, v)
        hit = [lengths[s] for s in sources.tolist() if s in lengths and s != v]
        assert (total[v], reached[v]) == (sum(hit), len(hit))


def test_components_and_subgraph():
    G = nx.Graph([(0, 1), (2, 3), (3, 4)])
    G.add_node(5)
    eg = engine_graph(G)
    assert eg.component_size().tolist() == [2, 2, 3, 3, 3, 1]
    sub = eg.subgraph(np.array([2, 3, 4]))
    assert sub.nodes == [2, 3, 4]
    assert sorted(zip(sub.source.tolist(), sub.target.tolist(), strict=True)) == [(0, 1), (1, 2)]


def test_pivots_are_networkx_sample():
    nodes = list(range(30))
    assert sample_pivots(nodes, 5, 7) == random.Random(7).sample(nodes, 5)


def test_seeded_igraph_repeats_and_restores_the_default_generator():
    g = ig.Graph.Famous("Zachary")
    with seeded_igraph(3):
        first = g.community_leiden("modularity").membership
    with seeded_igraph(3):
        assert g.community_leiden("modularity").membership == first
    random.seed(11)
    a = g.community_leiden("modularity").membership
    random.seed(11)
    assert g.community_leiden("modularity").membership == a  # back on the random module


def test_doctests():
    assert doctest.testmod(engine_module).failed == 0
